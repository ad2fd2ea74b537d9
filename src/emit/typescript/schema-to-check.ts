import type { JsonValue } from '../../model/catalog.js';
import type { JsonSchema } from '../../model/error-schema.js';
import { GUARD_REF, TYPE_REF, type EmitContext } from './context.js';
import { access, stringLiteral, valueLiteral } from './literals.js';

/**
 * A boolean expression that is true exactly when `expr` satisfies `schema`, with JSON Schema
 * (draft 2020-12) semantics as ajv applies them: own properties only, integers are finite whole
 * numbers, lengths count code points, patterns are Unicode regular expressions, `oneOf` means
 * exactly one. `format` is an annotation (as in 2020-12 by default) and is not checked.
 */
export function checkOf(schema: JsonSchema, expr: string, ctx: EmitContext): string {
  if (typeof schema[TYPE_REF] === 'string') return `${ctx.typeGuardName(schema[TYPE_REF])}(${expr})`;
  if (typeof schema[GUARD_REF] === 'string') return `${schema[GUARD_REF]}(${expr})`;
  const parts: string[] = [];
  const types = schema['type'] === undefined ? [] : Array.isArray(schema['type']) ? (schema['type'] as string[]) : [schema['type'] as string];
  if ('const' in schema) {
    const value = schema['const'] as JsonValue;
    parts.push(constCheck(value, expr, ctx));
    // The constant implies its type; a type it does not have makes the schema unsatisfiable.
    if (types.length > 0 && !types.some((t) => t === jsonType(value) || (t === 'number' && jsonType(value) === 'integer'))) return 'false';
  } else {
    if (Array.isArray(schema['enum'])) parts.push(`(${(schema['enum'] as JsonValue[]).map((v) => constCheck(v, expr, ctx)).join(' || ') || 'false'})`);
    if (types.length > 0) {
      const typed = types.map((t) => typeCheck(t, schema, expr, ctx));
      parts.push(typed.length === 1 ? (typed[0] as string) : `(${typed.join(' || ')})`);
    }
  }
  if (Array.isArray(schema['anyOf'])) parts.push(`(${(schema['anyOf'] as JsonSchema[]).map((m) => checkOf(m, expr, ctx)).join(' || ')})`);
  if (Array.isArray(schema['oneOf'])) parts.push(oneOfCheck(schema, schema['oneOf'] as JsonSchema[], expr, ctx));
  // `contains` without `type: array` (a member of `allOf`, one per item an array must hold) applies to arrays only.
  const contains = schema['contains'] as JsonSchema | undefined;
  if (contains && !types.includes('array')) parts.push(`(!Array.isArray(${expr}) || (${expr} as unknown[]).some((item) => ${checkOf(contains, 'item', ctx)}))`);
  if (Array.isArray(schema['allOf'])) {
    // Each member on a fresh binding: TypeScript's narrowing from one member must not meet the next
    // (two constants for one property make a schema nothing satisfies, and a comparison tsc rejects).
    const members = (schema['allOf'] as JsonSchema[]).map((m) => checkOf(m, 'also', ctx)).filter((check) => check !== 'true');
    parts.push(...members.map((check) => `((also: unknown) => ${check})(${expr})`));
  }
  const meaningful = parts.filter((p) => p !== 'true');
  return meaningful.length === 0 ? 'true' : meaningful.join(' && ');
}

