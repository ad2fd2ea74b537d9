// Writes src/normalize/raw.ts, the `Raw*` types of the catalog as written, from the catalog JSON
// Schema, so that nothing mirrors the schema by hand. `npm run schema:types`; a test fails when the
// checked-in file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const SCHEMA = new URL('./catalog.schema.json', import.meta.url);
export const RAW_TYPES_FILE = fileURLToPath(new URL('../src/normalize/raw.ts', import.meta.url));

const BANNER = `/**
 * The catalog as written, after it passed the JSON Schema: every key optional where the schema
 * allows, nothing resolved yet. Generated from schema/catalog.schema.json by
 * \`npm run schema:types\`; do not edit by hand.
 */
/* eslint-disable */`;

const SHAPE_KEYWORDS = ['type', 'enum', 'const', '$ref', 'oneOf', 'anyOf', 'allOf', 'properties', 'items', 'additionalProperties'];

/** A schema that allows any value (only a description) is `unknown`, not an open object. */
function markAnyValues(schema) {
  if (Array.isArray(schema)) return schema.map(markAnyValues);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    // Maps of names to schemas: their keys are names, not keywords.
    if (key === 'properties' || key === 'definitions') out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markAnyValues(v)]));
    else out[key] = key === 'enum' || key === 'const' ? value : markAnyValues(value);
  }
  if ('description' in schema && !SHAPE_KEYWORDS.some((k) => k in schema)) out.tsType = 'unknown';
  return out;
}

export async function rawTypesSource() {
  const schema = markAnyValues(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  // Each definition becomes an exported `Raw<Name>`: the names normalize/ imports.
  for (const [name, definition] of Object.entries(schema.definitions)) definition.title = `Raw${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  const body = await compile({ ...schema, title: 'RawCatalog' }, 'RawCatalog', {
    bannerComment: BANNER,
    unreachableDefinitions: true,
    format: true,
    style: { singleQuote: true, printWidth: 140, trailingComma: 'all' },
  });
  return body;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(RAW_TYPES_FILE, await rawTypesSource());
  process.stdout.write(`wrote ${RAW_TYPES_FILE}\n`);
}
