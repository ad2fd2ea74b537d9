import type { DocumentedCode, Field, FieldShape, FieldValue, JsonValue, PathSegment } from '../model/catalog.js';
import { didYouMean } from '../validate/suggest.js';
import type { NormalizeContext } from './context.js';
import { checkPattern } from './locators.js';
import { checkPlaceholders } from './references.js';
import type { RawField, RawFieldShape } from './raw.js';

/** What shapes may refer to: the names under `types`. */
export interface ShapeScope {
  typeNames: readonly string[];
}

export function normalizeShape(raw: RawFieldShape, ctx: NormalizeContext, path: readonly PathSegment[], scope: ShapeScope): FieldShape {
  const shape: FieldShape = { nullable: raw.nullable ?? false };
  const kinds = (['type', 'oneOf', 'ref'] as const).filter((k) => raw[k] !== undefined);
  if (kinds.length === 0) ctx.reportKey('missing-key', 'Say what the value is: `type`, a union (`oneOf`) or a declared type (`ref`).', path);
  if (kinds.length > 1) ctx.report('invalid-value', `\`${kinds.join('` and `')}\` each say what the value is; keep one.`, [...path, kinds[1] as string]);
  if (raw.type !== undefined) shape.type = raw.type;
  if (raw.description !== undefined) shape.description = raw.description;
  if (raw.format !== undefined) shape.format = raw.format;
  if (raw.enum !== undefined) shape.enum = raw.enum;
  if (raw.pattern !== undefined) {
    const pattern = checkPattern(raw.pattern, ctx, [...path, 'pattern'], false);
    if (pattern !== undefined) shape.pattern = pattern;
  }
  for (const key of ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const) {
    const value = raw[key];
    if (value !== undefined) shape[key] = value;
  }
  if (raw.example !== undefined) shape.example = raw.example as JsonValue;
  const type = raw.type ?? (raw.oneOf !== undefined ? 'a union' : raw.ref !== undefined ? 'a reference' : undefined);
  const onlyFor = (keys: readonly (keyof RawFieldShape)[], types: readonly string[]) => {
    for (const key of keys) {
      if (raw[key] !== undefined && type !== undefined && !types.includes(type)) {
        ctx.report('invalid-value', `\`${key}\` applies to ${types.join(' or ')} fields, not ${type}; remove it or change \`type\`.`, [...path, key]);
      }
    }
  };
  onlyFor(['pattern', 'minLength', 'maxLength', 'format'], ['string']);
  onlyFor(['minimum', 'maximum'], ['integer', 'number']);
  onlyFor(['items', 'minItems', 'maxItems'], ['array']);
  onlyFor(['properties', 'additionalProperties'], ['object']);
  onlyFor(['enum', 'codes'], ['string', 'integer', 'number']);
  onlyFor(['discriminator'], ['a union']);
  if (raw.items !== undefined) shape.items = normalizeShape(raw.items, ctx, [...path, 'items'], scope);
  if (raw.properties !== undefined) {
    shape.properties = Object.entries(raw.properties).map(([name, f]) => normalizeField(name, f, ctx, [...path, 'properties', name], false, scope));
  }
  if (typeof raw.additionalProperties === 'boolean') shape.additionalProperties = raw.additionalProperties;
  else if (raw.additionalProperties !== undefined) shape.additionalProperties = normalizeShape(raw.additionalProperties, ctx, [...path, 'additionalProperties'], scope);
  if (raw.oneOf !== undefined) shape.oneOf = raw.oneOf.map((member, i) => normalizeShape(member, ctx, [...path, 'oneOf', i], scope));
  if (raw.discriminator !== undefined) shape.discriminator = raw.discriminator;
  if (raw.ref !== undefined) {
    if (!scope.typeNames.includes(raw.ref)) {
      ctx.report('unknown-type', `No type \`${raw.ref}\` is declared.${didYouMean(raw.ref, scope.typeNames)} Declare it under \`types\`.`, [...path, 'ref']);
    }
    shape.ref = raw.ref;
  }
  if (raw.codes !== undefined) {
    shape.codes = documentedCodes(raw.codes);
    if (raw.enum !== undefined) ctx.report('invalid-value', '`codes` already lists the values; drop `enum`.', [...path, 'enum']);
    shape.codes.forEach((code, i) => {
      if (!fitsScalar(code.value, raw.type)) ctx.report('invalid-value', `Every code must be a${raw.type === 'integer' ? 'n' : ''} ${raw.type}.`, [...path, 'codes', Array.isArray(raw.codes) ? i : String(code.value)]);
    });
  }
  if (raw.extensible !== undefined) {
    if (raw.codes === undefined) ctx.report('invalid-value', '`extensible` applies to fields with `codes`; remove it or add `codes`.', [...path, 'extensible']);
    shape.extensible = raw.extensible;
  }
  if (raw.enum?.some((v) => !fitsScalar(v, raw.type))) {
    ctx.report('invalid-value', `Every \`enum\` value must be a ${raw.type}.`, [...path, 'enum']);
  }
  return shape;
}

