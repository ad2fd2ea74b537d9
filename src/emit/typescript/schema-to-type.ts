import type { JsonValue } from '../../model/catalog.js';
import type { JsonSchema } from '../../model/error-schema.js';
import { literalType, propertyName } from './literals.js';

/**
 * The TypeScript type of a value one of errcat's schemas accepts. Covers exactly the subset the
 * model emits (type, const, enum, items, properties, required).
 */
export function typeOf(schema: JsonSchema): string {
  if ('const' in schema) return literalType(schema['const'] as JsonValue);
  if (Array.isArray(schema['enum'])) return (schema['enum'] as JsonValue[]).map(literalType).join(' | ');
  const types = Array.isArray(schema['type']) ? (schema['type'] as string[]) : [schema['type'] as string];
  return types.map((t) => scalarType(t, schema)).join(' | ');
}

function scalarType(type: string, schema: JsonSchema): string {
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
      const inner = items ? typeOf(items) : 'unknown';
      return inner.includes(' ') ? `(${inner})[]` : `${inner}[]`;
    }
    case 'object': {
      const properties = schema['properties'] as Record<string, JsonSchema> | undefined;
      if (!properties) return 'Record<string, unknown>';
      return objectType(properties, (schema['required'] as string[] | undefined) ?? []);
    }
    default:
      return 'unknown';
  }
}

export function objectType(properties: Record<string, JsonSchema>, required: readonly string[]): string {
  const members = Object.entries(properties).map(([name, s]) => `${propertyName(name)}${required.includes(name) ? '' : '?'}: ${typeOf(s)}`);
  return members.length === 0 ? 'Record<string, unknown>' : `{ ${members.join('; ')} }`;
}
