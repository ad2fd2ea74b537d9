import { createRequire } from 'node:module';
import { format } from 'node:util';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { v30, v31 } from './openapi-validators.generated.js';

/** Required rather than imported: an ESM import of a CommonJS package scans its source for export names first. */
const require = createRequire(import.meta.url);

interface SwaggerParserStatic {
  validate(api: unknown, options: object): Promise<unknown>;
}

/** swagger-parser's message for schema errors. */
function schemaError(errors: readonly ErrorObject[]): SyntaxError {
  let message = 'Swagger schema validation failed.\n';
  for (const error of errors) message += format(`  #${error.instancePath.length ? error.instancePath : '/'} ${error.message}\n`);
  return Object.assign(new SyntaxError(message), { details: errors });
}

/**
 * `SwaggerParser.validate(api, { resolve: { external: false } })`, with the same outcome and
 * messages, but the OpenAPI 3.x schema compiled at build time. For 3.x, swagger-parser's
 * validate is a dereference that leaves circular `$ref`s, then the schema check (its spec checks
 * are for Swagger 2.0 only); Swagger 2.0 goes to it whole. Throws as it does.
 */
export async function validateOpenApi(api: Record<string, unknown>): Promise<void> {
  const SwaggerParser = require('@apidevtools/swagger-parser') as SwaggerParserStatic;
  const openapi = api['openapi'];
  if (api['swagger'] !== undefined || typeof openapi !== 'string') {
    await SwaggerParser.validate(api, { resolve: { external: false } });
    return;
  }
  const dereferenced = await SwaggerParser.validate(api, { resolve: { external: false }, dereference: { circular: 'ignore' }, validate: { schema: false, spec: false } });
  // swagger-parser's schema check (lib/validators/schema.js), compiled at build time
  // (schema/build-openapi-validators.mjs): swagger-parser compiles it on every call (~0.3–0.5 s).
  // The 3.0 check answers each shared object once per document (a third of the walk on GitHub's spec).
  const validate = (openapi.startsWith('3.1') ? v31 : v30) as ValidateFunction;
  if (!validate(dereferenced)) throw schemaError(validate.errors ?? []);
}
