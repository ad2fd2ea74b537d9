import fc from 'fast-check';
import type { JsonSchema } from '../../../src/model/error-schema.js';
import { defineOwn } from '../../../src/model/own.js';

/** Keys that would reach a prototype if a guard read them carelessly. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

/** Strings that would break generated code if they reached it unescaped. */
export const HOSTILE = ['a*/b', '__proto__', 'constructor', 'q"u\'o\\te', 'line\u2028sep', '${x}`y`', '<!--z-->', 'nul\0byte'];

/** An optional property left out. */
const ABSENT = Symbol('absent');

/** Past this depth, recursive shapes take their shortest form: optional members left out, arrays at their minimum. */
const SHALLOW = 3;

/** Named types (`$defs`), by the last segment of their `$ref`. */
export type Definitions = ReadonlyMap<string, JsonSchema>;

const hasRef = (schema: JsonSchema): boolean => typeof schema['$ref'] === 'string';

/** Values drawn from one of errcat's schemas, mostly valid: ajv decides. */
export function arbitraryFor(schema: JsonSchema, defs: Definitions, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 40) throw new Error('a schema that does not bottom out');
  if (hasRef(schema)) return arbitraryFor(defs.get((schema['$ref'] as string).split('/').pop() as string) as JsonSchema, defs, depth + 1);
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (!Array.isArray(schema[key])) continue;
    let members = schema[key] as JsonSchema[];
    if (depth > SHALLOW) {
      const nulls = members.filter((m) => m['type'] === 'null');
      const plain = members.filter((m) => !hasRef(m));
      members = nulls.length > 0 ? nulls : plain.length > 0 ? plain : members;
    }
    if (members.length === 0) return fc.constant('nothing fits');
    return fc.oneof(...members.map((s) => arbitraryFor(s, defs, depth + 1)));
  }
  if (Array.isArray(schema['allOf'])) return arbitraryFor(merged(schema['allOf'] as JsonSchema[]), defs, depth + 1);
  if ('const' in schema) return fc.constant(schema['const']);
  if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]));
  if (Array.isArray(schema['x-extensible-enum'])) return fc.oneof(fc.constantFrom(...(schema['x-extensible-enum'] as unknown[])), fc.string({ maxLength: 4 }));
  if (schema['type'] === undefined) return fc.jsonValue({ maxDepth: 2 });
  const types = Array.isArray(schema['type']) ? (schema['type'] as string[]) : [schema['type'] as string];
  return fc.oneof(...types.map((type) => scalar(type, schema, defs, depth)));
}

