import type { ErrorObject } from 'ajv';
import type { Catalog, CodeLevel, Entry, EntryResponse, Example, Field, FieldShape, JsonValue, PathSegment, StatusInfo } from '../model/catalog.js';
import { sampleHeaders, sampleValue, setPath, wrapBody } from '../model/examples.js';
import { createBodyValidator, validationSchemas } from '../model/json-schema-validator.js';
import { conditionHolds } from '../model/conditions.js';
import { defineOwn } from '../model/own.js';
import type { NormalizeContext } from '../normalize/context.js';
import type { EntryDraft } from '../normalize/drafts.js';

type Validate = ReturnType<typeof createBodyValidator>;

/**
 * Every response's examples: the written ones for its status, each checked against the entry's
 * schema at that status, else one derived from the model (checked field by field: a field whose
 * sample cannot fit, such as a `pattern` with no `example`, is the catalog's to fix).
 */
export function resolveExamples(catalog: Catalog, drafts: readonly EntryDraft[], ctx: NormalizeContext): Catalog {
  const schemas = validationSchemas(catalog);
  const validate = createBodyValidator(catalog, schemas);
  const fieldCheck = fieldChecker(validate, (field) => schemas.shape(field));
  const entries = catalog.entries.map((entry, index) => {
    const draft = drafts[index] as EntryDraft;
    const responses = entry.responses.map((response): EntryResponse => {
      const written = draft.examples.filter((x) => x.status === response.status);
      const examples = written.map(({ raw, path }, i): Example => {
        for (const error of validate(schemas.entryBody(entry, response.status), raw.body)) reportInvalid(error, path, ctx);
        const example: Example = {
          name: raw.name ?? (draft.examples.length === 1 ? String(entry.code) : `${entry.code}_${draft.examples.indexOf(written[i] as (typeof written)[number]) + 1}`),
          status: response.status,
          body: raw.body as JsonValue,
          headers: Object.fromEntries(Object.entries(raw.headers ?? {}).map(([k, v]) => [k, String(v)])),
          derived: false,
          origin: { path },
        };
        if (raw.summary !== undefined) example.summary = raw.summary;
        return example;
      });
      if (examples.length > 0) return { ...response, examples };
      const derived = deriveEntryExample(catalog, entry, response);
      checkDerived(catalog, entry, response, fieldCheck, draft.key, ctx);
      checkConditions(catalog, derived, response, draft.key, ctx);
      return { ...response, examples: [derived] };
    });
    return { ...entry, responses };
  });
  const statuses = catalog.statuses.map((info): StatusInfo => (info.statusOnly ? { ...info, examples: [deriveStatusExample(catalog, info)] } : info));
  return { ...catalog, entries, statuses };
}

function reportInvalid(error: ErrorObject, path: readonly PathSegment[], ctx: NormalizeContext): void {
  const inner = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
  const params = error.params as { additionalProperty?: string; allowedValue?: unknown };
  const extra = error.keyword === 'additionalProperties' ? ` (\`${String(params.additionalProperty)}\`)` : '';
  const detail = error.keyword === 'const' ? `must be ${JSON.stringify(params.allowedValue)}` : `${error.message ?? 'is invalid'}${extra}`;
  ctx.report('example-invalid', `Example body${inner.length ? ` at \`${inner.join('.')}\`` : ''} ${detail}; make the example match the entry (codes, required fields, computed values).`, [...path, 'body', ...inner]);
}

/** Each field's shape compiled once, whatever the number of entries. */
function fieldChecker(validate: Validate, schemaOf: (field: Field) => ReturnType<ReturnType<typeof validationSchemas>['shape']>): (field: Field, value: unknown) => ErrorObject | undefined {
  const schemas = new Map<Field, ReturnType<typeof schemaOf>>();
  return (field, value) => {
    let schema = schemas.get(field);
    if (!schema) schemas.set(field, (schema = schemaOf(field)));
    return validate(schema, value)[0];
  };
}

function checkDerived(catalog: Catalog, entry: Entry, response: EntryResponse, check: (field: Field, value: unknown) => ErrorObject | undefined, key: string, ctx: NormalizeContext): void {
  for (const field of [...catalog.fields, ...entry.fields]) {
    const computed = Object.hasOwn(response.values, field.name);
    if (!computed && !field.required) continue;
    const value = computed ? response.values[field.name] : fieldSample(catalog, field);
    const error = check(field, value);
    if (!error) continue;
    const what = computed ? `the computed \`${field.name}\` (${JSON.stringify(value)})` : `the sample for \`${field.name}\``;
    ctx.reportKey('example-invalid', `errcat cannot derive an example for \`${key}\`: ${what} ${error.message ?? 'is invalid'}. Give the field an \`example\` or fix its value, or write an example under \`examples\`.`, ['errors', key]);
    return;
  }
}

