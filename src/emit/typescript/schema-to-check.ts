import type { JsonValue } from '../../model/catalog.js';
import type { JsonSchema } from '../../model/error-schema.js';
import { access, stringLiteral, valueLiteral } from './literals.js';

/**
 * What the guards need besides the always-present helpers: regular expressions (hoisted to
 * module constants so each compiles once) and optional helpers, emitted only when used so the
 * file stays clean under `noUnusedLocals`.
 */
export class PatternTable {
  private readonly names = new Map<string, string>();
  readonly helpers = new Set<string>();
  use(helper: string): string {
    this.helpers.add(helper);
    return helper;
  }
  name(pattern: string): string {
    let name = this.names.get(pattern);
    if (name === undefined) {
      name = `PATTERN_${this.names.size + 1}`;
      this.names.set(pattern, name);
    }
    return name;
  }
  entries(): [string, string][] {
    return [...this.names.entries()].map(([pattern, name]) => [name, pattern]);
  }
}

/**
 * A boolean expression that is true exactly when `expr` satisfies `schema`, with JSON Schema
 * semantics as ajv applies them: own properties only, integers are finite whole numbers,
 * lengths count code points, patterns are Unicode regular expressions. `format` is an
 * annotation (as in draft 2020-12 by default) and is not checked.
 */
export function checkOf(schema: JsonSchema, expr: string, patterns: PatternTable): string {
  // A placeholder for a schema errcat has a guard for already (e.g. the union inside an envelope).
  if (typeof schema['x-guard'] === 'string') return `${schema['x-guard']}(${expr})`;
  const parts: string[] = [];
  const types = schema['type'] === undefined ? [] : Array.isArray(schema['type']) ? (schema['type'] as string[]) : [schema['type'] as string];
  const nullable = types.includes('null');
  const nonNull = types.filter((t) => t !== 'null');
  if ('const' in schema) return constCheck(schema['const'] as JsonValue, expr, patterns);
  if (Array.isArray(schema['enum'])) {
    const values = schema['enum'] as JsonValue[];
    parts.push(`(${values.map((v) => constCheck(v, expr, patterns)).join(' || ')})`);
    // enum already pins the value; the type check still applies to the non-null values.
  }
  const typeChecks = nonNull.map((t) => typeCheck(t, schema, expr, patterns));
  if (typeChecks.length > 0) {
    const typed = typeChecks.length === 1 ? (typeChecks[0] as string) : `(${typeChecks.join(' || ')})`;
    parts.push(nullable ? `(${expr} === null || ${typed})` : typed);
  } else if (nullable) {
    parts.push(`${expr} === null`);
  }
  return parts.length === 0 ? 'true' : parts.join(' && ');
}

function constCheck(value: JsonValue, expr: string, patterns: PatternTable): string {
  if (value === null || typeof value !== 'object') return `${expr} === ${valueLiteral(value)}`;
  return `${patterns.use('deepEqual')}(${expr}, ${valueLiteral(value)})`;
}

function typeCheck(type: string, schema: JsonSchema, expr: string, patterns: PatternTable): string {
  const parts: string[] = [];
  switch (type) {
    case 'string': {
      parts.push(`typeof ${expr} === "string"`);
      if (typeof schema['minLength'] === 'number') parts.push(`${patterns.use('codePoints')}(${expr}) >= ${schema['minLength']}`);
      if (typeof schema['maxLength'] === 'number') parts.push(`${patterns.use('codePoints')}(${expr}) <= ${schema['maxLength']}`);
      if (typeof schema['pattern'] === 'string') parts.push(`${patterns.name(schema['pattern'])}.test(${expr})`);
      break;
    }
    case 'integer':
    case 'number': {
      parts.push(type === 'integer' ? `Number.isInteger(${expr})` : `typeof ${expr} === "number" && Number.isFinite(${expr})`);
      if (typeof schema['minimum'] === 'number') parts.push(`(${expr} as number) >= ${schema['minimum']}`);
      if (typeof schema['maximum'] === 'number') parts.push(`(${expr} as number) <= ${schema['maximum']}`);
      break;
    }
    case 'boolean':
      parts.push(`typeof ${expr} === "boolean"`);
      break;
    case 'array': {
      parts.push(`Array.isArray(${expr})`);
      if (typeof schema['minItems'] === 'number') parts.push(`(${expr} as unknown[]).length >= ${schema['minItems']}`);
      const items = schema['items'] as JsonSchema | undefined;
      if (items) parts.push(`(${expr} as unknown[]).every((item) => ${checkOf(items, 'item', patterns)})`);
      break;
    }
    case 'object':
      parts.push(objectCheck(schema, expr, patterns));
      break;
    default:
      parts.push('false');
  }
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' && ')})`;
}

function objectCheck(schema: JsonSchema, expr: string, patterns: PatternTable): string {
  const properties = (schema['properties'] as Record<string, JsonSchema> | undefined) ?? {};
  const required = (schema['required'] as string[] | undefined) ?? [];
  const parts = [`isRecord(${expr})`];
  for (const [name, property] of Object.entries(properties)) {
    const value = access(expr, name);
    const check = checkOf(property, value, patterns);
    const present = `hasOwn(${expr}, ${stringLiteral(name)})`;
    if (required.includes(name)) parts.push(present, check === 'true' ? 'true' : check);
    else if (check !== 'true') parts.push(`(!${present} || ${check})`);
  }
  for (const name of required.filter((n) => !Object.hasOwn(properties, n))) parts.push(`hasOwn(${expr}, ${stringLiteral(name)})`);
  if (schema['additionalProperties'] === false) parts.push(`${patterns.use('onlyKeys')}(${expr}, ${valueLiteral(Object.keys(properties))})`);
  return parts.filter((p) => p !== 'true').join(' && ');
}
