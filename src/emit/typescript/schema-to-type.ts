import type { JsonValue } from '../../model/catalog.js';
import type { JsonSchema } from '../../model/error-schema.js';
import { GUARD_REF, TYPE_REF } from './context.js';
import { literalType, propertyName, unionType } from './literals.js';

/** Names a placeholder stands for: the named types, and types errcat declares itself (`DocumentedError`). */
type TypeNames = (placeholder: string) => string;

/**
 * The TypeScript type of the values one of errcat's schemas accepts. Unions, maps and named
 * types are types; what TypeScript cannot say (lengths, patterns, bounds, `contains`, exactly
 * one of several overlapping members) is the guards' to check.
 */
export function typeOf(schema: JsonSchema, names: TypeNames): string {
  if (typeof schema[TYPE_REF] === 'string') return schema[TYPE_REF];
  if (typeof schema[GUARD_REF] === 'string') return names(schema[GUARD_REF]);
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[key])) return unionType((schema[key] as JsonSchema[]).map((m) => typeOf(m, names)));
  }
  if ('const' in schema) return literalType(schema['const'] as JsonValue);
  const types = schema['type'] === undefined ? [] : Array.isArray(schema['type']) ? (schema['type'] as string[]) : [schema['type'] as string];
  if (Array.isArray(schema['enum'])) return unionType((schema['enum'] as JsonValue[]).map(literalType));
  const documented = schema['x-extensible-enum'];
  if (Array.isArray(documented)) {
    // Other values may appear: the documented ones still complete in editors.
    const open = types.map((t) => (t === 'string' ? '(string & {})' : t === 'null' ? 'null' : '(number & {})'));
    return unionType([...(documented as JsonValue[]).map(literalType), ...open]);
  }
  if (types.length === 0) return 'unknown';
  return unionType(types.map((t) => scalarType(t, schema, names)));
}

function scalarType(type: string, schema: JsonSchema, names: TypeNames): string {
  switch (type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      const items = schema['items'] as JsonSchema | undefined;
      const inner = items ? typeOf(items, names) : 'unknown';
      return /^[A-Za-z0-9_$.]+$/.test(inner) ? `${inner}[]` : `(${inner})[]`;
    }
    case 'object':
      return objectType(schema, names);
    default:
      return 'unknown';
  }
}

/** An object type: its properties, and an index signature for a map (covering the properties too, as TypeScript requires). */
export function objectType(schema: JsonSchema, names: TypeNames): string {
  const properties = Object.entries((schema['properties'] as Record<string, JsonSchema> | undefined) ?? {});
  const required = (schema['required'] as string[] | undefined) ?? [];
  const members = properties.map(([name, s]) => `${propertyName(name)}${required.includes(name) ? '' : '?'}: ${typeOf(s, names)}`);
  const additional = schema['additionalProperties'];
  if (typeof additional === 'object' && additional !== null) {
    const values = unionType([typeOf(additional as JsonSchema, names), ...properties.map(([, s]) => typeOf(s, names))]);
    members.push(`[key: string]: ${values}`);
  }
  if (members.length > 0) return `{ ${members.join('; ')} }`;
  return additional === false ? 'Record<string, never>' : 'Record<string, unknown>';
}
