import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { OpenApiVersion } from '../emit/openapi/index.js';
import { findConfig, loadConfig, resolveTarget, type ProjectConfig, type Target } from '../project/config.js';
import { displayPath } from '../project/display-path.js';
import type { WrittenFile } from '../write/files.js';
import { UsageError } from './terminal.js';

export interface ProjectOptions {
  out?: string;
  openapi?: string;
  /** The OpenAPI file's format: yaml or json. */
  openapiFormat?: string;
  config?: string;
  /** The docs layout: single or pages. */
  docs?: string;
  /** Specs whose operations errors.ts types (`OperationErrors`). */
  spec?: string[];
  /** `--no-cache`: false builds every catalog, unchanged or not. */
  cache?: boolean;
}

export interface Project {
  config?: ProjectConfig;
  diagnostics: Diagnostic[];
  texts: Map<string, string>;
}

const VERSIONS: readonly OpenApiVersion[] = ['3.1', '3.0', '2.0'];

/** The config to read: `--config`, else one of the conventional names in the current folder. */
function configFile(options: ProjectOptions): string | undefined {
  return options.config ?? findConfig(process.cwd());
}

async function readConfig(file: string): Promise<Project> {
  const result = await loadConfig(file);
  if (result.missing) throw new UsageError(`errcat: no such file: ${file}`);
  const texts = new Map(result.text !== undefined ? [[file, result.text]] : []);
  return { ...(result.config ? { config: result.config } : {}), diagnostics: result.diagnostics, texts };
}

/**
 * The command line's flags over the config's targets: `--openapi` and `--openapi-format` apply
 * to every target that writes an OpenAPI file, `--out` to the one target there is. A flag that
 * applies to no target is a usage error, never silently dropped.
 */
function override(targets: readonly Target[], options: ProjectOptions): Target[] {
  if (options.out !== undefined && targets.length !== 1) {
    throw new UsageError(`errcat: --out sets one output folder, and the config names ${targets.length} catalogs; give one catalog as well (errcat generate <catalog> --out <dir>), or set \`out\` in the config`);
  }
  const changesOpenApi = options.openapi !== undefined || options.openapiFormat !== undefined;
  if (changesOpenApi && !targets.some((t) => t.openapi)) {
    const flag = options.openapi !== undefined ? '--openapi' : '--openapi-format';
    throw new UsageError(`errcat: ${flag} cannot apply: the config writes no OpenAPI file (\`openapi: false\`)`);
  }
  if (options.spec !== undefined && !targets.some((t) => t.typescript)) {
    throw new UsageError('errcat: --spec cannot apply: the config writes no TypeScript (`typescript: false`)');
  }
  if (options.docs !== undefined && !targets.some((t) => t.docs)) {
    throw new UsageError('errcat: --docs cannot apply: the config writes no docs (`docs: false`)');
  }
  return targets.map((target) => {
    const next: Target = { ...target };
    if (options.out !== undefined) next.outDir = resolve(options.out);
    if (target.typescript && options.spec !== undefined) next.typescript = { ...target.typescript, operations: options.spec.map((s) => resolve(s)) };
    // Pages go in a folder named after the reference: errors.md → errors/.
    if (target.docs && options.docs !== undefined) next.docs = options.docs === 'pages' ? { file: target.docs.file, pages: target.docs.file.replace(/\.md$/, '') } : { file: target.docs.file };
    if (target.openapi && changesOpenApi) {
      const format = options.openapiFormat;
      const file = format === undefined ? target.openapi.file : `${target.openapi.file.slice(0, -extname(target.openapi.file).length)}.${format}`;
      next.openapi = { file, version: (options.openapi as OpenApiVersion | undefined) ?? target.openapi.version };
    }
    return next;
  });
}

/**
 * The project a command works on:
 * - no catalog: every catalog of the config (`--config`, else errcat.config.* here);
 * - a catalog and `--out`, no `--config`: that catalog alone, with the flags' settings;
 * - a catalog otherwise: that catalog's target in the config.
 * Flags override what the config says (see `override`).
 */
export async function resolveProject(catalog: string | undefined, options: ProjectOptions): Promise<Project> {
  if (options.openapi !== undefined && !VERSIONS.includes(options.openapi as OpenApiVersion)) throw new UsageError(`errcat: --openapi must be one of ${VERSIONS.join(', ')}, not "${options.openapi}"`);
  if (options.openapiFormat !== undefined && options.openapiFormat !== 'yaml' && options.openapiFormat !== 'json') throw new UsageError(`errcat: the OpenAPI format (--openapi-format) must be yaml or json, not "${options.openapiFormat}"`);
  if (options.docs !== undefined && options.docs !== 'single' && options.docs !== 'pages') throw new UsageError(`errcat: --docs must be single or pages, not "${options.docs}"`);
  if (catalog !== undefined && !existsSync(catalog)) throw new UsageError(`errcat: no such file: ${catalog}`);
  for (const spec of options.spec ?? []) if (!existsSync(spec)) throw new UsageError(`errcat: no such file: ${spec}`);
  if (catalog !== undefined && options.out !== undefined && options.config === undefined) {
    const openapi = { file: `openapi.${options.openapiFormat ?? 'yaml'}`, version: (options.openapi ?? '3.1') as OpenApiVersion };
    const target = resolveTarget(process.cwd(), resolve(catalog), { catalog, out: options.out, openapi });
    if (target.typescript && options.spec !== undefined) target.typescript = { ...target.typescript, operations: options.spec.map((s) => resolve(s)) };
    return { diagnostics: [], texts: new Map(), config: { file: '(command line)', root: process.cwd(), targets: [target] } };
  }
  const file = configFile(options);
  if (file === undefined) {
    throw new UsageError(
      catalog === undefined
        ? 'errcat: no catalog given and no errcat.config.yaml (or .ts, .mjs, .js, .yml, .json) here; pass a catalog and --out, or run `errcat init`'
        : "errcat: required option '-o, --out <dir>' not specified (needed with a catalog argument when no errcat.config.* names it)",
    );
  }
  const project = await readConfig(file);
  if (!project.config) return project;
  let targets = project.config.targets;
  if (catalog !== undefined) {
    targets = targets.filter((t) => t.catalog === resolve(catalog));
    if (targets.length === 0) throw new UsageError(`errcat: ${displayPath(file)} does not name ${catalog}; add it to the config, or pass --out to compile it on its own`);
  }
  return { ...project, config: { ...project.config, targets: override(targets, options) } };
}

/** `wrote     path (N bytes)` or `unchanged path (N bytes)`: one line per output file. */
export function describeWritten(file: WrittenFile): string {
  return `${file.outcome === 'written' ? 'wrote    ' : 'unchanged'} ${displayPath(file.path)} (${file.bytes} bytes)`;
}
