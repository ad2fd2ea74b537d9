import type { JsonSchema } from '../../model/error-schema.js';
import { defineOwn } from '../../model/own.js';

/** The one value `null`, as OpenAPI 3.0 can say it. */
const NULL_30 = { type: 'object', nullable: true, enum: [null] };

const isNullSchema = (s: unknown) => typeof s === 'object' && s !== null && (s as JsonSchema)['type'] === 'null' && Object.keys(s).length === 1;

/**
 * OpenAPI 3.1 schemas (JSON Schema 2020-12) → OpenAPI 3.0 Schema Objects:
 * `type: [T, "null"]` (or a `null` member of a union) becomes `nullable: true`, `const` a
 * one-value `enum`, `examples` one `example`; `contains`, which 3.0 lacks, is kept as
 * `x-errcat-contains` (documentation only).
 */
export function toOpenApi30(schema: JsonSchema): JsonSchema {
  return convert(schema, (s) => {
    // Before 3.1, keywords beside `$ref` are ignored; keep the reference alone.
    if (typeof s['$ref'] === 'string') return { $ref: s['$ref'] };
    const out: JsonSchema = { ...s };
    if (Array.isArray(out['type'])) {
      const types = (out['type'] as string[]).filter((t) => t !== 'null');
      out['type'] = types[0];
      if (types.length < (s['type'] as string[]).length) out['nullable'] = true;
    }
    for (const key of ['oneOf', 'anyOf'] as const) {
      const members = out[key];
      if (!Array.isArray(members) || !members.some(isNullSchema)) continue;
      // 3.0 has no null type, and `nullable` needs a `type` beside it: null is the member that is
      // nullable and allows nothing else.
      out[key] = members.map((m) => (isNullSchema(m) ? NULL_30 : m));
    }
    if ('const' in out) {
      out['enum'] = [out['const']];
      delete out['const'];
    }
    if ('contains' in out) {
      out['x-errcat-contains'] = out['contains'];
      delete out['contains'];
    }
    // `examples` (an array) is JSON Schema 2020-12; earlier versions have one `example`.
    if (Array.isArray(out['examples'])) {
      out['example'] = (out['examples'] as unknown[])[0];
      delete out['examples'];
    }
    return out;
  });
}

/**
 * OpenAPI 3.1 schemas → Swagger 2.0 Schema Objects. 2.0 has no `null` type, no `nullable`, no
 * `oneOf`/`anyOf` and no `deprecated`: nullable becomes the common `x-nullable` extension,
 * `deprecated` becomes `x-deprecated`, a union inside a schema becomes `x-oneOf` / `x-anyOf` (any
 * value, documented); the top-level unions of codes are built differently by the caller.
 */
export function toSwagger20(schema: JsonSchema): JsonSchema {
  return convert(toOpenApi30(schema), (s) => {
    const out: JsonSchema = { ...s };
    if (out['nullable'] === true) {
      delete out['nullable'];
      out['x-nullable'] = true;
    }
    if ('deprecated' in out) {
      out['x-deprecated'] = out['deprecated'];
      delete out['deprecated'];
    }
    for (const key of ['oneOf', 'anyOf'] as const) {
      if (!(key in out)) continue;
      out[`x-${key}`] = out[key];
      delete out[key];
    }
    // 2.0's discriminator is a property name on a base schema, not 3.x's object: it lives on in x-errcat-discriminator.
    if (typeof out['discriminator'] === 'object') delete out['discriminator'];
    return out;
  });
}

const SUBSCHEMA_MAPS = ['properties'] as const;
const SUBSCHEMAS = ['items', 'contains', 'additionalProperties'] as const;
const SUBSCHEMA_LISTS = ['oneOf', 'anyOf', 'allOf'] as const;

/** Applies `visit` to a schema and every schema below it, bottom-up; extensions are left as they are. */
function convert(schema: JsonSchema, visit: (s: JsonSchema) => JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema };
  for (const key of SUBSCHEMA_MAPS) {
    const map = out[key] as Record<string, JsonSchema> | undefined;
    if (map) {
      const converted: Record<string, JsonSchema> = {};
      for (const [k, v] of Object.entries(map)) defineOwn(converted, k, convert(v, visit));
      out[key] = converted;
    }
  }
  for (const key of SUBSCHEMAS) {
    const sub = out[key] as JsonSchema | undefined;
    if (sub && typeof sub === 'object') out[key] = convert(sub, visit);
  }
  for (const key of SUBSCHEMA_LISTS) {
    const list = out[key] as JsonSchema[] | undefined;
    if (list) out[key] = list.map((s) => convert(s, visit));
  }
  return visit(out);
}
