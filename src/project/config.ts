import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { diagnostic, FILE_START, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { OpenApiVersion } from '../emit/openapi/index.js';
import { DEFAULT_FILES } from '../write/output-names.js';
import { parseSource } from '../parse/parse-document.js';
import { readSource } from '../parse/read-source.js';
import { locate, type SourceDocument } from '../parse/source-document.js';
import { CONFIG_SCHEMA_URL, validateShape } from '../validate/catalog-schema.js';
import { didYouMean } from '../validate/suggest.js';
import { importConfigModule, MODULE_CONFIG } from './config-module.js';
import type { ErrcatConfig, SdkSettings, TargetSettings } from './define-config.js';

export type { TargetSettings } from './define-config.js';

/** The config's names, in the order they are looked for: a typed module first. */
export const CONFIG_NAMES = ['errcat.config.ts', 'errcat.config.mts', 'errcat.config.mjs', 'errcat.config.js', 'errcat.config.yaml', 'errcat.config.yml', 'errcat.config.json'] as const;

/** One catalog and where its outputs go, paths resolved. */
export interface Target {
  catalog: string;
  outDir: string;
  openapi: { file: string; version: OpenApiVersion } | false;
  /** `operations`: the specs whose operations errors.ts types. */
  typescript: { file: string; operations: string[] } | false;
  docs: { file: string; pages?: string } | false;
  merge: { spec: string; out: string }[];
  mocks: { file: string } | false;
  sdk: SdkSettings;
}

export interface ProjectConfig {
  file: string;
  root: string;
  templates?: string;
  targets: Target[];
}

export interface ConfigResult {
  config?: ProjectConfig;
  diagnostics: Diagnostic[];
  /** The text read, for code frames; absent for a config module. */
  text?: string;
  missing?: boolean;
}

/** The config in `dir`, by its conventional names. */
export function findConfig(dir: string): string | undefined {
  return CONFIG_NAMES.map((name) => join(dir, name)).find((path) => existsSync(path));
}

/** Paths matching a pattern whose segments may be `*` (one folder each), sorted. */
async function expand(root: string, pattern: string): Promise<string[]> {
  let paths = [pattern.startsWith('/') ? '/' : root];
  for (const segment of pattern.split('/').filter((s) => s !== '' && s !== '.')) {
    const next: string[] = [];
    for (const base of paths) {
      if (!segment.includes('*')) {
        next.push(join(base, segment));
        continue;
      }
      const matcher = new RegExp(`^${segment.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
      const entries = existsSync(base) ? await readdir(base) : [];
      for (const name of entries.sort()) if (matcher.test(name)) next.push(join(base, name));
    }
    paths = next;
  }
  return paths.filter((p) => existsSync(p));
}

/** A catalog's target: paths resolved from `root`, `{name}` filled in, defaults applied. */
export function resolveTarget(root: string, catalog: string, settings: TargetSettings): Target {
  const name = basename(dirname(catalog));
  const path = (p: string) => resolve(root, p.replace(/\{name\}/g, name));
  return {
    catalog,
    outDir: path(settings.out),
    openapi: settings.openapi === false ? false : { file: settings.openapi?.file ?? DEFAULT_FILES.openapi, version: settings.openapi?.version ?? '3.1' },
    typescript:
      settings.typescript === false
        ? false
        : {
            file: settings.typescript?.file ?? DEFAULT_FILES.typescript,
            operations: settings.typescript?.operations === false ? [] : settings.typescript?.operations !== undefined ? [path(settings.typescript.operations)] : (settings.merge ?? []).map((m) => path(m.spec)),
          },
    docs: settings.docs === false ? false : { file: settings.docs?.file ?? DEFAULT_FILES.docs, ...(settings.docs?.pages !== undefined ? { pages: settings.docs.pages } : {}) },
    merge: (settings.merge ?? []).map((m) => ({ spec: path(m.spec), out: path(m.out ?? m.spec) })),
    mocks: settings.mocks === undefined || settings.mocks === false ? false : { file: settings.mocks.file ?? 'mocks.ts' },
    sdk: settings.sdk ?? {},
  };
}

const isFolder = (path: string) => existsSync(path) && statSync(path).isDirectory();

/** The config's data: a YAML or JSON document (located), or a module's default export (reported at 1:1). */
async function readConfig(file: string): Promise<{ value?: unknown; source?: SourceDocument; text?: string; diagnostics: Diagnostic[]; missing?: boolean }> {
  if (MODULE_CONFIG.test(file)) {
    if (!existsSync(file)) return { diagnostics: [], missing: true };
    return importConfigModule(file);
  }
  const read = await readSource(file);
  if (!read.ok) return 'missing' in read ? { diagnostics: [], missing: true } : { diagnostics: [read.diagnostic] };
  const parsed = parseSource(file, read.text);
  if (!parsed.source) return { diagnostics: parsed.diagnostics, text: read.text };
  return { value: parsed.source.document.toJS(), source: parsed.source, text: read.text, diagnostics: [] };
}

/** Reads, validates and resolves a project config; every problem located in the config. */
export async function loadConfig(file: string): Promise<ConfigResult> {
  const read = await readConfig(file);
  const text = read.text !== undefined ? { text: read.text } : {};
  if (read.missing) return { diagnostics: [], missing: true };
  if (read.diagnostics.length > 0) return { diagnostics: read.diagnostics, ...text };
  const source = read.source ?? { file };
  const shape = validateShape(source, read.value, CONFIG_SCHEMA_URL);
  if (shape.length > 0) return { diagnostics: sortDiagnostics(shape), ...text };
  const value = read.value as ErrcatConfig;
  const where = (path: readonly (string | number)[]) => (read.source ? locate(read.source, path) : FILE_START);
  const root = dirname(resolve(file));
  const diagnostics: Diagnostic[] = [];
  const targets: Target[] = [];
  for (const [i, raw] of value.catalogs.entries()) {
    const catalogs = await expand(root, raw.catalog);
    if (catalogs.length === 0) {
      diagnostics.push(diagnostic('catalog-not-found', `No catalog matches \`${raw.catalog}\` (paths are relative to the config's folder); fix the path, or run \`errcat init\` to create one.`, file, where(['catalogs', i, 'catalog'])));
    }
    for (const catalog of catalogs) targets.push(resolveTarget(root, catalog, raw));
  }
  const templates = value.templates === undefined ? undefined : resolve(root, value.templates);
  if (templates !== undefined && !isFolder(templates)) {
    const parent = dirname(templates);
    const siblings = isFolder(parent) ? (await readdir(parent, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name) : [];
    const hint = didYouMean(basename(templates), siblings) || ' Create it, or remove `templates` to use the default templates.';
    diagnostics.push(diagnostic('templates-not-found', `No templates folder at \`${value.templates}\` (paths are relative to the config's folder).${hint}`, file, where(['templates'])));
  }
  if (hasErrors(diagnostics)) return { diagnostics, ...text };
  const config: ProjectConfig = { file, root, targets };
  if (templates !== undefined) config.templates = templates;
  return { config, diagnostics, ...text };
}
