import { summarizeDiagnostics } from '../diagnostics/format.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadCatalog } from '../load.js';
import { displayPath } from '../project/display-path.js';
import { elapsed, reportFormat, writeDiagnostics, type ReportOptions } from './output.js';
import { resolveProject } from './project.js';
import { describeCatalog } from './summary.js';
import { EXIT, UsageError, useColor } from './terminal.js';

export interface LintOptions extends ReportOptions {
  config?: string;
}

/** The catalogs to lint: those given, else every catalog of the config (whose own mistakes come first). */
async function catalogsToLint(files: readonly string[], options: LintOptions): Promise<{ files: string[]; diagnostics: Diagnostic[]; texts: Map<string, string> }> {
  if (files.length > 0) {
    if (options.config !== undefined) throw new UsageError('errcat: --config applies only when no catalog is given; lint the catalogs given, or drop them to lint the config\'s');
    return { files: [...files], diagnostics: [], texts: new Map() };
  }
  const project = await resolveProject(undefined, options.config !== undefined ? { config: options.config } : {});
  const catalogs = [...new Set(project.config?.targets.map((t) => t.catalog) ?? [])];
  return { files: catalogs, diagnostics: project.diagnostics, texts: project.texts };
}

/** `errcat lint [FILE...]`: every diagnostic of every catalog, then a line per catalog and one summary line. */
export async function lintCommand(files: readonly string[], options: LintOptions): Promise<number> {
  const started = performance.now();
  const format = reportFormat(options);
  const selected = await catalogsToLint(files, options);
  const results = [];
  for (const file of selected.files) {
    const result = await loadCatalog(file);
    if (result.missing) throw new UsageError(`errcat: no such file: ${file}`);
    if (result.text !== undefined) selected.texts.set(file, result.text);
    results.push({ file, ...result });
  }
  const all: Diagnostic[] = [...selected.diagnostics, ...results.flatMap((r) => r.diagnostics)];
  const ok = selected.diagnostics.every((d) => d.severity !== 'error') && results.every((r) => r.catalog);
  const catalogs = results.map((r) => ({ file: displayPath(r.file), ok: r.catalog !== undefined, ...(r.catalog ? { summary: describeCatalog(r.catalog) } : {}) }));
  writeDiagnostics(format, all, selected.texts, { catalogs });
  if (format === 'stylish' && !options.quiet) {
    const color = useColor(process.stdout);
    for (const c of catalogs) {
      const mark = c.ok ? (color ? '\u001b[32mok\u001b[39m' : 'ok') : color ? '\u001b[31mfail\u001b[39m' : 'fail';
      process.stdout.write(`${mark}  ${c.file}${c.summary !== undefined ? `: ${c.summary}` : ''}\n`);
    }
    const count = `${results.length} catalog${results.length === 1 ? '' : 's'}`;
    process.stdout.write(`${count}: ${summarizeDiagnostics(all)} in ${elapsed(started)}\n`);
  }
  return ok ? EXIT.ok : EXIT.diagnostics;
}
