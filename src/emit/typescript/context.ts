import type { Catalog, Entry, NamedType } from '../../model/catalog.js';
import { ErrorSchemas, type JsonSchema } from '../../model/error-schema.js';
import { guardOf, typeName } from '../../model/names.js';

/** The key of the marker `ErrorSchemas` puts where a named type is referenced; types and guards turn it into the type's name and guard. */
export const TYPE_REF = 'x-errcat-type';

/** The key of a placeholder for a value errcat has a guard for already (the error union inside an envelope). */
export const GUARD_REF = 'x-errcat-guard';

/** What every part of the TypeScript emitter shares for one catalog. */
export interface EmitContext {
  catalog: Catalog;
  /** The catalog's JSON Schemas, named types as markers. */
  schemas: ErrorSchemas;
  /** `schemas.errorObject(entry)`, made once per code (or once for the shared shape): the types and the guards both read it. Read-only. */
  errorObject(entry?: Entry): JsonSchema;
  /** `RateLimitExceededError`. */
  typeName(entry: Entry): string;
  /** `isRateLimitExceededError`. */
  guardName(entry: Entry): string;
  /** `createRateLimitExceededError`. */
  constructorName(entry: Entry): string;
  /** `isInnerError` for the named type `InnerError`. */
  typeGuardName(name: string): string;
  namedType(name: string): NamedType | undefined;
  /** Registers a runtime declaration the generated code calls; returns its name. */
  use(name: string): string;
  /** The module constant holding a pattern, compiled once. */
  pattern(pattern: string): string;
  /** Runtime declarations used so far. */
  readonly runtime: ReadonlySet<string>;
  /** Patterns used so far, with their constant names. */
  readonly patterns: ReadonlyMap<string, string>;
}

export function createContext(catalog: Catalog): EmitContext {
  const runtime = new Set<string>();
  const patterns = new Map<string, string>();
  const types = new Map(catalog.types.map((t) => [t.name, t]));
  // Every part names every entry (types, guards, constructors, unions, tables): each name is worked out once.
  const names = new Map<Entry, string>();
  const nameOf = (entry: Entry) => {
    let name = names.get(entry);
    if (name === undefined) names.set(entry, (name = typeName(catalog, entry)));
    return name;
  };
  const schemas = new ErrorSchemas(catalog, (name): JsonSchema => ({ [TYPE_REF]: name }));
  const errorObjects = new Map<Entry | undefined, JsonSchema>();
  return {
    catalog,
    schemas,
    errorObject(entry) {
      let schema = errorObjects.get(entry);
      if (schema === undefined) errorObjects.set(entry, (schema = schemas.errorObject(entry)));
      return schema;
    },
    typeName: nameOf,
    guardName: (entry) => guardOf(nameOf(entry)),
    constructorName: (entry) => `create${nameOf(entry)}`,
    typeGuardName: (name) => guardOf(name),
    namedType: (name) => types.get(name),
    use(name) {
      runtime.add(name);
      return name;
    },
    pattern(pattern) {
      let name = patterns.get(pattern);
      if (name === undefined) {
        name = `PATTERN_${patterns.size + 1}`;
        patterns.set(pattern, name);
      }
      return name;
    },
    runtime,
    patterns,
  };
}
