import type { Catalog } from './model/catalog.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { normalizeCatalog } from './normalize/normalize.js';
import type { RawCatalog } from './normalize/raw.js';
import { parseSource } from './parse/parse-document.js';
import { readSource } from './parse/read-source.js';
import type { Limits } from './parse/limits.js';
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

/** parse → validate → normalize, from text. */
export function loadCatalogText(file: string, text: string, options: LoadOptions = {}): LoadResult {
  const parsed = parseSource(file, text, { kind: 'catalog', ...(options.limits ? { limits: options.limits } : {}) });
  if (!parsed.source) return { diagnostics: sortDiagnostics(parsed.diagnostics), text };
  const unreadable = keysAndNumbers(parsed.source);
  if (unreadable.length > 0) return { diagnostics: sortDiagnostics(unreadable), text };
  // Aliases are bounded by the parse limits, so their expansion needs no second cap here.
  const value = parsed.source.document.toJS({ maxAliasCount: -1 }) as unknown;
  const shape = validateCatalogShape(parsed.source, value);
  if (shape.length > 0) return { diagnostics: sortDiagnostics(shape), text };
  const { catalog, diagnostics } = normalizeCatalog(value as RawCatalog, parsed.source);
  const sorted = sortDiagnostics(diagnostics);
  return hasErrors(sorted) ? { diagnostics: sorted, text } : { catalog, diagnostics: sorted, text };
}

/** Reads and loads one catalog file. */
export async function loadCatalog(file: string, options: LoadOptions = {}): Promise<LoadResult> {
  const read = await readSource(file, options.limits);
  if (!read.ok) return 'missing' in read ? { diagnostics: [], missing: true } : { diagnostics: [read.diagnostic] };
  return loadCatalogText(file, read.text, options);
}
