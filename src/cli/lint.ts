import { summarizeDiagnostics } from '../diagnostics/format.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadCatalog } from '../load.js';
import { printDiagnostics } from './project.js';
import { describeCatalog } from './summary.js';
import { EXIT, UsageError, useColor } from './terminal.js';

export interface LintOptions {
  json?: boolean;
  quiet?: boolean;
}

/** `errcat lint FILE...`: every diagnostic of every file, then a summary line per catalog. */
export async function lintCommand(files: readonly string[], options: LintOptions): Promise<number> {
  const results = [];
  for (const file of files) {
    const result = await loadCatalog(file);
    if (result.missing) throw new UsageError(`errcat: no such file: ${file}`);
    results.push({ file, ...result });
  }
  const all: Diagnostic[] = results.flatMap((r) => r.diagnostics);
  if (options.json) {
    const report = results.map((r) => ({
      file: r.file,
      ok: r.catalog !== undefined,
      diagnostics: r.diagnostics,
      ...(r.catalog ? { summary: describeCatalog(r.catalog) } : {}),
    }));
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    printDiagnostics(all, new Map(results.flatMap((r) => (r.text !== undefined ? [[r.file, r.text] as const] : []))));
    if (!options.quiet) {
      const out = useColor(process.stdout);
      for (const r of results) {
        const mark = r.catalog ? (out ? '\u001b[32mok\u001b[39m' : 'ok') : out ? '\u001b[31mfail\u001b[39m' : 'fail';
        const detail = r.catalog ? describeCatalog(r.catalog) : summarizeDiagnostics(r.diagnostics);
        process.stdout.write(`${mark}  ${r.file}: ${detail}\n`);
      }
      if (all.length > 0) process.stdout.write(`${summarizeDiagnostics(all)}\n`);
    }
  }
  return results.every((r) => r.catalog) ? EXIT.ok : EXIT.diagnostics;
}
