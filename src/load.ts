import type { Catalog } from './model/catalog.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { normalizeCatalog } from './normalize/normalize.js';
import type { RawCatalog } from './normalize/raw.js';
import { deferredSource, isJsonText, parseSource } from './parse/parse-document.js';
import { plainYamlData } from './parse/plain-yaml.js';
import { readSource } from './parse/read-source.js';
import { resolveLimits, sizeOverflow, type Limits } from './parse/limits.js';
import type { SourceDocument } from './parse/source-document.js';
import { resolveCatalog } from './resolve/resolve.js';
import { validateCatalogShape } from './validate/catalog-schema.js';
import { keysAndNumbers } from './validate/keys-and-numbers.js';

export interface LoadResult {
  /** Present only when there are no errors (warnings allowed). */
  catalog?: Catalog;
  diagnostics: Diagnostic[];
  /** The text read, for code frames; absent when the file could not be read as text. */
  text?: string;
  /** True when the path does not exist: a usage error, not a catalog error. */
  missing?: boolean;
}

export interface LoadOptions {
  /** Limits over the defaults and the environment (see src/parse/limits.ts). */
  limits?: Partial<Limits>;
}

/**
 * A catalog's data and its source. A YAML catalog with nothing unusual in it is read without a
 * `yaml` Document, which is parsed only if a diagnostic needs a position; anything else goes
 * the located way, where keys and numbers no output could hold are reported.
 */
function readCatalogValue(file: string, text: string, options: LoadOptions): { value: unknown; source: SourceDocument } | { diagnostics: Diagnostic[] } {
  const limits = resolveLimits('catalog', options.limits);
  const plain = isJsonText(file, text) || sizeOverflow(Buffer.byteLength(text), limits, 'catalog') !== undefined ? undefined : plainYamlData(text, limits);
  if (plain) return { value: plain, source: deferredSource(file, text) };
  const parsed = parseSource(file, text, { kind: 'catalog', limits });
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  const unreadable = keysAndNumbers(parsed.source);
  if (unreadable.length > 0) return { diagnostics: unreadable };
  // Aliases are bounded by the parse limits, so their expansion needs no second cap here.
  return { value: parsed.source.document.toJS({ maxAliasCount: -1 }) as unknown, source: parsed.source };
}

/** parse → validate → normalize → resolve: the model whenever normalize ran, with every diagnostic. */
function pipeline(file: string, text: string, options: LoadOptions = {}): { catalog?: Catalog; diagnostics: Diagnostic[] } {
  const read = readCatalogValue(file, text, options);
  if ('diagnostics' in read) return { diagnostics: sortDiagnostics(read.diagnostics) };
  const { value, source } = read;
  const shape = validateCatalogShape(source, value);
  if (shape.length > 0) return { diagnostics: sortDiagnostics(shape) };
  const normalized = normalizeCatalog(value as RawCatalog, source);
  const catalog = resolveCatalog(normalized.catalog, normalized.context);
  return { catalog, diagnostics: sortDiagnostics(normalized.context.diagnostics) };
}

/** parse → validate → normalize → resolve, from text. */
export function loadCatalogText(file: string, text: string, options: LoadOptions = {}): LoadResult {
  const { catalog, diagnostics } = pipeline(file, text, options);
  return catalog && !hasErrors(diagnostics) ? { catalog, diagnostics, text } : { diagnostics, text };
}

/**
 * The model of a catalog whose only errors are in its examples: for what writes catalogs and
 * mends their examples before it writes them (import). Absent when anything else is wrong.
 */
export function loadCatalogModel(file: string, text: string): { catalog?: Catalog; diagnostics: Diagnostic[] } {
  const { catalog, diagnostics } = pipeline(file, text);
  const wrong = diagnostics.some((d) => d.severity === 'error' && d.code !== 'example-invalid');
  return catalog && !wrong ? { catalog, diagnostics } : { diagnostics };
}

/** Reads and loads one catalog file. */
export async function loadCatalog(file: string, options: LoadOptions = {}): Promise<LoadResult> {
  const read = await readSource(file, options.limits);
  if (!read.ok) return 'missing' in read ? { diagnostics: [], missing: true } : { diagnostics: [read.diagnostic] };
  return loadCatalogText(file, read.text, options);
}
