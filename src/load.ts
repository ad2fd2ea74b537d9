import type { Catalog } from './model/catalog.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { normalizeCatalog } from './normalize/normalize.js';
import type { RawCatalog } from './normalize/raw.js';
import { parseSource } from './parse/parse-document.js';
import { readSource } from './parse/read-source.js';
import type { Limits } from './parse/limits.js';
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

/** parse → validate → normalize → resolve: the model whenever normalize ran, with every diagnostic. */
function pipeline(file: string, text: string, options: LoadOptions = {}): { catalog?: Catalog; diagnostics: Diagnostic[] } {
  const parsed = parseSource(file, text, { kind: 'catalog', ...(options.limits ? { limits: options.limits } : {}) });
  if (!parsed.source) return { diagnostics: sortDiagnostics(parsed.diagnostics) };
  const unreadable = keysAndNumbers(parsed.source);
  if (unreadable.length > 0) return { diagnostics: sortDiagnostics(unreadable) };
  // Aliases are bounded by the parse limits, so their expansion needs no second cap here.
  const value = parsed.source.document.toJS({ maxAliasCount: -1 }) as unknown;
  const shape = validateCatalogShape(parsed.source, value);
  if (shape.length > 0) return { diagnostics: sortDiagnostics(shape) };
  const normalized = normalizeCatalog(value as RawCatalog, parsed.source);
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
