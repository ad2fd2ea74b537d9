import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ComponentNames, openApiDocument } from '../../../src/emit/openapi/index.js';
import type { Catalog } from '../../../src/model/catalog.js';
import type { JsonSchema } from '../../../src/model/error-schema.js';
import { ALL_CATALOGS } from '../../helpers.js';
import { generatedModule, type GeneratedModule } from './modules.js';

const RUNS = 2500;
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

/** Valid by construction: values drawn from one of errcat's (3.1) schemas. */
function arbitraryFor(schema: JsonSchema, schemas: Record<string, JsonSchema>): fc.Arbitrary<unknown> {
  if (typeof schema['$ref'] === 'string') return arbitraryFor(schemas[schema['$ref'].split('/').pop() as string] as JsonSchema, schemas);
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(schema[key])) return fc.oneof(...(schema[key] as JsonSchema[]).map((s) => arbitraryFor(s, schemas)));
  }
  if ('const' in schema) return fc.constant(schema['const']);
  if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]));
  const types = Array.isArray(schema['type']) ? (schema['type'] as string[]) : [schema['type'] as string];
  return fc.oneof(...types.map((type) => scalar(type, schema, schemas)));
}

function scalar(type: string, schema: JsonSchema, schemas: Record<string, JsonSchema>): fc.Arbitrary<unknown> {
  const examples = Array.isArray(schema['examples']) ? (schema['examples'] as unknown[]) : [];
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'string':
      return typeof schema['pattern'] === 'string' ? fc.constantFrom(...examples) : fc.oneof(fc.string(), fc.constantFrom(...PROTOTYPE_KEYS));
    case 'integer':
      return fc.integer({ min: (schema['minimum'] as number | undefined) ?? -1e6, max: (schema['maximum'] as number | undefined) ?? 1e6 });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: (schema['minimum'] as number | undefined) ?? -1e6, max: (schema['maximum'] as number | undefined) ?? 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schema['items'] ? arbitraryFor(schema['items'] as JsonSchema, schemas) : fc.jsonValue(), { minLength: (schema['minItems'] as number | undefined) ?? 0, maxLength: 3 });
    default: {
      const properties = Object.entries((schema['properties'] as Record<string, JsonSchema> | undefined) ?? {});
      const required = (schema['required'] as string[] | undefined) ?? [];
      const record = fc.record(
        Object.fromEntries(properties.map(([name, s]) => [name, arbitraryFor(s, schemas)])),
        { requiredKeys: properties.map(([name]) => name).filter((n) => required.includes(n)) },
      );
      if (schema['additionalProperties'] === false) return record;
      return fc.tuple(record, fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 })).map(([r, extra]) => ({ ...extra, ...r }));
    }
  }
}

type Path = (string | number)[];
function paths(value: unknown, prefix: Path = []): Path[] {
  const found: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => found.push(...paths(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) found.push(...paths(v, [...prefix, k]));
  return found;
}

/** Breaks a valid body in one place: a missing key, a foreign value, a prototype key, a wrapped array, null. */
function mutate(body: unknown, pick: number, kind: number, replacement: unknown, protoKey: string): unknown {
  const copy = structuredClone(body);
  const all = paths(copy);
  const path = all[pick % all.length] as Path;
  if (path.length === 0) return [copy, replacement, null, protoKey][kind % 4];
  const parent = path.slice(0, -1).reduce<any>((v, k) => v[k], copy);
  const key = path[path.length - 1] as string | number;
  switch (kind % 6) {
    case 0:
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      break;
    case 1:
      parent[key] = replacement;
      break;
    case 2:
      parent[key] = protoKey;
      break;
    case 3:
      // As JSON.parse would: an own property, even for `__proto__`.
      if (parent !== null && typeof parent === 'object' && !Array.isArray(parent)) Object.defineProperty(parent, protoKey, { value: replacement, enumerable: true, writable: true, configurable: true });
      break;
    case 4:
      parent[key] = [parent[key]];
      break;
    default:
      parent[key] = null;
  }
  return copy;
}

interface Subject {
  module: GeneratedModule;
  catalog: Catalog;
  body: ValidateFunction;
  unknown: ValidateFunction;
  schemas: Record<string, JsonSchema>;
  bodySchema: JsonSchema;
}

const subjects = new Map<string, Subject>();

beforeAll(async () => {
  for (const file of ALL_CATALOGS) {
    const { module, catalog } = await generatedModule(file);
    const doc = openApiDocument(catalog, '3.1') as { components: { schemas: Record<string, JsonSchema> } };
    const names = new ComponentNames(catalog, '3.1');
    // Formats are annotations in draft 2020-12 unless asserted; the guards treat them so.
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    ajv.addSchema({ $id: 'doc', components: doc.components });
    const wrapped = catalog.envelope.key !== undefined;
    const bodyName = wrapped ? names.errorBody() : names.apiError();
    subjects.set(file, {
      module,
      catalog,
      body: ajv.compile({ $ref: `doc#/components/schemas/${bodyName}` }),
      unknown: ajv.compile({ $ref: `doc#/components/schemas/${names.unknownError()}` }),
      schemas: doc.components.schemas,
      bodySchema: doc.components.schemas[bodyName] as JsonSchema,
    });
  }
});

describe.each(ALL_CATALOGS)('guards of %s agree with ajv on the emitted OpenAPI 3.1 schema', (file) => {
  const subject = () => subjects.get(file) as Subject;
  const bodies = () => {
    const { bodySchema, schemas } = subject();
    const valid = arbitraryFor(bodySchema, schemas);
    const mutated = fc.tuple(valid, fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...PROTOTYPE_KEYS)).map(([b, pick, kind, r, key]) => mutate(b, pick, kind, r, key));
    return fc.oneof({ weight: 1, arbitrary: valid }, { weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: fc.jsonValue() });
  };

  it(`isErrorBody accepts exactly what ajv accepts (${RUNS} bodies)`, () => {
    const { module, body } = subject();
    let accepted = 0;
    fc.assert(
      fc.property(bodies(), (value) => {
        const expected = body(value);
        if (expected) accepted++;
        expect(module.isErrorBody(value)).toBe(expected);
        expect(module.classifyError(400, value).known || subject().catalog.envelope.kind === 'codeless').toBe(expected || subject().catalog.envelope.kind === 'codeless');
      }),
      { numRuns: RUNS, seed: 20261123 },
    );
    // Both sides of the line are exercised.
    expect(accepted).toBeGreaterThan(RUNS / 10);
    expect(accepted).toBeLessThan(RUNS * 0.9);
  });

  it(`isUnknownError accepts exactly what ajv accepts (${RUNS} error objects)`, () => {
    const { module, unknown, schemas } = subject();
    const name = Object.keys(schemas).find((n) => n.endsWith('UnknownError')) as string;
    const valid = arbitraryFor(schemas[name] as JsonSchema, schemas);
    const values = fc.oneof(valid, fc.tuple(valid, fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...PROTOTYPE_KEYS)).map(([b, pick, kind, r, key]) => mutate(b, pick, kind, r, key)));
    fc.assert(
      fc.property(values, (value) => {
        expect(module.isUnknownError(value)).toBe(unknown(value));
      }),
      { numRuns: RUNS, seed: 11 },
    );
  });
});
