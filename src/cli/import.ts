import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { importSpec } from '../import/import.js';
import { writeFilesAtomically } from '../write/files.js';
import { describeCatalog } from './summary.js';
import { printDiagnostics } from './output.js';
import { EXIT, UsageError } from './terminal.js';

/**
 * A spec's text for code frames, unless it is one long line (minified JSON): a frame would
 * print the whole spec.
 */
export function framesOf(file: string, text: string): Map<string, string> {
  const longest = text.split('\n').reduce((max, line) => Math.max(max, line.length), 0);
  return longest > 1000 ? new Map() : new Map([[file, text]]);
}

export interface ImportOptions {
  out?: string;
  quiet?: boolean;
}

/**
 * `errcat import SPEC [-o catalog.yaml]`: a catalog drafted from the spec's error responses,
 * printed, or written to a new file. What import guessed or could not read is reported; the
 * catalog it writes always loads (import checks it first).
 */
export async function importCommand(specFile: string, options: ImportOptions): Promise<number> {
  if (!existsSync(specFile)) throw new UsageError(`errcat: no such file: ${specFile}`);
  if (options.out !== undefined && options.out !== '-' && existsSync(options.out)) {
    process.stderr.write(`errcat: ${options.out} already exists; nothing written (import never overwrites a catalog)\n`);
    return EXIT.diagnostics;
  }
  const text = await readFile(specFile, 'utf8');
  const result = importSpec(specFile, text, options.out !== undefined && options.out !== '-' ? { catalogFile: options.out } : {});
  printDiagnostics(result.diagnostics, framesOf(specFile, text));
  if (!result.catalog || result.text === undefined) return EXIT.diagnostics;
  if (options.out === undefined || options.out === '-') {
    process.stdout.write(result.text);
    return EXIT.ok;
  }
  const write = await writeFilesAtomically([{ path: options.out, content: result.text }]);
  if (write.diagnostics.length > 0) {
    printDiagnostics(write.diagnostics);
    return EXIT.diagnostics;
  }
  if (!options.quiet) process.stdout.write(`wrote     ${options.out}: ${describeCatalog(result.catalog)}\n`);
  return EXIT.ok;
}
