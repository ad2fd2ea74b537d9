import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { importSpec } from '../import/import.js';
import { loadCatalogText } from '../load.js';
import { readSpec } from '../merge/merge.js';
import { isMapping, type SpecMapping } from '../merge/spec-data.js';
import type { Catalog } from '../model/catalog.js';
import { diffCatalogs } from './diff.js';
import type { Finding } from './finding.js';
import { catalogLocator, locateFindings, type PathLocator } from './locate.js';

/** One side of a diff: a catalog, or a spec imported in memory. */
export interface Contract {
  file: string;
  kind: 'catalog' | 'spec';
  /** Absent when the text is not a catalog (or a spec import can read). */
  catalog?: Catalog;
  diagnostics: Diagnostic[];
  /** For a spec: its data, whose operations the imported catalog is attached to. */
  spec?: SpecMapping;
  /** Where a catalog path is written: in the catalog, or where the spec says it. */
  locate: PathLocator;
}

/** A spec's data, for `--spec`: undefined when the text is not a mapping. */
export function readSpecData(file: string, text: string): SpecMapping | undefined {
  const data = readSpec(file, text).data;
  return isMapping(data) ? data : undefined;
}

/** Reads one side of a diff from its text: a spec (an `openapi` or `swagger` document) is imported, anything else loaded as a catalog. */
export function readContract(file: string, text: string): Contract {
  const data = readSpec(file, text).data;
  if (isMapping(data) && ('openapi' in data || 'swagger' in data) && !('errcat' in data)) {
    const imported = importSpec(file, text, { data });
    const contract: Contract = { file, kind: 'spec', diagnostics: imported.diagnostics, locate: imported.locate };
    if (imported.catalog) contract.catalog = imported.catalog;
    if (imported.spec) contract.spec = imported.spec;
    return contract;
  }
  const loaded = loadCatalogText(file, text);
  const contract: Contract = { file, kind: 'catalog', diagnostics: loaded.diagnostics, locate: catalogLocator(file, text) };
  if (loaded.catalog) contract.catalog = loaded.catalog;
  return contract;
}

/**
 * The findings between two contracts, located in their files. Operations come from `spec` when
 * given (both catalogs attached to it), else from each side's own spec when both are specs, else
 * from the catalogs' rules.
 */
export function diffContracts(old: Contract & { catalog: Catalog }, next: Contract & { catalog: Catalog }, options: { spec?: SpecMapping } = {}): Finding[] {
  const specs = options.spec ? { old: options.spec, new: options.spec } : old.spec && next.spec ? { old: old.spec, new: next.spec } : undefined;
  return locateFindings(diffCatalogs(old.catalog, next.catalog, specs ? { specs } : {}), { old: old.locate, new: next.locate });
}
