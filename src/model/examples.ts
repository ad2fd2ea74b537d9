import type { Catalog, Entry, Example, FieldShape, Header, JsonValue } from './catalog.js';
import { ownValue, setOwn } from './own.js';
import { computedValue, entryFields } from './values.js';

const FORMAT_SAMPLES: Record<string, string> = {
  uri: 'https://example.com',
  url: 'https://example.com',
  'uri-reference': '/example',
  'date-time': '2026-01-01T00:00:00Z',
  date: '2026-01-01',
  time: '00:00:00Z',
  email: 'user@example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
};

/** A plausible value for a field that has no computed value, from its example or its shape. */
export function sampleValue(shape: FieldShape): JsonValue {
  if (shape.example !== undefined) return shape.example;
  if (shape.enum?.[0] !== undefined) return shape.enum[0];
  switch (shape.type) {
    case 'string':
      return (shape.format !== undefined ? FORMAT_SAMPLES[shape.format] : undefined) ?? ((shape.minLength ?? 0) > 7 ? 'x'.repeat(shape.minLength ?? 0) : 'example');
    case 'integer':
    case 'number':
      return shape.minimum ?? (shape.maximum !== undefined && shape.maximum < 0 ? shape.maximum : 0);
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return Object.fromEntries((shape.properties ?? []).filter((p) => p.required).map((p) => [p.name, sampleValue(p)]));
  }
}

/** The error object of an entry answered with `status`, filled from computed values and samples. */
export function sampleErrorObject(catalog: Catalog, entry: Entry, status: number): Record<string, JsonValue> {
  const object: Record<string, JsonValue> = {};
  const { code, message } = catalog.envelope;
  if (code) setPath(object, code.path, entry.code);
  setOwn(object, message.name, entry.title ?? entry.description ?? entry.fix ?? catalog.statuses.find((s) => s.status === status)?.title ?? `HTTP ${status}`);
  for (const field of entryFields(catalog, entry)) {
    const value = computedValue(field, entry, status, catalog);
    if (value !== undefined) setOwn(object, field.name, value);
    else if (field.required) setOwn(object, field.name, field.nullable && field.example === undefined ? null : sampleValue(field));
  }
  return object;
}

function setPath(target: Record<string, JsonValue>, path: readonly string[], value: JsonValue): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    setOwn(target, head, value);
    return;
  }
  let child = ownValue(target, head) as Record<string, JsonValue> | undefined;
  if (child === undefined) setOwn(target, head, (child = {}));
  setPath(child, rest, value);
}

export function wrapBody(catalog: Catalog, errorObject: JsonValue): JsonValue {
  const { envelope } = catalog;
  if (envelope.key === undefined) return errorObject;
  return { [envelope.key]: envelope.kind === 'list' ? [errorObject] : errorObject };
}

export function sampleHeaders(headers: readonly Header[], names: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of names) {
    const header = headers.find((h) => h.name === name);
    if (!header) continue;
    if (header.example !== undefined) setOwn(result, name, String(header.example));
    else if (header.required) setOwn(result, name, header.type === 'string' ? 'example' : '1');
  }
  return result;
}

/** The example errcat writes for an entry that has none. */
export function deriveExample(catalog: Catalog, entry: Entry, status: number = entry.statuses[0] ?? 500): Example {
  return {
    name: status === entry.statuses[0] ? String(entry.code) : `${entry.code}_${status}`,
    body: wrapBody(catalog, sampleErrorObject(catalog, entry, status)),
    headers: sampleHeaders(catalog.headers, entry.headers),
    derived: true,
  };
}

/**
 * The examples to show for an entry answered with `status`. Derived examples are made for
 * that status, since computed fields (an echoed status) differ from one status to another.
 */
export function examplesForStatus(catalog: Catalog, entry: Entry, status: number): readonly Example[] {
  if (entry.examples.some((e) => !e.derived)) return entry.examples;
  return [deriveExample(catalog, entry, status)];
}

/** The example of a status that has no code of its own: the envelope with a placeholder code. */
export function statusOnlyExample(catalog: Catalog, status: number): JsonValue {
  const info = catalog.statuses.find((s) => s.status === status);
  const object: Record<string, JsonValue> = {};
  const { code, message } = catalog.envelope;
  if (code) setPath(object, code.path, code.type === 'integer' ? status : `http_${status}`);
  setOwn(object, message.name, info?.description ?? info?.title ?? `HTTP ${status}`);
  for (const field of catalog.fields) {
    if (field.value.kind === 'status') setOwn(object, field.name, status);
    else if (field.value.kind === 'const') setOwn(object, field.name, field.value.value);
    else if (field.required) setOwn(object, field.name, field.nullable && field.example === undefined ? null : sampleValue(field));
  }
  return wrapBody(catalog, object);
}
