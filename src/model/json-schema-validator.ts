import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema } from './error-schema.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/**
 * One validator for bodies against errcat's JSON Schemas (draft 2020-12), with formats checked.
 * Own properties only: a body without a `valueOf` field has none, whatever its prototype says.
 */
export function createBodyValidator(): (schema: JsonSchema, value: unknown) => ErrorObject[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false, ownProperties: true });
  addFormats(ajv);
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
