import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Catalog } from './catalog.js';
import { ErrorSchemas, type JsonSchema } from './error-schema.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** Where validators find a catalog's named types. */
const TYPES_ID = 'https://errcat.dev/catalog-types';

/** The catalog's schemas with named types referenced the way the validator below resolves them. */
export function validationSchemas(catalog: Catalog): ErrorSchemas {
  return new ErrorSchemas(catalog, (name) => ({ $ref: `${TYPES_ID}#/$defs/${name}` }));
}

/**
 * One validator for bodies against a catalog's JSON Schemas (draft 2020-12), formats checked,
 * named types resolved; each schema object compiles once.
 */
export function createBodyValidator(catalog: Catalog, schemas: ErrorSchemas = validationSchemas(catalog)): (schema: JsonSchema, value: unknown) => ErrorObject[] {
  // Own properties only: JSON has no prototype, and `constructor` or `toString` are not members of `{}`.
  // `format` is an annotation in a catalog: one ajv does not know is ignored, without a warning on the console.
  const ajv = new Ajv2020({ allErrors: true, strict: false, ownProperties: true, logger: false });
  addFormats(ajv);
  ajv.addSchema({ $id: TYPES_ID, $defs: Object.fromEntries(catalog.types.map((t) => [t.name, schemas.shape(t.shape)])) });
  const compiled = new WeakMap<JsonSchema, ValidateFunction>();
  return (schema, value) => {
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(schema);
      compiled.set(schema, validate);
    }
    return validate(value) ? [] : [...(validate.errors ?? [])];
  };
}