/** `codes` as written: a list of values, or a mapping of value to meaning (integer codes are keys written as digits). */
function documentedCodes(raw: NonNullable<RawFieldShape['codes']>): DocumentedCode[] {
  if (Array.isArray(raw)) return raw.map((value) => ({ value }));
  return Object.entries(raw).map(([key, description]) => {
    const value = /^-?\d+$/.test(key) ? Number(key) : key;
    return description === null || description === undefined ? { value } : { value, description };
  });
}

function fitsScalar(value: unknown, type: RawFieldShape['type']): boolean {
  if (type === 'string') return typeof value === 'string';
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return typeof value === 'number';
  return true;
}

export function normalizeField(name: string, raw: RawField, ctx: NormalizeContext, path: readonly PathSegment[], shared: boolean, scope: ShapeScope): Field {
  const shape = normalizeShape(raw, ctx, path, scope);
  const value = normalizeValue(raw, ctx, path, shared);
  return { name, ...shape, required: raw.required ?? false, value };
}

function normalizeValue(raw: RawField, ctx: NormalizeContext, path: readonly PathSegment[], shared: boolean): FieldValue {
  const v = raw.value;
  const valuePath = [...path, 'value'];
  if (raw.default !== undefined && v !== 'per-entry') {
    ctx.report('invalid-value', '`default` only applies to `value: per-entry` fields; remove it or set `value: per-entry`.', [...path, 'default']);
  }
  if (v === undefined) return { kind: 'free' };
  if (typeof v === 'object') {
    if (v.template !== undefined) {
      checkPlaceholders(v.template, ctx, [...valuePath, 'template']);
      if (raw.type !== 'string') ctx.report('invalid-value', 'A `template` value makes a string; set `type: string`.', [...valuePath, 'template']);
      return { kind: 'template', template: v.template };
    }
    return { kind: 'const', value: (v.const ?? null) as JsonValue };
  }
  if (v === 'per-entry') {
    if (!shared) ctx.report('invalid-value', '`per-entry` applies to shared fields; an entry-specific field can use `const` instead.', valuePath);
    return raw.default === undefined ? { kind: 'per-entry' } : { kind: 'per-entry', default: raw.default as JsonValue };
  }
  if (v === 'status' && raw.type !== 'integer' && raw.type !== 'number' && raw.type !== 'string') {
    ctx.report('invalid-value', '`value: status` holds the HTTP status; set `type: integer` (or `string`, as JSON:API writes it).', valuePath);
  }
  if ((v === 'title' || v === 'docUrl') && raw.type !== 'string') {
    ctx.report('invalid-value', `\`value: ${v}\` holds a string; set \`type: string\`.`, valuePath);
  }
  return { kind: v };
}
