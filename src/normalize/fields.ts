import type { Field, FieldShape, FieldValue, JsonValue } from '../model/catalog.js';
import type { PathSegment } from '../parse/source-document.js';
import type { NormalizeContext } from './context.js';
import { checkPlaceholders } from './references.js';
import type { RawField } from './raw.js';

export function normalizeShape(raw: RawField, ctx: NormalizeContext, path: readonly PathSegment[]): FieldShape {
  const shape: FieldShape = { type: raw.type, nullable: raw.nullable ?? false };
  if (raw.description !== undefined) shape.description = raw.description;
  if (raw.format !== undefined) shape.format = raw.format;
  if (raw.enum !== undefined) shape.enum = raw.enum;
  if (raw.pattern !== undefined) {
    try {
      new RegExp(raw.pattern, 'u');
      shape.pattern = raw.pattern;
    } catch {
      ctx.report('invalid-value', `\`pattern\` is not a valid regular expression; write an ECMAScript (u-mode) pattern.`, [...path, 'pattern']);
    }
  }
  if (raw.minimum !== undefined) shape.minimum = raw.minimum;
  if (raw.maximum !== undefined) shape.maximum = raw.maximum;
  if (raw.minLength !== undefined) shape.minLength = raw.minLength;
  if (raw.maxLength !== undefined) shape.maxLength = raw.maxLength;
  if (raw.example !== undefined) shape.example = raw.example as JsonValue;
  const onlyFor = (keys: readonly (keyof RawField)[], types: readonly string[]) => {
    for (const key of keys) {
      if (raw[key] !== undefined && !types.includes(raw.type)) {
        ctx.report('invalid-value', `\`${key}\` applies to ${types.join(' or ')} fields, not ${raw.type}; remove it or change \`type\`.`, [...path, key]);
      }
    }
  };
  onlyFor(['pattern', 'minLength', 'maxLength', 'format'], ['string']);
  onlyFor(['minimum', 'maximum'], ['integer', 'number']);
  onlyFor(['items'], ['array']);
  onlyFor(['properties', 'additionalProperties'], ['object']);
  if (raw.items !== undefined) shape.items = normalizeShape(raw.items, ctx, [...path, 'items']);
  if (raw.properties !== undefined) {
    shape.properties = Object.entries(raw.properties).map(([name, f]) => normalizeField(name, f, ctx, [...path, 'properties', name], false));
  }
  if (raw.additionalProperties !== undefined) shape.additionalProperties = raw.additionalProperties;
  if (raw.enum && raw.type !== 'string' && raw.type !== 'integer' && raw.type !== 'number') {
    ctx.report('invalid-value', `\`enum\` applies to string and number fields; remove it or change \`type\`.`, [...path, 'enum']);
  }
  if (raw.enum?.some((v) => !fitsScalar(v, raw.type))) {
    ctx.report('invalid-value', `Every \`enum\` value must be a ${raw.type}.`, [...path, 'enum']);
  }
  return shape;
}

function fitsScalar(value: unknown, type: RawField['type']): boolean {
  if (type === 'string') return typeof value === 'string';
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return typeof value === 'number';
  return true;
}

export function normalizeField(name: string, raw: RawField, ctx: NormalizeContext, path: readonly PathSegment[], shared: boolean): Field {
  const shape = normalizeShape(raw, ctx, path);
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
  if (v === 'status' && raw.type !== 'integer' && raw.type !== 'number') {
    ctx.report('invalid-value', '`value: status` holds the HTTP status, a number; set `type: integer`.', valuePath);
  }
  if ((v === 'title' || v === 'docUrl') && raw.type !== 'string') {
    ctx.report('invalid-value', `\`value: ${v}\` holds a string; set \`type: string\`.`, valuePath);
  }
  return { kind: v };
}
