import type { JsonValue } from '../../model/catalog.js';

/**
 * Catalog text as a string literal: the one way a catalog string reaches code. JSON escapes
 * quotes, backslashes, control characters and lone surrogates; U+2028 and U+2029 are escaped
 * too, for tools that still read them as line ends.
 */
export function stringLiteral(text: string): string {
  return lineSeparatorsEscaped(JSON.stringify(text));
}

/** JSON text with U+2028 and U+2029 (which JSON leaves raw) as escapes. */
function lineSeparatorsEscaped(json: string): string {
  return json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property name as written in a type or object literal: bare when it can be, quoted otherwise. */
export function propertyName(name: string): string {
  return IDENTIFIER.test(name) && name !== '__proto__' ? name : stringLiteral(name);
}

/** A key in an object literal; `__proto__` must be computed to define a property rather than set the prototype. */
export function objectKey(name: string): string {
  return name === '__proto__' ? `[${stringLiteral(name)}]` : propertyName(name);
}

/** An element access `expr["name"]`; quoting every catalog name keeps hostile ones inert. */
export function access(expr: string, name: string): string {
  return `${expr}[${stringLiteral(name)}]`;
}

/** A JSON value as a JavaScript expression, every key an own property. */
export function valueLiteral(value: JsonValue | undefined): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return stringLiteral(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(valueLiteral).join(', ')}]`;
  const entries = Object.entries(value).map(([k, v]) => `${objectKey(k)}: ${valueLiteral(v)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

/** JSON text as the raw text of a template literal: backticks, `${` and U+2028/U+2029 written as JSON escapes. */
function rawJson(value: JsonValue): string {
  const json = JSON.stringify(value);
  // Nearly every row has none of these: one search, not four replacing passes.
  if (!/[\u2028\u2029`]|\$\{/.test(json)) return json;
  return lineSeparatorsEscaped(json).replace(/`/g, '\\u0060').replace(/\$\{/g, '$\\u007b');
}

/**
 * A table of rows by key as data tsc reads as one string: `JSON.parse` of a `String.raw` template
 * holding the JSON itself, one row per line. A table of thousands of rows costs the checker
 * nothing this way, where an object literal costs it a type per member. The one way catalog
 * data reaches a JSON table of errors.ts.
 */
export function jsonTable(rows: Readonly<Record<string, JsonValue>>): string {
  return jsonText('{', Object.entries(rows).map(([key, row]) => `${rawJson(key)}: ${rawJson(row)}`), '}');
}

/** A list of rows as `jsonTable` writes a table: `JSON.parse` of the JSON, one row per line. */
export function jsonRows(rows: readonly JsonValue[]): string {
  return jsonText('[', rows.map(rawJson), ']');
}

function jsonText(open: string, lines: readonly string[], close: string): string {
  // The indent goes in with the separator: no second string per line.
  return `JSON.parse(String.raw\`${open}${lines.length === 0 ? '' : `\n  ${lines.join(',\n  ')}\n`}${close}\`)`;
}

/** A JSON value as a TypeScript literal type. */
export function literalType(value: JsonValue): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `readonly [${value.map(literalType).join(', ')}]`;
  return `{ ${Object.entries(value).map(([k, v]) => `readonly ${propertyName(k)}: ${literalType(v)}`).join('; ')} }`;
}

/** A union of type texts, `never` when empty; members that are unions themselves need no parentheses. */
export function unionType(members: readonly string[]): string {
  const distinct = [...new Set(members)];
  return distinct.length === 0 ? 'never' : distinct.join(' | ');
}
