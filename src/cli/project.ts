import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import type { OpenApiVersion } from '../emit/openapi/index.js';
import { findConfig, loadConfig, resolveTarget, type ProjectConfig } from '../project/config.js';
import { displayPath } from '../project/display-path.js';
import type { WrittenFile } from '../write/files.js';
import { UsageError, useColor } from './terminal.js';

export interface ProjectOptions {
  out?: string;
  openapi?: string;
  format?: string;
  config?: string;
  docs?: string;
}

const VERSIONS: readonly OpenApiVersion[] = ['3.1', '3.0', '2.0'];

/**
 * The project a command works on: one catalog given on the command line (with `--out`), or
 * the config (`--config`, else errcat.config.yaml in the current folder).
 */
export async function resolveProject(catalog: string | undefined, options: ProjectOptions): Promise<{ config?: ProjectConfig; diagnostics: Diagnostic[]; texts: Map<string, string> }> {
  if (options.openapi !== undefined && !VERSIONS.includes(options.openapi as OpenApiVersion)) throw new UsageError(`errcat: --openapi must be one of ${VERSIONS.join(', ')}, not "${options.openapi}"`);
  if (options.format !== undefined && options.format !== 'yaml' && options.format !== 'json') throw new UsageError(`errcat: --format must be yaml or json, not "${options.format}"`);
  if (options.docs !== undefined && options.docs !== 'single' && options.docs !== 'pages') throw new UsageError(`errcat: --docs must be single or pages, not "${options.docs}"`);
  const project = await resolveTargets(catalog, options);
  if (options.docs === undefined || !project.config) return project;
  // `--docs` applies to every catalog: pages go in a folder named after the reference (errors.md → errors/).
  const targets = project.config.targets.map((t) => (t.docs === false ? t : { ...t, docs: options.docs === 'pages' ? { file: t.docs.file, pages: t.docs.file.replace(/\.md$/, '') } : { file: t.docs.file } }));
  return { ...project, config: { ...project.config, targets } };
}

async function resolveTargets(catalog: string | undefined, options: ProjectOptions): Promise<{ config?: ProjectConfig; diagnostics: Diagnostic[]; texts: Map<string, string> }> {
  if (catalog !== undefined) {
    if (!existsSync(catalog)) throw new UsageError(`errcat: no such file: ${catalog}`);
    if (options.out === undefined) throw new UsageError("errcat: required option '-o, --out <dir>' not specified (needed with a catalog argument; without one, errcat reads errcat.config.yaml)");
    const openapi = { file: `openapi.${options.format ?? 'yaml'}`, version: (options.openapi ?? '3.1') as OpenApiVersion };
    const target = resolveTarget(process.cwd(), resolve(catalog), { catalog, out: options.out, openapi });
    return { diagnostics: [], texts: new Map(), config: { file: '(command line)', root: process.cwd(), targets: [target] } };
  }
  const file = options.config ?? findConfig(process.cwd());
  if (file === undefined) throw new UsageError('errcat: no catalog given and no errcat.config.yaml here; pass a catalog and --out, or run `errcat init`');
  const result = await loadConfig(file);
  if (result.missing) throw new UsageError(`errcat: no such file: ${file}`);
  const texts = new Map(result.text !== undefined ? [[file, result.text]] : []);
  return { ...(result.config ? { config: result.config } : {}), diagnostics: result.diagnostics, texts };
}

/** `wrote     path (N bytes)` or `unchanged path (N bytes)`: one line per output file. */
export function describeWritten(file: WrittenFile): string {
  return `${file.outcome === 'written' ? 'wrote    ' : 'unchanged'} ${displayPath(file.path)} (${file.bytes} bytes)`;
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): void {
  const color = useColor(process.stderr);
  for (const d of diagnostics) {
    const text = texts.get(d.file);
    process.stderr.write(`${formatDiagnostic(d, { color, ...(text !== undefined ? { sourceText: text } : {}) })}\n`);
  }
}
