import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema } from './error-schema.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** One validator for bodies against errcat's JSON Schemas (draft 2020-12), with formats checked. */
export function createBodyValidator(): (schema: JsonSchema, value: unknown) => ErrorObject[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return (schema, value) => {
    const validate = ajv.compile(schema);
    return validate(value) ? [] : [...(validate.errors ?? [])];
  };
}
