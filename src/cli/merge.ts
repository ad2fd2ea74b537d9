import { existsSync } from 'node:fs';
import { loadCatalog } from '../load.js';
import type { MergeCounts } from '../merge/plan.js';
import { mergeFile } from '../merge/merge-file.js';
import { mergeSpec } from '../merge/merge.js';
import { readSpecFile } from '../merge/spec-file.js';
import { displayPath } from '../project/display-path.js';
import { elapsed, printDiagnostics } from './output.js';
import { EXIT, UsageError } from './terminal.js';

export interface MergeOptions {
  spec: string;
  out?: string;
  quiet?: boolean;
  verbose?: boolean;
  validate?: boolean;
  /** Write a read-only spec too. */
  force?: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `12 operations, 30 references added, 2 kept, 0 removed` (and how many replaced, when any were). */
export function describeCounts(counts: MergeCounts): string {
  const replaced = counts.replaced > 0 ? `, ${counts.replaced} replaced` : '';
  return `${plural(counts.operations, 'operation')}, ${plural(counts.added, 'reference')} added, ${counts.kept} kept${replaced}, ${counts.removed} removed`;
}

/** `errcat merge CATALOG --spec SPEC [--out FILE|-]`: in place by default, safely; the spec is untouched on any failure. */
export async function mergeCommand(catalogFile: string, options: MergeOptions): Promise<number> {
  const started = performance.now();
  if (options.quiet && options.verbose) throw new UsageError('errcat: --quiet and --verbose contradict each other; give one');
  for (const file of [catalogFile, options.spec]) if (!existsSync(file)) throw new UsageError(`errcat: no such file: ${file}`);
  // --quiet: errors only.
  const shown = (diagnostics: Parameters<typeof printDiagnostics>[0]) => (options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics);
  const loaded = await loadCatalog(catalogFile);
  printDiagnostics(shown(loaded.diagnostics), new Map(loaded.text !== undefined ? [[catalogFile, loaded.text]] : []));
  if (!loaded.catalog) return EXIT.diagnostics;
  const texts = async () => {
    const read = await readSpecFile(options.spec);
    return new Map('text' in read ? [[options.spec, read.text]] : []);
  };
  // With --out -, stdout holds the spec: the summary goes to stderr.
  const summary = (into: string, counts: MergeCounts) => `merged ${loaded.catalog?.info.title} into ${into}: ${describeCounts(counts)} in ${elapsed(started)}\n`;
  if (options.out === '-') {
    const read = await readSpecFile(options.spec);
    if ('missing' in read) throw new UsageError(`errcat: no such file: ${options.spec}`);
    if ('diagnostic' in read) {
      printDiagnostics([read.diagnostic]);
      return EXIT.diagnostics;
    }
    const result = await mergeSpec(loaded.catalog, options.spec, read.text, { validate: options.validate !== false });
    if (options.verbose) for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
    printDiagnostics(shown(result.diagnostics), new Map([[options.spec, read.text]]));
    if (result.bytes === undefined || !result.counts) return EXIT.diagnostics;
    process.stdout.write(result.bytes);
    if (!options.quiet) process.stderr.write(summary('stdout', result.counts));
    return EXIT.ok;
  }
  const result = await mergeFile(loaded.catalog, options.spec, { validate: options.validate !== false, force: options.force === true, ...(options.out !== undefined ? { out: options.out } : {}) });
  if (result.missing) throw new UsageError(`errcat: no such file: ${options.spec}`);
  if (options.verbose) for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
  if (result.diagnostics.length > 0) printDiagnostics(shown(result.diagnostics), await texts());
  if (!result.written || !result.counts) return EXIT.diagnostics;
  if (!options.quiet) process.stdout.write(summary(`${displayPath(result.written.path)}${result.written.outcome === 'unchanged' ? ' (unchanged)' : ''}`, result.counts));
  return EXIT.ok;
}
