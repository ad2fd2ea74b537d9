import type { Catalog, FieldShape, Header, JsonValue, NamedType } from './catalog.js';
import { defineOwn } from './own.js';

const FORMAT_SAMPLES: Record<string, string> = {
  uri: 'https://example.com',
  url: 'https://example.com',
  'uri-reference': '/example',
  'date-time': '2026-01-01T00:00:00Z',
  date: '2026-01-01',
  time: '00:00:00Z',
  email: 'user@example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
};

/** A plausible value for a shape that has no computed value: its example, else one made from the shape. */
export function sampleValue(shape: FieldShape, types: readonly NamedType[], depth = 0): JsonValue {
  if (shape.example !== undefined) return shape.example;
  const documented = shape.codes?.[0]?.value ?? shape.enum?.[0];
  if (documented !== undefined) return documented;
  // Past a few levels of a recursive type, stop at null where the shape allows it.
  if (depth > 8 && shape.nullable) return null;
  if (shape.ref !== undefined) {
    const type = types.find((t) => t.name === shape.ref);
    return type ? sampleValue(type.shape, types, depth + 1) : null;
  }
  if (shape.oneOf?.[0] !== undefined) return sampleValue(shape.oneOf[0], types, depth + 1);
  switch (shape.type) {
    case 'string':
      return (shape.format !== undefined ? FORMAT_SAMPLES[shape.format] : undefined) ?? ((shape.minLength ?? 0) > 7 ? 'x'.repeat(shape.minLength ?? 0) : 'example');
    case 'integer':
    case 'number':
      return shape.minimum ?? (shape.maximum !== undefined && shape.maximum < 0 ? shape.maximum : 0);
    case 'boolean':
      return false;
    case 'array':
      return shape.items && (shape.minItems ?? 0) > 0 ? Array.from({ length: shape.minItems ?? 0 }, () => sampleValue(shape.items as FieldShape, types, depth + 1)) : [];
    case 'object': {
      const object: Record<string, JsonValue> = {};
      for (const p of shape.properties ?? []) if (p.required) defineOwn(object, p.name, sampleValue(p, types, depth + 1));
      return object;
    }
    default:
      // `any`, or a shape errcat cannot sample.
      return null;
  }
}

/** Sets a value at a path of keys, making objects on the way; every key stays an own property. */
export function setPath(target: Record<string, JsonValue>, path: readonly string[], value: JsonValue): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    defineOwn(target, head, value);
    return;
  }
  const existing = Object.hasOwn(target, head) ? target[head] : undefined;
  const child = typeof existing === 'object' && existing !== null && !Array.isArray(existing) ? existing : {};
  defineOwn(target, head, child);
  setPath(child, rest, value);
}

/** Puts an error object into the envelope: the body as it travels. */
export function wrapBody(catalog: Pick<Catalog, 'envelope'>, errorObject: JsonValue): JsonValue {
  const { envelope } = catalog;
  if (envelope.kind === 'array') return [errorObject];
  if (envelope.key === undefined) return errorObject;
  return defineOwn({}, envelope.key, envelope.kind === 'list' ? [errorObject] : errorObject);
}

/** Example values for the headers a response sends: each header's example, or a placeholder for required ones. */
export function sampleHeaders(headers: readonly Header[], names: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of names) {
    const header = headers.find((h) => h.name === name);
    if (!header) continue;
    if (header.example !== undefined) defineOwn(result, name, String(header.example));
    else if (header.required) defineOwn(result, name, header.type === 'string' ? 'example' : '1');
  }
  return result;
}