/**
 * An entry that applies only under conditions must be shown under them: a derived example
 * meets the first condition it can (a header or field value), else the catalog writes one.
 */
function checkConditions(catalog: Catalog, example: Example, response: EntryResponse, key: string, ctx: NormalizeContext): void {
  if (response.when.length === 0) return;
  const object = errorObjectOf(catalog, example.body);
  if (response.when.some((c) => conditionHolds(c, object, example.headers))) return;
  const settable = response.when.find((c) => c.pattern === undefined && !(c.present === false));
  if (settable?.source === 'header') {
    defineOwn(example.headers, settable.header, settable.equals ?? headerSample(catalog, settable.header));
    return;
  }
  if (settable?.source === 'body' && typeof object === 'object' && object !== null) {
    setPath(object as Record<string, JsonValue>, settable.path, settable.equals ?? 'example');
    return;
  }
  const [first] = response.when;
  const what = first?.source === 'header' ? `the ${first.header} header` : `\`${first?.path.join('.')}\``;
  ctx.reportKey('example-invalid', `errcat cannot derive an example for \`${key}\` at ${response.status}: it applies when ${what} matches /${first?.pattern}/; write an example with \`status: ${response.status}\` under \`examples\`.`, ['errors', key]);
}

/** The error object inside an example body: the body, its wrapper's value, or the first item of a list. */
function errorObjectOf(catalog: Catalog, body: JsonValue): JsonValue | undefined {
  const { envelope } = catalog;
  const inner = envelope.key === undefined ? body : typeof body === 'object' && body !== null && !Array.isArray(body) ? body[envelope.key] : undefined;
  return envelope.kind === 'list' || envelope.kind === 'array' ? (Array.isArray(inner) ? inner[0] : undefined) : inner;
}

function headerSample(catalog: Catalog, name: string): string {
  const header = catalog.headers.find((h) => h.name.toLowerCase() === name.toLowerCase());
  return header?.example !== undefined ? String(header.example) : header?.type === 'string' ? 'example' : '1';
}

function fieldSample(catalog: Pick<Catalog, 'types'>, field: Field): JsonValue {
  return field.nullable && field.example === undefined ? null : sampleValue(field, catalog.types);
}

/** The item shape of an array field that `where` selects (a union member whose constants match). */
function itemShape(catalog: Catalog, arrayPath: readonly string[], where: Readonly<Record<string, JsonValue>>, fields: readonly Field[]): FieldShape | undefined {
  const field = arrayPath.length === 1 ? fields.find((f) => f.name === arrayPath[0]) : undefined;
  const items = field?.items;
  if (!items) return undefined;
  const resolve = (shape: FieldShape): FieldShape => (shape.ref !== undefined ? (catalog.types.find((t) => t.name === shape.ref)?.shape ?? shape) : shape);
  const members = (items.oneOf ?? [items]).map(resolve);
  const matches = (shape: FieldShape) =>
    Object.entries(where).every(([name, value]) => {
      const property = shape.properties?.find((p) => p.name === name);
      const pinned = property?.codes?.map((c) => c.value) ?? property?.enum;
      return pinned === undefined || pinned.includes(value as string | number);
    });
  return members.find(matches);
}

/** Overlays properties onto a sampled object: the sample keeps what it needs, the overlay wins. */
function overlay(base: JsonValue, on: Readonly<Record<string, JsonValue>>): Record<string, JsonValue> {
  const result: Record<string, JsonValue> = typeof base === 'object' && base !== null && !Array.isArray(base) ? { ...base } : {};
  for (const [k, v] of Object.entries(on)) defineOwn(result, k, v);
  return result;
}