function jsonType(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function constCheck(value: JsonValue, expr: string, ctx: EmitContext): string {
  if (value === null || typeof value !== 'object') return `${expr} === ${valueLiteral(value)}`;
  return `${ctx.use('deepEqual')}(${expr}, ${valueLiteral(value)})`;
}

function typeCheck(type: string, schema: JsonSchema, expr: string, ctx: EmitContext): string {
  const parts: string[] = [];
  // The measure is made only when the keyword is there: it may register a runtime helper.
  const bound = (keyword: string, op: '>=' | '<=', measure: () => string) => {
    if (typeof schema[keyword] === 'number') parts.push(`${measure()} ${op} ${schema[keyword]}`);
  };
  switch (type) {
    case 'null':
      parts.push(`${expr} === null`);
      break;
    case 'string':
      parts.push(`typeof ${expr} === "string"`);
      bound('minLength', '>=', () => `${ctx.use('codePoints')}(${expr})`);
      bound('maxLength', '<=', () => `${ctx.use('codePoints')}(${expr})`);
      if (typeof schema['pattern'] === 'string') parts.push(`${ctx.pattern(schema['pattern'])}.test(${expr})`);
      break;
    case 'integer':
    case 'number':
      parts.push(type === 'integer' ? `Number.isInteger(${expr})` : `typeof ${expr} === "number" && Number.isFinite(${expr})`);
      bound('minimum', '>=', () => `(${expr} as number)`);
      bound('maximum', '<=', () => `(${expr} as number)`);
      break;
    case 'boolean':
      parts.push(`typeof ${expr} === "boolean"`);
      break;
    case 'array': {
      parts.push(`Array.isArray(${expr})`);
      bound('minItems', '>=', () => `(${expr} as unknown[]).length`);
      bound('maxItems', '<=', () => `(${expr} as unknown[]).length`);
      const items = schema['items'] as JsonSchema | undefined;
      const itemCheck = items ? checkOf(items, 'item', ctx) : 'true';
      // A guard call is passed as is: no closure per check.
      const guardCall = /^([A-Za-z_$][\w$]*)\(item\)$/.exec(itemCheck);
      if (guardCall) parts.push(`${ctx.use('everyItem')}(${expr} as unknown[], ${guardCall[1]})`);
      else if (itemCheck !== 'true') parts.push(`(${expr} as unknown[]).every((item) => ${itemCheck})`);
      const contains = schema['contains'] as JsonSchema | undefined;
      if (contains) parts.push(`(${expr} as unknown[]).some((item) => ${checkOf(contains, 'item', ctx)})`);
      break;
    }
    case 'object':
      parts.push(objectCheck(schema, expr, ctx));
      break;
    default:
      parts.push('false');
  }
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' && ')})`;
}

function objectCheck(schema: JsonSchema, expr: string, ctx: EmitContext): string {
  const properties = Object.entries((schema['properties'] as Record<string, JsonSchema> | undefined) ?? {});
  const required = (schema['required'] as string[] | undefined) ?? [];
  const declared = properties.map(([name]) => name);
  const parts = [`${ctx.use('plainObject')}(${expr})`];
  const present = (name: string) => `${ctx.use('hasOwn')}(${expr}, ${stringLiteral(name)})`;
  for (const [name, property] of properties) {
    const check = checkOf(property, access(expr, name), ctx);
    // Direct reads: a helper taking the key (`ownValue`) is one expression fewer for the checker,
    // but a read by a variable key makes the guard up to half as fast. A required property must be
    // present, which is asked after its value passes (a wrong value fails sooner). An optional one
    // is asked whether it is present only when its value fails: a value that passes is valid
    // whether it is the object's own or inherited (then the property is absent, which is valid
    // too), so a body with the property pays no presence check for it.
    if (required.includes(name)) parts.push(check, present(name));
    else if (check !== 'true') parts.push(`(${check} || !${present(name)})`);
  }
  for (const name of required.filter((n) => !declared.includes(n))) parts.push(present(name));
  const additional = schema['additionalProperties'];
  if (additional === false) parts.push(`${ctx.use('onlyKeys')}(${expr}, ${valueLiteral(declared)})`);
  else if (typeof additional === 'object' && additional !== null) {
    const check = checkOf(additional as JsonSchema, 'item', ctx);
    if (check !== 'true') parts.push(`${ctx.use('everyValue')}(${expr}, ${valueLiteral(declared)}, (item) => ${check})`);
  }
  return parts.filter((p) => p !== 'true').join(' && ');
}

/**
 * `oneOf`: exactly one member matches. When every member is an object whose discriminator is a
 * distinct constant, a value can match only the member its discriminator names: dispatch on it.
 */
function oneOfCheck(schema: JsonSchema, members: readonly JsonSchema[], expr: string, ctx: EmitContext): string {
  if (members.length === 1) return checkOf(members[0] as JsonSchema, expr, ctx);
  const discriminator = schema['x-errcat-discriminator'];
  const nonNull = members.filter((m) => !isNullSchema(m));
  const tags = typeof discriminator === 'string' ? nonNull.map((m) => discriminatorValue(m, discriminator, ctx)) : [];
  const distinct = new Set(tags.map((t) => JSON.stringify(t)));
  if (typeof discriminator === 'string' && tags.every((t) => t !== undefined) && distinct.size === tags.length && nonNull.length >= members.length - 1) {
    const read = `${ctx.use('own')}(${expr}, ${stringLiteral(discriminator)})`;
    const dispatch = nonNull.reduceRight((otherwise, member, i) => `${read} === ${valueLiteral(tags[i] as JsonValue)} ? (${checkOf(member, expr, ctx)}) : ${otherwise}`, 'false');
    return nonNull.length < members.length ? `(${expr} === null || (${dispatch}))` : `(${dispatch})`;
  }
  return `(${members.map((m) => `Number(${checkOf(m, expr, ctx)})`).join(' + ')}) === 1`;
}

function isNullSchema(schema: JsonSchema): boolean {
  return schema['type'] === 'null' && Object.keys(schema).length === 1;
}

/** The constant a member pins its discriminator to, when it is an object that must carry it. */
function discriminatorValue(member: JsonSchema, discriminator: string, ctx: EmitContext): JsonValue | undefined {
  const name = member[TYPE_REF];
  const type = typeof name === 'string' ? ctx.namedType(name) : undefined;
  const schema = type ? ctx.schemas.shape(type.shape) : member;
  if (schema['type'] !== 'object' || !((schema['required'] as string[] | undefined) ?? []).includes(discriminator)) return undefined;
  const properties = (schema['properties'] as Record<string, JsonSchema> | undefined) ?? {};
  const property = Object.hasOwn(properties, discriminator) ? properties[discriminator] : undefined;
  if (property === undefined) return undefined;
  if ('const' in property) return property['const'] as JsonValue;
  const values = property['enum'];
  return Array.isArray(values) && values.length === 1 && values[0] !== null && typeof values[0] !== 'object' ? (values[0] as JsonValue) : undefined;
}
