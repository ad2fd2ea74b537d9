import type { Catalog } from './model/catalog.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { normalizeCatalog } from './normalize/normalize.js';
import type { RawCatalog } from './normalize/raw.js';
import { parseSource } from './parse/parse-document.js';
import { readSource } from './parse/read-source.js';
import { resolveCatalog } from './resolve/resolve.js';
import { validateCatalogShape } from './validate/catalog-schema.js';

export interface LoadResult {
  /** Present only when there are no errors (warnings allowed). */
  catalog?: Catalog;
  diagnostics: Diagnostic[];
  /** The text read, for code frames; absent when the file could not be read as text. */
  text?: string;
  /** True when the path does not exist: a usage error, not a catalog error. */
  missing?: boolean;
}

/** parse → validate → normalize → resolve: the model whenever normalize ran, with every diagnostic. */
function pipeline(file: string, text: string): { catalog?: Catalog; diagnostics: Diagnostic[] } {
  const parsed = parseSource(file, text);
  if (!parsed.source) return { diagnostics: sortDiagnostics(parsed.diagnostics) };
  const value = parsed.source.document.toJS({ maxAliasCount: 1000 }) as unknown;
  const shape = validateCatalogShape(parsed.source, value);
  if (shape.length > 0) return { diagnostics: sortDiagnostics(shape) };
  const normalized = normalizeCatalog(value as RawCatalog, parsed.source);
  const catalog = resolveCatalog(normalized.catalog, normalized.context);
  return { catalog, diagnostics: sortDiagnostics(normalized.context.diagnostics) };
}

/** parse → validate → normalize → resolve, from text. */
export function loadCatalogText(file: string, text: string): LoadResult {
  const { catalog, diagnostics } = pipeline(file, text);
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
export async function loadCatalog(file: string): Promise<LoadResult> {
  const read = await readSource(file);
  if (!read.ok) return 'missing' in read ? { diagnostics: [], missing: true } : { diagnostics: [read.diagnostic] };
  return loadCatalogText(file, read.text);
}
