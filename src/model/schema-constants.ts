import { isDeepStrictEqual } from 'node:util';
import type { JsonSchema } from './error-schema.js';
import { defineOwn } from './own.js';

/** A `const` found at the end of a chain of `properties` from the root: `path` names the property at each step. */
export interface HoistedConstant {
  path: readonly string[];
  value: unknown;
}

/** A schema split in two: what is left without its hoisted constants, and those constants. */
export interface HoistedSchema {
  skeleton: JsonSchema;
  constants: HoistedConstant[];
}

/**
 * An entry's body schema differs from its neighbours' mostly by constants (its code, its doc URL,
 * its status) on plain properties. Taking those out leaves a skeleton many entries share, which a
 * validator compiles once; the constants are then checked on the value directly.
 *
 * Only constants reached through `properties` alone are taken (not under `$ref`, unions, items…),
 * where the rule is simple: one applies when every object along its path has the property.
 */
export function hoistConstants(schema: JsonSchema): HoistedSchema {
  const constants: HoistedConstant[] = [];
  const skeleton = hoist(schema, [], constants);
  return { skeleton, constants };
}

function hoist(schema: JsonSchema, path: readonly string[], constants: HoistedConstant[]): JsonSchema {
  const hasConst = Object.hasOwn(schema, 'const');
  const properties = schema['properties'];
  const hasProperties = typeof properties === 'object' && properties !== null && !Array.isArray(properties);
  if (!hasConst && !hasProperties) return schema;
  const out: JsonSchema = { ...schema };
  if (hasConst) {
    constants.push({ path, value: schema['const'] });
    delete out['const'];
  }
  if (hasProperties) {
    const map: Record<string, JsonSchema> = {};
    for (const [name, sub] of Object.entries(properties as Record<string, JsonSchema>)) {
      defineOwn(map, name, isSchemaObject(sub) ? hoist(sub, [...path, name], constants) : sub);
    }
    out['properties'] = map;
  }
  return out;
}

const isSchemaObject = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether every hoisted constant holds on `value`. Stricter than JSON Schema's equality (`-0` is
 * not `0` here), so a `false` may be a false alarm; callers then validate against the whole schema.
 */
export function constantsHold(constants: readonly HoistedConstant[], value: unknown): boolean {
  return constants.every(({ path, value: expected }) => {
    let current = value;
    for (const name of path) {
      // Where an object along the path lacks the property (or is not an object), `properties` does not apply.
      if (!isSchemaObject(current) || !Object.hasOwn(current, name)) return true;
      current = (current as Record<string, unknown>)[name];
    }
    return isDeepStrictEqual(current, expected);
  });
}
