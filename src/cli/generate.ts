import { formatDiagnostic } from '../diagnostics/format.js';
import type { OpenApiVersion } from '../emit/openapi/index.js';
import { generate } from '../generate.js';
import { loadCatalog } from '../load.js';
import { writeFilesAtomically } from '../write/files.js';
import type { DataFormat } from '../write/serialize.js';
import { EXIT, UsageError, useColor } from './terminal.js';

export interface GenerateCommandOptions {
  out: string;
  openapi: string;
  format: string;
  quiet?: boolean;
}

const VERSIONS: readonly OpenApiVersion[] = ['3.1', '3.0', '2.0'];
const FORMATS: readonly DataFormat[] = ['yaml', 'json'];

/** `errcat generate CATALOG --out DIR`: load, emit everything in memory, then write it all or nothing. */
export async function generateCommand(file: string, options: GenerateCommandOptions): Promise<number> {
  if (!VERSIONS.includes(options.openapi as OpenApiVersion)) throw new UsageError(`errcat: --openapi must be one of ${VERSIONS.join(', ')}, not "${options.openapi}"`);
  if (!FORMATS.includes(options.format as DataFormat)) throw new UsageError(`errcat: --format must be yaml or json, not "${options.format}"`);
  const result = await loadCatalog(file);
  if (result.missing) throw new UsageError(`errcat: no such file: ${file}`);
  const color = useColor(process.stderr);
  for (const d of result.diagnostics) {
    process.stderr.write(`${formatDiagnostic(d, { color, ...(result.text !== undefined ? { sourceText: result.text } : {}) })}\n`);
  }
  if (!result.catalog) return EXIT.diagnostics;
  const files = generate(result.catalog, { outDir: options.out, openapi: options.openapi as OpenApiVersion, format: options.format as DataFormat });
  const written = await writeFilesAtomically(files);
  if (!options.quiet) {
    for (const w of written) process.stdout.write(`${w.outcome === 'written' ? 'wrote    ' : 'unchanged'} ${w.path} (${w.bytes} bytes)\n`);
  }
  return EXIT.ok;
}
