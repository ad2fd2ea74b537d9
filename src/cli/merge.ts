import { existsSync } from 'node:fs';
import { loadCatalog } from '../load.js';
import { mergeFile } from '../merge/merge-file.js';
import { mergeSpec } from '../merge/merge.js';
import { readSpecFile } from '../merge/spec-file.js';
import { describeWritten, printDiagnostics } from './project.js';
import { EXIT, UsageError } from './terminal.js';

export interface MergeOptions {
  spec: string;
  out?: string;
  quiet?: boolean;
  validate?: boolean;
  /** Write a read-only spec too. */
  force?: boolean;
}

/** `errcat merge CATALOG --spec SPEC [--out FILE|-]`: in place by default, safely; the spec is untouched on any failure. */
export async function mergeCommand(catalogFile: string, options: MergeOptions): Promise<number> {
  for (const file of [catalogFile, options.spec]) if (!existsSync(file)) throw new UsageError(`errcat: no such file: ${file}`);
  const loaded = await loadCatalog(catalogFile);
  printDiagnostics(loaded.diagnostics, new Map(loaded.text !== undefined ? [[catalogFile, loaded.text]] : []));
  if (!loaded.catalog) return EXIT.diagnostics;
  const texts = async () => {
    const read = await readSpecFile(options.spec);
    return new Map('text' in read ? [[options.spec, read.text]] : []);
  };
  if (options.out === '-') {
    const read = await readSpecFile(options.spec);
    if ('missing' in read) throw new UsageError(`errcat: no such file: ${options.spec}`);
    if ('diagnostic' in read) {
      printDiagnostics([read.diagnostic], new Map());
      return EXIT.diagnostics;
    }
    const result = await mergeSpec(loaded.catalog, options.spec, read.text, { validate: options.validate !== false });
    for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
    printDiagnostics(result.diagnostics, new Map([[options.spec, read.text]]));
    if (result.bytes === undefined) return EXIT.diagnostics;
    process.stdout.write(result.bytes);
    return EXIT.ok;
  }
  const result = await mergeFile(loaded.catalog, options.spec, { validate: options.validate !== false, force: options.force === true, ...(options.out !== undefined ? { out: options.out } : {}) });
  if (result.missing) throw new UsageError(`errcat: no such file: ${options.spec}`);
  for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
  if (result.diagnostics.length > 0) printDiagnostics(result.diagnostics, await texts());
  if (!result.written) return EXIT.diagnostics;
  if (!options.quiet) process.stdout.write(`${describeWritten(result.written)}\n`);
  return EXIT.ok;
}
