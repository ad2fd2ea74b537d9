import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { loadCatalog } from '../load.js';
import { mergeSpec } from '../merge/merge.js';
import { writeFilesAtomically } from '../write/files.js';
import { printDiagnostics } from './output.js';
import { describeWritten } from './project.js';
import { EXIT, UsageError } from './terminal.js';

export interface MergeOptions {
  spec: string;
  out?: string;
  quiet?: boolean;
  validate?: boolean;
}

/** `errcat merge CATALOG --spec SPEC [--out FILE|-]`: in place by default, atomically; the spec is untouched on any failure. */
export async function mergeCommand(catalogFile: string, options: MergeOptions): Promise<number> {
  for (const file of [catalogFile, options.spec]) if (!existsSync(file)) throw new UsageError(`errcat: no such file: ${file}`);
  const loaded = await loadCatalog(catalogFile);
  printDiagnostics(loaded.diagnostics, new Map(loaded.text !== undefined ? [[catalogFile, loaded.text]] : []));
  if (!loaded.catalog) return EXIT.diagnostics;
  const text = await readFile(options.spec, 'utf8');
  const result = await mergeSpec(loaded.catalog, options.spec, text, { validate: options.validate !== false });
  for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
  printDiagnostics(result.diagnostics, new Map([[options.spec, text]]));
  if (result.text === undefined) return EXIT.diagnostics;
  if (options.out === '-') {
    process.stdout.write(result.text);
    return EXIT.ok;
  }
  const [written] = await writeFilesAtomically([{ path: options.out ?? options.spec, content: result.text }]);
  if (written && !options.quiet) process.stdout.write(`${describeWritten(written)}\n`);
  return EXIT.ok;
}