/** The members of an `allOf` (the items an array must contain) as one object schema. */
function merged(members: JsonSchema[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required = new Set<string>();
  for (const member of members.map((m) => (Array.isArray(m['allOf']) ? merged(m['allOf'] as JsonSchema[]) : m))) {
    for (const [name, s] of Object.entries((member['properties'] as Record<string, JsonSchema> | undefined) ?? {})) {
      defineOwn(properties, name, Object.hasOwn(properties, name) ? { allOf: [properties[name], s] } : s);
    }
    for (const name of (member['required'] as string[] | undefined) ?? []) required.add(name);
  }
  return { type: 'object', properties, required: [...required] };
}

function scalar(type: string, schema: JsonSchema, defs: Definitions, depth: number): fc.Arbitrary<unknown> {
  const examples = Array.isArray(schema['examples']) ? (schema['examples'] as unknown[]) : [];
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'string': {
      if (typeof schema['pattern'] === 'string') return examples.length > 0 ? fc.constantFrom(...examples) : fc.string();
      const minLength = (schema['minLength'] as number | undefined) ?? 0;
      const maxLength = (schema['maxLength'] as number | undefined) ?? Math.max(minLength, 8);
      return fc.oneof(fc.string({ minLength, maxLength }), fc.constantFrom(...PROTOTYPE_KEYS, ...HOSTILE));
    }
    case 'integer':
      return fc.integer({ min: (schema['minimum'] as number | undefined) ?? -1e6, max: (schema['maximum'] as number | undefined) ?? 1e6 });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: (schema['minimum'] as number | undefined) ?? -1e6, max: (schema['maximum'] as number | undefined) ?? 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const minLength = (schema['minItems'] as number | undefined) ?? 0;
      const maxLength = depth > SHALLOW ? minLength : Math.max(minLength, Math.min((schema['maxItems'] as number | undefined) ?? 3, 3));
      const items = fc.array(schema['items'] ? arbitraryFor(schema['items'] as JsonSchema, defs, depth + 1) : fc.jsonValue({ maxDepth: 1 }), { minLength, maxLength });
      const contains = schema['contains'] as JsonSchema | undefined;
      if (!contains) return items;
      return fc.tuple(items, arbitraryFor(contains, defs, depth + 1), fc.nat()).map(([list, item, at]) => {
        const copy = [...list];
        copy.splice(at % (copy.length + 1), 0, item);
        return copy;
      });
    }
    default: {
      const properties = Object.entries((schema['properties'] as Record<string, JsonSchema> | undefined) ?? {});
      const required = (schema['required'] as string[] | undefined) ?? [];
      const kept = depth > SHALLOW ? properties.filter(([name]) => required.includes(name)) : properties;
      const record = fc.tuple(...kept.map(([name, s]) => (required.includes(name) ? arbitraryFor(s, defs, depth + 1) : fc.option(arbitraryFor(s, defs, depth + 1), { nil: ABSENT })))).map((values) => {
        const object: Record<string, unknown> = {};
        values.forEach((value, i) => {
          if (value !== ABSENT) defineOwn(object, (kept[i] as [string, JsonSchema])[0], value);
        });
        return object;
      });
      const additional = schema['additionalProperties'];
      if (additional === false) return record;
      const values = typeof additional === 'object' && additional !== null ? arbitraryFor(additional as JsonSchema, defs, depth + 1) : fc.jsonValue({ maxDepth: 1 });
      return fc.tuple(record, fc.dictionary(fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom(...PROTOTYPE_KEYS)), values, { maxKeys: depth > SHALLOW ? 0 : 2 })).map(([r, extra]) => {
        const object: Record<string, unknown> = {};
        for (const source of [extra, r]) for (const [k, v] of Object.entries(source)) defineOwn(object, k, v);
        return object;
      });
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

/** Breaks a value in one place: a missing key, a foreign value, a prototype key, a wrapped array, null. */
export function mutate(body: unknown, pick: number, kind: number, replacement: unknown, protoKey: string): unknown {
  const copy = structuredClone(body);
  const all = paths(copy);
  const path = all[pick % all.length] as Path;
  if (path.length === 0) return [copy, replacement, null, protoKey][kind % 4];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const parent = path.slice(0, -1).reduce<any>((v, k) => v[k], copy);
  const key = path[path.length - 1] as string | number;
  const define = (k: string | number, v: unknown) => defineOwn(parent, String(k), v);
  switch (kind % 6) {
    case 0:
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      break;
    case 1:
      define(key, replacement);
      break;
    case 2:
      define(key, protoKey);
      break;
    case 3:
      // As JSON.parse would: an own property, even for `__proto__`.
      if (parent !== null && typeof parent === 'object' && !Array.isArray(parent)) define(protoKey, replacement);
      break;
    case 4:
      define(key, [parent[key]]);
      break;
    default:
      define(key, null);
  }
  return copy;
}

/** Valid values, each also broken in one place, and arbitrary JSON. */
export function probes(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const mutated = fc.tuple(valid, fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...PROTOTYPE_KEYS)).map(([b, pick, kind, r, key]) => mutate(b, pick, kind, r, key));
  return fc.oneof({ weight: 2, arbitrary: valid }, { weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: fc.jsonValue() });
}
