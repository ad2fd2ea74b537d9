import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typeName } from '../../../src/model/names.js';
import { loadCatalogText } from '../../../src/load.js';
import type { Catalog } from '../../../src/model/catalog.js';
import type { JsonSchema } from '../../../src/model/error-schema.js';
import { defineOwn } from '../../../src/model/own.js';
import { validationSchemas } from '../../../src/model/json-schema-validator.js';
import { ALL_CATALOGS, mustLoad } from '../../helpers.js';
import { tscErrors } from '../../judges.js';
import { arbitraryFor, probes } from './arbitraries.js';
import { moduleOf, type GeneratedModule } from './modules.js';
import { rawCatalogs } from './random-catalogs.js';

/**
 * The judge: ajv (draft 2020-12) on the schemas every output is built from (`validationSchemas`),
 * formats as annotations, as the guards treat them. A documented error is any entry's error object.
 */
interface Judge {
  defs: ReadonlyMap<string, JsonSchema>;
  bodySchema: JsonSchema;
  unknownSchema: JsonSchema;
  body: ValidateFunction;
  apiError: ValidateFunction;
  unknown: ValidateFunction;
  entries: { name: string; schema: JsonSchema; validate: ValidateFunction }[];
  types: { name: string; schema: JsonSchema; validate: ValidateFunction }[];
}

/**
 * ajv 8.20 keeps a `contains` result from one array to the next when the second is empty (inside
 * `items`, its flag is not reset), so `[[1], []]` passes `items: { contains: { const: 1 } }`. An
 * array that contains an item has one at least: `minItems: 1` beside `contains` says the same,
 * and ajv gets it right.
 */
function withoutContainsBug(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutContainsBug);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) defineOwn(copy, key, withoutContainsBug(value));
  if ('contains' in copy) copy['minItems'] = Math.max(1, (copy['minItems'] as number | undefined) ?? 0);
  return copy;
}

function judge(catalog: Catalog): Judge {
  const schemas = validationSchemas(catalog);
  const typesId = (schemas.ref('T')['$ref'] as string).split('#')[0] as string;
  const defs = new Map(catalog.types.map((t) => [t.name, schemas.shape(t.shape)]));
  // Own properties only, as JSON means them: `{}` has no `constructor` member.
  const ajv = new Ajv2020({ strict: false, validateFormats: false, ownProperties: true });
  ajv.addSchema(withoutContainsBug({ $id: typesId, $defs: Object.fromEntries(defs) }) as JsonSchema);
  const compile = (schema: JsonSchema) => ajv.compile(withoutContainsBug(schema) as JsonSchema);
  const entrySchemas = catalog.entries.map((e) => schemas.errorObject(e));
  const apiError: JsonSchema = entrySchemas.length === 0 ? { not: {} } : { anyOf: entrySchemas };
  const bodySchema = schemas.body(apiError);
  const unknownSchema = schemas.errorObject();
  return {
    defs,
    bodySchema,
    unknownSchema,
    body: compile(bodySchema),
    apiError: compile(apiError),
    unknown: compile(unknownSchema),
    entries: catalog.entries.map((e, i) => ({ name: `is${typeName(catalog, e)}`, schema: entrySchemas[i] as JsonSchema, validate: compile(entrySchemas[i] as JsonSchema) })),
    types: catalog.types.map((t) => ({ name: `is${t.name}`, schema: defs.get(t.name) as JsonSchema, validate: compile({ $ref: `${typesId}#/$defs/${t.name}` }) })),
  };
}

/** The error object of a body, as the classifier reads it. */
function errorObject(catalog: Catalog, body: unknown): unknown {
  const { envelope } = catalog;
  const own = (v: unknown, k: string) => (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, k) ? (v as Record<string, unknown>)[k] : undefined);
  const inner = envelope.key === undefined ? body : own(body, envelope.key);
  return envelope.kind === 'list' || envelope.kind === 'array' ? (Array.isArray(inner) ? inner[0] : undefined) : inner;
}

/** Whether every entry is found by its code in the body alone: plain levels, no conditions, no codeless entries, no echoes. */
function byBodyAlone(catalog: Catalog): boolean {
  const plain = catalog.envelope.levels.every((l) => l.at.source === 'body' && !l.at.items && l.at.chain === undefined && l.at.pattern === undefined);
  return plain && catalog.envelope.levels.length > 0 && catalog.entries.every((e) => e.level !== undefined && e.responses.every((r) => r.when.length === 0)) && catalog.headers.every((h) => h.echo === undefined);
}

