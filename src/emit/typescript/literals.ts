import type { JsonValue } from '../../model/catalog.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A string as a double-quoted literal: JSON's escaping, plus U+2028 and U+2029, which JSON leaves
 * raw and which end a line in JavaScript before ES2019 (and in every `//` comment). Every catalog
 * string that reaches TypeScript code goes through here.
 */
export function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A property name as written in a type or object literal: bare when it can be, quoted otherwise. */
export function propertyName(name: string): string {
  return IDENTIFIER.test(name) && name !== '__proto__' ? name : stringLiteral(name);
}

/** An element access `expr["name"]`; quoting every catalog name keeps hostile ones inert. */
export function access(expr: string, name: string): string {
  return `${expr}[${stringLiteral(name)}]`;
}

/**
 * A JSON value as a JavaScript expression. JSON text is almost that, but in an object literal a
 * `"__proto__"` key sets the prototype instead of a property, so it is written as computed.
 */
export function valueLiteral(value: JsonValue | undefined): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return stringLiteral(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(valueLiteral).join(', ')}]`;
  const entries = Object.entries(value).map(([k, v]) => `${quotedKey(k)}: ${valueLiteral(v)}`);
  return `{ ${entries.join(', ')} }`;
}

/** A JSON value as a TypeScript literal type. */
export function literalType(value: JsonValue): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `readonly [${value.map(literalType).join(', ')}]`;
  return `{ ${Object.entries(value).map(([k, v]) => `${propertyName(k)}: ${literalType(v)}`).join('; ')} }`;
}

/**
 * Text for a JSDoc block, the one way catalog text reaches a comment: `*\/` cannot close it, a
 * line cannot turn into a tag, line separators become the newlines they mean, and other control
 * characters (NUL) are written as escapes, since a comment cannot hold them readably.
 */
export function docText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\*\//g, '*\\/')
    .replace(/^(\s*)@/gm, '$1\\@');
}

/** A key in an object literal; `__proto__` must be computed to define a property. */
export function objectKey(name: string): string {
  return name === '__proto__' ? '["__proto__"]' : propertyName(name);
}

/** A key in an object literal, always quoted (codes and statuses line up that way). */
export function quotedKey(name: string): string {
  return name === '__proto__' ? '["__proto__"]' : stringLiteral(name);
}