/** The example errcat writes for an entry at a status that has none: pinned codes, computed values, samples. */
export function deriveEntryExample(catalog: Catalog, entry: Entry, response: EntryResponse): Example {
  const fields = [...catalog.fields, ...entry.fields];
  const headers = sampleHeaders(catalog.headers, response.headers.map((h) => h.name));
  const described = 'path' in response.origins.title ? response.title : (response.description ?? response.fix ?? response.title);
  const pinned = catalog.envelope.levels.flatMap((level) => {
    // A level every body carries but this entry does not fix gets the value most entries have there.
    const own = Object.hasOwn(entry.pins, level.name) ? entry.pins[level.name] : undefined;
    const value = own ?? (level.optional || entry.level === undefined ? undefined : commonValue(catalog, level));
    return value === undefined || level.at.pattern !== undefined ? [] : [{ at: level.at, value }];
  });
  const object = errorObjectSample(catalog, fields, {
    message: described,
    status: response.status,
    value: (field) => (Object.hasOwn(response.values, field.name) ? response.values[field.name] : undefined),
    codes: (target) => {
      for (const { at, value } of pinned) if (at.source === 'body' && !at.items && at.chain === undefined) setPath(target, at.path, value);
    },
  });
  // Codes inside array items and at the end of chains go where the fields made room for them.
  for (const { at, value } of pinned) {
    if (at.source === 'header') defineOwn(headers, at.header, String(value));
    else if (at.items) {
      const head = at.items.path[0] ?? '';
      const existing = Object.hasOwn(object, head) ? object[head] : undefined;
      const item = overlay(sampleValue(itemShape(catalog, at.items.path, at.items.where, fields) ?? { nullable: false, type: 'object' }, catalog.types), at.items.where);
      setPath(item, at.path, value);
      setPath(object, at.items.path, [...(Array.isArray(existing) ? existing : []), item]);
    } else if (at.chain !== undefined) {
      const chainField = fields.find((f) => f.name === at.chain);
      const inner = overlay(chainField ? sampleValue(chainField, catalog.types) : {}, {});
      setPath(inner, at.path, value);
      defineOwn(object, at.chain, inner);
    }
  }
  for (const header of catalog.headers) {
    const value = header.echo !== undefined && Object.hasOwn(entry.pins, header.echo) ? entry.pins[header.echo] : undefined;
    if (value !== undefined) defineOwn(headers, header.name, String(value));
  }
  const first = entry.responses[0]?.status === response.status;
  return {
    name: first ? String(entry.code) : `${entry.code}_${response.status}`,
    status: response.status,
    body: wrapBody(catalog, object),
    headers,
    derived: true,
    origin: entry.origin,
  };
}

/** The value most entries fix at a level (the first such in catalog order on a tie); a sample when none does. */
function commonValue(catalog: Catalog, level: CodeLevel): string | number {
  const counts = new Map<string | number, number>();
  for (const entry of catalog.entries) {
    const value = Object.hasOwn(entry.pins, level.name) ? entry.pins[level.name] : undefined;
    if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  let best: [string | number, number] | undefined;
  for (const pair of counts) if (!best || pair[1] > best[1]) best = pair;
  return best?.[0] ?? (level.type === 'integer' ? 0 : 'example');
}

/** The example of a status that has no entry of its own: the envelope with placeholder codes. */
function deriveStatusExample(catalog: Catalog, info: StatusInfo): Example {
  const object = errorObjectSample(catalog, catalog.fields, {
    message: info.description ?? info.title,
    status: info.status,
    value: (field) => (field.value.kind === 'status' ? (field.type === 'string' ? String(info.status) : info.status) : field.value.kind === 'const' ? field.value.value : undefined),
    codes: (target) => {
      for (const level of catalog.envelope.levels) {
        const { at } = level;
        if (level.optional || at.source !== 'body' || at.items || at.chain !== undefined || at.pattern !== undefined) continue;
        setPath(target, at.path, level.type === 'integer' ? info.status : `http_${info.status}`);
      }
    },
  });
  return {
    name: `status_${info.status}`,
    status: info.status,
    body: wrapBody(catalog, object),
    headers: sampleHeaders(catalog.headers, info.headers.map((h) => h.name)),
    derived: true,
    origin: { path: ['statuses', String(info.status)] },
  };
}

/**
 * An error object in the order a reader expects: the error marker, the codes, the message, then
 * each field's computed value, else a sample where it is required.
 */
function errorObjectSample(
  catalog: Catalog,
  fields: readonly Field[],
  at: { message: string; status: number; value: (field: Field) => JsonValue | undefined; codes: (object: Record<string, JsonValue>) => void },
): Record<string, JsonValue> {
  const object: Record<string, JsonValue> = {};
  const { message, errorWhen } = catalog.envelope;
  if (errorWhen) defineOwn(object, errorWhen.name, errorWhen.value);
  at.codes(object);
  if (message) defineOwn(object, message.name, at.message);
  for (const field of fields) {
    const value = at.value(field);
    if (value !== undefined) defineOwn(object, field.name, value);
    else if (field.required) defineOwn(object, field.name, fieldSample(catalog, field));
  }
  return object;
}
