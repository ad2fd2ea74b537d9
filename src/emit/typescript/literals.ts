import type { JsonValue } from '../../model/catalog.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property name as written in a type or object literal: bare when it can be, quoted otherwise. */
export function propertyName(name: string): string {
  return IDENTIFIER.test(name) && name !== '__proto__' ? name : JSON.stringify(name);
}

/** An element access `expr["name"]`; quoting every catalog name keeps hostile ones inert. */
export function access(expr: string, name: string): string {
  return `${expr}[${JSON.stringify(name)}]`;
}

/**
 * A JSON value as a JavaScript expression. JSON text is almost that, but in an object literal a
 * `"__proto__"` key sets the prototype instead of a property, so it is written as computed.
 */
export function valueLiteral(value: JsonValue | undefined): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(valueLiteral).join(', ')}]`;
  const entries = Object.entries(value).map(([k, v]) => `${k === '__proto__' ? '["__proto__"]' : JSON.stringify(k)}: ${valueLiteral(v)}`);
  return `{ ${entries.join(', ')} }`;
}

/** A JSON value as a TypeScript literal type. */
export function literalType(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `readonly [${value.map(literalType).join(', ')}]`;
  return `{ ${Object.entries(value).map(([k, v]) => `${propertyName(k)}: ${literalType(v)}`).join('; ')} }`;
}

/** Text for a JSDoc block: `*\/` cannot close it, and a line cannot turn into a tag. */
export function docText(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/^(\s*)@/gm, '$1\\@');
}

/** A key in an object literal; `__proto__` must be computed to define a property. */
export function objectKey(name: string): string {
  return name === '__proto__' ? '["__proto__"]' : propertyName(name);
}