/** Checks one catalog's guards and classifier against the judge on `runs` probes of each kind; returns how many bodies ajv accepted. */
function agree(catalog: Catalog, module: GeneratedModule, runs: number, seed: number): number {
  const j = judge(catalog);
  const status = catalog.statuses.find((s) => s.status >= 400)?.status ?? 400;
  let accepted = 0;
  fc.assert(
    fc.property(probes(arbitraryFor(j.bodySchema, j.defs)), fc.nat(), (body, pick) => {
      const expected = j.body(body);
      if (expected) accepted++;
      expect(module.isErrorBody(body), 'isErrorBody').toBe(expected);
      const error = errorObject(catalog, body);
      const isDocumentedError = j.apiError(error);
      expect(module.isDocumentedError(error), 'isDocumentedError').toBe(isDocumentedError);
      expect(module.isErrorShape(error), 'isErrorShape').toBe(j.unknown(error));
      const entry = j.entries[pick % j.entries.length];
      if (entry) expect((module[entry.name] as (v: unknown) => boolean)(error), entry.name).toBe(entry.validate(error));
      const result = module.classifyError(status, body);
      // A known error is always some entry's error object; without conditions or codes outside
      // the body, every entry's error object is known.
      if (result.known) expect(isDocumentedError).toBe(true);
      else if (byBodyAlone(catalog) && !catalog.envelope.errorWhen) expect(isDocumentedError).toBe(false);
    }),
    { numRuns: runs, seed },
  );
  for (const [i, type] of j.types.entries()) {
    fc.assert(
      fc.property(probes(arbitraryFor(type.schema, j.defs)), (value) => {
        expect((module[type.name] as (v: unknown) => boolean)(value), type.name).toBe(type.validate(value));
      }),
      { numRuns: Math.ceil(runs / 4), seed: seed + i },
    );
  }
  return accepted;
}

/** The constructs a catalog uses, to show the random ones cover the language. */
function features(catalog: Catalog): string[] {
  const found: string[] = [];
  for (const { at } of catalog.envelope.levels) {
    if (at.source === 'header') found.push('header');
    else if (at.items) found.push('items');
    else if (at.chain !== undefined) found.push('chain');
    else if (at.pattern !== undefined) found.push('pattern');
    else found.push(at.path.length > 1 ? 'nested' : 'plain');
  }
  if (catalog.entries.some((e) => e.level === undefined)) found.push('codeless');
  if (catalog.entries.some((e) => e.parent !== undefined)) found.push('parents');
  if (catalog.entries.some((e) => e.responses.some((r) => r.when.length > 0))) found.push('conditions');
  if (catalog.headers.some((h) => h.echo !== undefined)) found.push('echo');
  if (catalog.envelope.errorWhen) found.push('errorWhen');
  const names = catalog.fields.map((f) => f.name);
  if (names.includes('errors') || names.includes('node')) found.push('item codes');
  if (names.includes('node')) found.push('recursion');
  if (names.includes('details') || names.includes('overlap') || names.includes('target')) found.push('unions');
  return found;
}

const RUNS = 500;

describe.each(ALL_CATALOGS)('guards of %s agree with ajv on the model’s schemas', (file) => {
  it(`isErrorBody, isDocumentedError, isErrorShape, each code's and each type's guard (${RUNS} bodies)`, async () => {
    const catalog = await mustLoad(file);
    const { module } = await moduleOf(catalog, `property-${file.replace(/[/.]/g, '-')}`);
    const accepted = agree(catalog, module, RUNS, 20261123);
    // Both sides of the line are exercised.
    expect(accepted).toBeGreaterThan(RUNS / 20);
    expect(accepted).toBeLessThan(RUNS * 0.9);
  });
});

describe('random catalogs: levels, item codes, unions, maps, recursion, hostile strings', () => {
  const written: string[] = [];
  let loaded = 0;
  const CATALOGS = 20;

  it(`guards agree with ajv, and the classifier with the guards (${CATALOGS} catalogs)`, async () => {
    const raws = fc.sample(rawCatalogs, { numRuns: CATALOGS, seed: 7 });
    const seen = new Set<string>();
    for (const [i, raw] of raws.entries()) {
      const result = loadCatalogText(`random-${i}.json`, JSON.stringify(raw));
      if (!result.catalog) continue;
      loaded++;
      for (const feature of features(result.catalog)) seen.add(feature);
      const { module, path } = await moduleOf(result.catalog, `random-${i}`);
      written.push(path);
      agree(result.catalog, module, 100, i);
    }
    // The generator writes catalogs the loader takes, bar the odd clash it does not foresee, and they cover the language.
    expect(loaded).toBeGreaterThan(CATALOGS * 0.75);
    expect([...seen].sort()).toEqual(['chain', 'codeless', 'conditions', 'echo', 'errorWhen', 'header', 'item codes', 'items', 'nested', 'parents', 'pattern', 'plain', 'recursion', 'unions']);
  });

  it('every random module compiles under the strictest flags', () => {
    expect(written.length).toBe(loaded);
    expect(tscErrors(written)).toBe('');
  });

});
