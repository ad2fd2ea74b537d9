import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import type { OpenApiVersion } from '../emit/openapi/index.js';
import { findConfig, loadConfig, type ProjectConfig } from '../project/config.js';
import { UsageError, useColor } from './terminal.js';

export interface ProjectOptions {
  out?: string;
  openapi?: string;
  format?: string;
  config?: string;
}

const VERSIONS: readonly OpenApiVersion[] = ['3.1', '3.0', '2.0'];

/**
 * The project a command works on: one catalog given on the command line (with `--out`), or
 * the config (`--config`, else errcat.config.yaml in the current folder).
 */
export async function resolveProject(catalog: string | undefined, options: ProjectOptions): Promise<{ config?: ProjectConfig; diagnostics: Diagnostic[]; text?: string }> {
  if (options.openapi !== undefined && !VERSIONS.includes(options.openapi as OpenApiVersion)) throw new UsageError(`errcat: --openapi must be one of ${VERSIONS.join(', ')}, not "${options.openapi}"`);
  if (options.format !== undefined && options.format !== 'yaml' && options.format !== 'json') throw new UsageError(`errcat: --format must be yaml or json, not "${options.format}"`);
  if (catalog !== undefined) {
    if (options.out === undefined) throw new UsageError("errcat: required option '-o, --out <dir>' not specified (needed with a catalog argument; without one, errcat reads errcat.config.yaml)");
    const format = options.format ?? 'yaml';
    return {
      diagnostics: [],
      config: {
        file: '(command line)',
        root: process.cwd(),
        targets: [{ catalog: resolve(catalog), outDir: resolve(options.out), openapi: { file: `openapi.${format}`, version: (options.openapi ?? '3.1') as OpenApiVersion }, typescript: { file: 'errors.ts' }, docs: { file: 'errors.md' }, merge: [] }],
      },
    };
  }
  const file = options.config ?? findConfig(process.cwd());
  if (file === undefined) throw new UsageError('errcat: no catalog given and no errcat.config.yaml here; pass a catalog and --out, or run `errcat init`');
  const result = await loadConfig(file);
  if (result.missing) throw new UsageError(`errcat: no such file: ${file}`);
  return result;
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): void {
  const color = useColor(process.stderr);
  for (const d of diagnostics) {
    const text = texts.get(d.file);
    process.stderr.write(`${formatDiagnostic(d, { color, ...(text !== undefined ? { sourceText: text } : {}) })}\n`);
  }
}
