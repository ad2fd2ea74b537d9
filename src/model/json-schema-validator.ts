import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Catalog } from './catalog.js';
import { ErrorSchemas, type JsonSchema } from './error-schema.js';
import { constantsHold, hoistConstants } from './schema-constants.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** Where validators find a catalog's named types. */
const TYPES_ID = 'https://errcat.dev/catalog-types';

/** The catalog's schemas with named types referenced the way the validator below resolves them. */
export function validationSchemas(catalog: Catalog): ErrorSchemas {
  return new ErrorSchemas(catalog, (name) => ({ $ref: `${TYPES_ID}#/$defs/${name}` }));
}

/** The schema that holds a catalog's named types, where `validationSchemas` refers to them. */
export function typesSchema(catalog: Catalog, schemas: ErrorSchemas): JsonSchema {
  return { $id: TYPES_ID, $defs: Object.fromEntries(catalog.types.map((t) => [t.name, schemas.shape(t.shape)])) };
}

/** Validators by the JSON of their named types: catalogs (and reloads in watch mode) with the same types share one. */
const validators = new Map<string, (schema: JsonSchema, value: unknown) => ErrorObject[]>();
/** Enough for a monorepo's distinct type sets; the oldest goes first. */
const MAX_VALIDATORS = 64;

/**
 * One validator for bodies against a catalog's JSON Schemas (draft 2020-12), formats checked,
 * named types resolved; each schema compiles once per shape (its JSON), however many examples,
 * entries or catalogs use it. A schema is first tried as its skeleton without constants (shared by
 * the entries of a catalog, so compiled once for all of them) and the constants checked directly;
 * only a value that fails there is validated against the whole schema, whose errors are reported.
 */
export function createBodyValidator(catalog: Catalog, schemas: ErrorSchemas = validationSchemas(catalog)): (schema: JsonSchema, value: unknown) => ErrorObject[] {
  const types = typesSchema(catalog, schemas);
  const key = JSON.stringify(types);
  const known = validators.get(key);
  if (known) return known;
  // Own properties only: JSON has no prototype, and `constructor` or `toString` are not members of `{}`.
  // `format` is an annotation in a catalog: one ajv does not know is ignored, without a warning on the console.
  // No check of each schema against the 2020-12 meta-schema (~80 ms to compile it, on every run), nor
  // the meta-schemas added: errcat writes these schemas from catalogs its own schema has already
  // checked. Generated code not optimized: each schema validates a handful of values, and
  // compiles in half the time.
  const ajv = new Ajv2020({ allErrors: true, strict: false, ownProperties: true, logger: false, validateSchema: false, meta: false, code: { optimize: false } });
  addFormats(ajv);
  ajv.addSchema(types);
  const compiled = new Map<string, ValidateFunction>();
  const compile = (schema: JsonSchema, shape: string = JSON.stringify(schema)): ValidateFunction => {
    let validate = compiled.get(shape);
    if (!validate) {
      validate = ajv.compile(schema);
      compiled.set(shape, validate);
    }
    return validate;
  };
  const validator = (schema: JsonSchema, value: unknown): ErrorObject[] => {
    // The skeleton first: a value that passes it and its constants needs the whole schema neither
    // compiled nor written out as a key (for 10,000 examples, 20 MB of JSON less).
    const { skeleton, constants } = hoistConstants(schema);
    if (constants.length > 0 && compile(skeleton)(value) && constantsHold(constants, value)) return [];
    const validate = compile(schema);
    return validate(value) ? [] : [...(validate.errors ?? [])];
  };
  if (validators.size >= MAX_VALIDATORS) validators.delete(validators.keys().next().value as string);
  validators.set(key, validator);
  return validator;
}
