import type { EnvelopeKind } from '../model/catalog.js';
import type { ImportContext } from './context.js';
import type { ErrorResponse } from './responses.js';
import { isArraySchema, isObjectSchema, objectView, schemaAt, typesOf, unionMembers, type SchemaAt } from './schema.js';

/** How one response's body wraps its error object. */
export interface BodyShape {
  kind: Extract<EnvelopeKind, 'flat' | 'wrapped' | 'list' | 'array' | 'problem'>;
  key?: string;
  contentType: string;
  /** The error object's schema (maybe a union of one schema per code). */
  inner: SchemaAt;
}

/** RFC 9457's members: three of them make a body problem details. */
export const PROBLEM_MEMBERS = ['type', 'title', 'status', 'detail', 'instance'];

/**
 * A body's envelope: an array of error objects (`array`); an object whose one property holds an
 * array of them (`list`) or one of them (`wrapped`); else the body is the error object, `problem`
 * details when the content type or its RFC 9457 members say so.
 */
export function readBody(ctx: ImportContext, response: ErrorResponse): BodyShape | undefined {
  if (!response.body) return undefined;
  const at = schemaAt(ctx, response.body.value, response.body.path);
  if (!at) return undefined;
  const contentType = response.contentType ?? 'application/json';
  if (isArraySchema(at.schema)) {
    const items = schemaAt(ctx, at.schema['items'], [...at.path, 'items']);
    return items && isErrorObject(ctx, items) ? { kind: 'array', contentType, inner: items } : undefined;
  }
  if (unionMembers(ctx, at)) return { kind: /problem\+json/i.test(contentType) ? 'problem' : 'flat', contentType, inner: at };
  if (!isObjectSchema(at.schema)) return undefined;
  const view = objectView(ctx, at);
  const [only, ...others] = [...view.properties];
  if (only && others.length === 0 && view.properties.size === 1) {
    const [key, property] = only;
    const value = schemaAt(ctx, property.value, property.path);
    if (value && isArraySchema(value.schema)) {
      const items = schemaAt(ctx, value.schema['items'], [...value.path, 'items']);
      if (items && isErrorObject(ctx, items)) return { kind: 'list', key, contentType, inner: items };
    } else if (value && isErrorObject(ctx, value)) return { kind: 'wrapped', key, contentType, inner: value };
  }
  const names = [...view.properties.keys()];
  const problem = /problem\+json/i.test(contentType) || PROBLEM_MEMBERS.filter((m) => names.includes(m)).length >= 3;
  return { kind: problem ? 'problem' : 'flat', contentType, inner: at };
}

/** An object, or a union of objects. */
function isErrorObject(ctx: ImportContext, at: SchemaAt): boolean {
  const union = unionMembers(ctx, at);
  if (union) return union.members.length > 0 && union.members.every((m) => isObjectSchema(m.schema));
  return isObjectSchema(at.schema) && !typesOf(at.schema).types.includes('array');
}

/** The envelope most error responses share: kind and wrapper key, then content type. */
export function chooseEnvelope(shapes: readonly BodyShape[]): { kind: BodyShape['kind']; key?: string; contentType: string } | undefined {
  const tally = <T>(items: readonly T[], key: (t: T) => string) => {
    const counts = new Map<string, { item: T; n: number }>();
    for (const item of items) {
      const k = key(item);
      const slot = counts.get(k) ?? { item, n: 0 };
      slot.n++;
      counts.set(k, slot);
    }
    // Most common first; the first seen wins a tie.
    return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.item;
  };
  const shape = (s: BodyShape) => `${s.kind === 'problem' ? 'flat' : s.kind}:${s.key ?? ''}`;
  const winner = tally(shapes, shape);
  if (!winner) return undefined;
  const same = shapes.filter((s) => shape(s) === shape(winner));
  const contentType = (tally(same, (s) => s.contentType) as BodyShape).contentType;
  const problem = same.filter((s) => s.kind === 'problem').length * 2 > same.length;
  const kind = winner.kind === 'problem' || winner.kind === 'flat' ? (problem ? 'problem' : 'flat') : winner.kind;
  return { kind, ...(winner.key !== undefined ? { key: winner.key } : {}), contentType };
}

/** Whether a body fits the chosen envelope (`problem` and `flat` bodies are alike). */
export function fitsEnvelope(shape: BodyShape, envelope: { kind: BodyShape['kind']; key?: string }): boolean {
  const flat = (k: string) => (k === 'problem' ? 'flat' : k);
  return flat(shape.kind) === flat(envelope.kind) && shape.key === envelope.key;
}
