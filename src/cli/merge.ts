import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { loadCatalog } from '../load.js';
import type { MergeCounts } from '../merge/plan.js';
import { mergeSpec } from '../merge/merge.js';
import { displayPath } from '../project/display-path.js';
import { writeFilesAtomically } from '../write/files.js';
import { elapsed, printDiagnostics } from './output.js';
import { EXIT, UsageError } from './terminal.js';

export interface MergeOptions {
  spec: string;
  out?: string;
  quiet?: boolean;
  verbose?: boolean;
  validate?: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `12 operations, 30 references added, 2 kept, 0 removed` (and how many replaced, when any were). */
export function describeCounts(counts: MergeCounts): string {
  const replaced = counts.replaced > 0 ? `, ${counts.replaced} replaced` : '';
  return `${plural(counts.operations, 'operation')}, ${plural(counts.added, 'reference')} added, ${counts.kept} kept${replaced}, ${counts.removed} removed`;
}

/** `errcat merge CATALOG --spec SPEC [--out FILE|-]`: in place by default, atomically; the spec is untouched on any failure. */
export async function mergeCommand(catalogFile: string, options: MergeOptions): Promise<number> {
  const started = performance.now();
  if (options.quiet && options.verbose) throw new UsageError('errcat: --quiet and --verbose contradict each other; give one');
  for (const file of [catalogFile, options.spec]) if (!existsSync(file)) throw new UsageError(`errcat: no such file: ${file}`);
  // --quiet: errors only.
  const shown = (diagnostics: Parameters<typeof printDiagnostics>[0]) => (options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics);
  const loaded = await loadCatalog(catalogFile);
  printDiagnostics(shown(loaded.diagnostics), new Map(loaded.text !== undefined ? [[catalogFile, loaded.text]] : []));
  if (!loaded.catalog) return EXIT.diagnostics;
  const text = await readFile(options.spec, 'utf8');
  const result = await mergeSpec(loaded.catalog, options.spec, text, { validate: options.validate !== false });
  if (options.verbose) for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
  printDiagnostics(shown(result.diagnostics), new Map([[options.spec, text]]));
  if (result.text === undefined || !result.counts) return EXIT.diagnostics;
  const target = options.out === '-' ? undefined : (options.out ?? options.spec);
  const written = target === undefined ? undefined : (await writeFilesAtomically([{ path: target, content: result.text }]))[0];
  if (target === undefined) process.stdout.write(result.text);
  if (!options.quiet) {
    // With --out -, stdout holds the spec: the summary goes to stderr.
    const into = target === undefined ? 'stdout' : `${displayPath(target)}${written?.outcome === 'unchanged' ? ' (unchanged)' : ''}`;
    const line = `merged ${loaded.catalog.info.title} into ${into}: ${describeCounts(result.counts)} in ${elapsed(started)}\n`;
    (target === undefined ? process.stderr : process.stdout).write(line);
  }
  return EXIT.ok;
}
