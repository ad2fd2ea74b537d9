import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv, type AnySchema, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { ROOT } from './helpers.js';

/**
 * Third-party judges of errcat's output, used by the tests. None of them is errcat's code:
 * swagger-parser, ajv, openapi-typescript, tsc and Redocly decide validity.
 */

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
export const TMP = join(ROOT, 'test/.tmp');

export function tmpDir(name: string): string {
  const dir = join(TMP, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** swagger-parser's validation; it mutates its input, so it gets a copy. Returns the error message or ''. */
export async function swaggerParserErrors(document: object): Promise<string> {
  try {
    await SwaggerParser.validate(structuredClone(document) as never, { resolve: { external: false } });
    return '';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

type Json = Record<string, unknown>;

/** OpenAPI 3.0 / Swagger 2.0 schema → JSON Schema, keyword by keyword (nullable, x-nullable). */
function openApiSchemaToJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(openApiSchemaToJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema as Json)) {
    if (key === 'nullable' || key === 'x-nullable' || key === 'example' || key === 'discriminator') continue;
    if (key === 'properties') out[key] = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, openApiSchemaToJsonSchema(v)]));
    else if (key.startsWith('x-')) continue;
    else out[key] = typeof value === 'object' ? openApiSchemaToJsonSchema(value) : value;
  }
  const s = schema as Json;
  if ((s['nullable'] === true || s['x-nullable'] === true) && typeof s['type'] === 'string') {
    out['type'] = [s['type'], 'null'];
    if (Array.isArray(out['enum']) && !out['enum'].includes(null)) out['enum'] = [...out['enum'], null];
  }
  return out;
}

/**
 * A validator for bodies against a document's own schemas: draft 2020-12 for 3.1, the schema
 * converted to JSON Schema for 3.0 and 2.0 (nullable → type arrays). Formats are checked.
 */
export function documentValidator(document: Json): (ref: string, value: unknown) => string[] {
  const version = String(document['openapi'] ?? document['swagger']);
  const is31 = version.startsWith('3.1');
  // Own properties only, as JSON Schema means: a body without `valueOf` has none.
  const ajv = is31 ? new Ajv2020({ allErrors: true, strict: false, ownProperties: true }) : new Ajv({ allErrors: true, strict: false, ownProperties: true });
  addFormats(ajv as Ajv);
  const schemas = (version === '2.0' ? document['definitions'] : (document['components'] as Json)['schemas']) as Json;
  const converted = is31 ? schemas : Object.fromEntries(Object.entries(schemas).map(([k, v]) => [k, openApiSchemaToJsonSchema(v)]));
  const root = version === '2.0' ? { definitions: converted } : { components: { schemas: converted } };
  ajv.addSchema({ $id: 'doc', ...root } as AnySchema);
  const cache = new Map<string, ValidateFunction>();
  return (ref, value) => {
    let validate = cache.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: `doc${ref}` });
      cache.set(ref, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  };
}

/**
 * Type-checks files with the project's `tsc` in its strictest useful settings; isolated
 * declarations (every export explicitly typed) and verbatim module syntax included.
 */
export function tscErrors(files: readonly string[], extra: readonly string[] = []): string {
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  const args = [tsc, '--noEmit', '--strict', '--exactOptionalPropertyTypes', '--noUncheckedIndexedAccess', '--noUnusedLocals', '--noUnusedParameters', '--noImplicitReturns', '--noFallthroughCasesInSwitch', '--declaration', '--isolatedDeclarations', '--verbatimModuleSyntax', '--target', 'ES2022', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--lib', 'ES2022,DOM', '--skipLibCheck', ...extra, ...files];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  return run.status === 0 ? '' : `${run.stdout}${run.stderr}`;
}

export interface RedoclyProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location?: { pointer?: string }[];
}

/** `redocly lint` with the project's config; returns every problem it reports. */
export function redoclyProblems(files: readonly string[]): RedoclyProblem[] {
  const cli = join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
  const run = spawnSync(process.execPath, [cli, 'lint', '--config', join(ROOT, 'test/redocly.yaml'), '--format', 'json', ...files], {
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const start = run.stdout.indexOf('{');
  if (start === -1) throw new Error(`redocly printed no report (exit ${run.status}): ${run.stderr}`);
  // One JSON report per file, printed back to back.
  const reports = JSON.parse(`[${run.stdout.slice(start).replace(/\}\s*\{\s*"totals"/g, '},{"totals"')}]`) as { problems: RedoclyProblem[] }[];
  if (reports.length !== files.length) throw new Error(`redocly reported on ${reports.length} of ${files.length} files`);
  return reports.flatMap((r) => r.problems);
}

export function writeJson(path: string, value: unknown): string {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
  return path;
}

/**
 * The official SARIF 2.1.0 JSON Schema (OASIS; the copy @microsoft/jest-sarif ships, draft-04),
 * judged by ajv. The schema's language-tag pattern is not a valid `u`-mode regular expression,
 * hence `unicodeRegExp: false`. Returns ajv's errors as text, or ''.
 */
export async function sarifErrors(log: unknown): Promise<string> {
  // A CommonJS module: its `default` is module.exports, whose own `default` is the class.
  const Ajv04 = (await import('ajv-draft-04')).default.default;
  const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as AnySchema;
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv as unknown as Ajv);
  const validate = ajv.compile(schema);
  return validate(log) ? '' : ajv.errorsText(validate.errors, { separator: '\n' });
}
