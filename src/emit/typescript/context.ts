import type { Catalog, Entry } from '../../model/catalog.js';
import { typeName } from '../../model/names.js';
import { PatternTable } from './schema-to-check.js';

/** What every part of the TypeScript emitter shares for one catalog. */
export interface EmitContext {
  catalog: Catalog;
  patterns: PatternTable;
  /** `RateLimitExceededError`. */
  typeName(entry: Entry): string;
  /** `isRateLimitExceededError`. */
  guardName(entry: Entry): string;
  /** `createRateLimitExceededError`. */
  constructorName(entry: Entry): string;
}

export function createContext(catalog: Catalog): EmitContext {
  return {
    catalog,
    patterns: new PatternTable(),
    typeName: (entry) => typeName(catalog, entry),
    guardName: (entry) => `is${typeName(catalog, entry)}`,
    constructorName: (entry) => `create${typeName(catalog, entry)}`,
  };
}
