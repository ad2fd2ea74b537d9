import { STATUS_CODES } from 'node:http';
import type { SpecOperation } from '../merge/operations.js';
import { isMapping, mappingAt, type SpecMapping } from '../merge/spec-data.js';
import { headerTypeName } from '../model/names.js';
import { pascalName } from '../model/naming.js';
import { defineOwn } from '../model/own.js';
import type { RawConditions, RawEntry, RawEnvelope, RawField, RawFieldShape, RawHeader, RawLevel, RawRetryPolicy, RawStatus, RawStatusFacts } from '../normalize/raw.js';
import type { ImportContext } from './context.js';
import { PROBLEM_MEMBERS, type BodyShape } from './envelope.js';
import { perStatus, rawConditions, rawLocation, rawRetry, type ErrcatOutput } from './errcat.js';
import { readHeader } from './headers.js';
import type { ExampleCandidate, ImportedEntry, ImportModel } from './model.js';
import type { ErrorResponse, ResponseUse } from './responses.js';
import { fixedValue, objectView, schemaAt, type ObjectView, type PropertyAt, type SchemaAt } from './schema.js';
import { CODE_NAMES, MESSAGE_NAMES } from './names.js';
import { ShapeReader } from './shapes.js';

type Code = string | number;
type Scalar = string | number | boolean;


interface OwnEntry {
  code: Code;
  schemaName: string;
  schema: SpecMapping;
  path: readonly string[];
  view: ObjectView;
  statuses: number[];
  pins: Record<string, Code>;
  level?: string;
}

/** A path of properties in an object schema (nested objects followed) whose schema fixes a value. */
interface FixedPath {
  path: string[];
  value: Scalar;
}

/**
 * Reads a catalog back from errcat's own output: entries from the code schemas and their
 * `x-errcat-*` extensions, levels from the values they pin, shared fields from the unknown-error
 * schema, per-status facts from the response components, operations from the responses they
 * reference.
 */
export function readErrcatOutput(ctx: ImportContext, output: ErrcatOutput, included: readonly { response: ErrorResponse; shape: BodyShape }[], uses: readonly ResponseUse[], operations: readonly SpecOperation[], envelope: { kind: BodyShape['kind']; key?: string; contentType: string }): ImportModel {
  const shapes = new ShapeReader(ctx, output.prefix);
  const unknownAt: SchemaAt = { schema: output.unknown.schema, path: output.unknown.path };
  const unknown = objectView(ctx, unknownAt);
  const entries: OwnEntry[] = output.entries.map(({ name, schema, path }) => {
    const code = schema['x-errcat-code'] as Code;
    const statuses = Array.isArray(schema['x-errcat-statuses']) ? (schema['x-errcat-statuses'] as unknown[]).filter((s): s is number => typeof s === 'number') : [];
    const pins = isMapping(schema['x-errcat-pins']) ? (Object.fromEntries(Object.entries(schema['x-errcat-pins']).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<string, Code>) : {};
    const entry: OwnEntry = { code, schemaName: name, schema, path, view: objectView(ctx, { schema, path }), statuses, pins };
    if (typeof schema['x-errcat-level'] === 'string') entry.level = schema['x-errcat-level'];
    return entry;
  });
  ctx.from(['envelope'], output.unknown.path);

  // The error marker: a constant the unknown-error schema requires first.
  const [firstName, firstProperty] = [...unknown.properties][0] ?? [];
  const firstFixed = firstProperty ? schemaAt(ctx, firstProperty.value, firstProperty.path) : undefined;
  const errorWhen = firstName !== undefined && firstProperty?.required && firstFixed && firstFixed.schema['const'] !== undefined ? { field: firstName, equals: firstFixed.schema['const'] } : undefined;

  const levels = readLevels(ctx, output, entries, unknown, envelope.kind);
  const levelHeads = new Set(levels.filter((l) => l.field !== undefined && l.in === undefined && l.chain === undefined && l.pattern === undefined).map((l) => (l.field as string).split('.')[0] as string));
  // Properties after the marker and the levels: the message first, when there is one.
  const rest = [...unknown.properties.keys()].filter((n) => n !== errorWhen?.field && !levelHeads.has(n));
  const patternHeads = new Set(levels.filter((l) => l.pattern !== undefined && l.field !== undefined && l.in === undefined && l.chain === undefined).map((l) => (l.field as string).split('.')[0] as string));
  const messageName = rest.find((n) => !patternHeads.has(n));
  const messageAt = messageName === undefined ? undefined : schemaAt(ctx, unknown.properties.get(messageName)?.value, unknown.properties.get(messageName)?.path ?? []);
  const isMessage = messageName !== undefined && messageAt !== undefined && messageAt.schema['type'] === 'string' && Object.keys(messageAt.schema).every((k) => k === 'type' || k === 'description') && (MESSAGE_NAMES.includes(messageName) || envelope.kind === 'problem');
  const message = isMessage ? { name: messageName, required: unknown.properties.get(messageName)?.required === true, description: messageAt.schema['description'] } : undefined;
  const reserved = new Set([...levelHeads, ...(errorWhen ? [errorWhen.field] : []), ...(message ? [message.name] : [])]);
  // A pattern level's property is the envelope's, unless a declared field describes it (then it has more than a type).
  for (const head of patternHeads) {
    const at = schemaAt(ctx, unknown.properties.get(head)?.value, unknown.properties.get(head)?.path ?? []);
    if (at && Object.keys(at.schema).length === 1 && at.schema['type'] === 'string') reserved.add(head);
  }

  // Shared fields, with how each entry's value is decided.
  const fields: Record<string, RawField> = {};
  for (const [name, property] of unknown.properties) {
    if (reserved.has(name)) continue;
    const field = shapes.field(property.value, property.path, property.required);
    const value = valueKind(ctx, name, entries, unknown);
    defineOwn(fields, name, { ...stripPins(field, value.kind !== 'free'), ...value.raw });
    ctx.from(['fields', name], property.path);
  }
  const sharedNames = new Set(unknown.properties.keys());

  // Headers: declared by the header components, sent per status by the response components.
  const headerDeclarations: Record<string, RawHeader> = {};
  const sentAt = new Map<number, string[]>();
  const responseByStatus = new Map<number, ErrorResponse>();
  for (const { response } of included) responseByStatus.set(response.status, response);
  for (const [status, response] of [...responseByStatus].sort((a, b) => a[0] - b[0])) {
    const names: string[] = [];
    for (const { name, value, path } of response.headers) {
      const followed = ctx.spec.follow(value, path);
      if (!isMapping(followed.value)) continue;
      // The declaration is the header's component; a response writes it inline where it says more
      // (not always sent there, its codes), and Swagger 2.0 has no header components.
      const component = mappingAt(ctx.spec.data, ['components', 'headers', `${output.prefix}${headerTypeName(name)}`]);
      const declared = readHeader(component ?? followed.value);
      if (!component && ctx.spec.version === '2.0' && followed.value['x-errcat-optional'] !== true) declared.required = true;
      if (!Object.hasOwn(headerDeclarations, name) || (!component && declared.required === true)) defineOwn(headerDeclarations, name, declared);
      const schema = isMapping(followed.value['schema']) ? followed.value['schema'] : followed.value;
      if (Array.isArray(schema['enum'])) {
        const echo = echoedLevel(levels, entries, schema['enum'] as unknown[], name);
        if (echo !== undefined) defineOwn(headerDeclarations, name, { ...headerDeclarations[name], echo });
      }
      names.push(name);
      ctx.from(['headers', name], followed.path);
    }
    sentAt.set(status, names);
  }
  const allStatuses = [...responseByStatus.keys()].sort((a, b) => a - b);
  const everyError = Object.keys(headerDeclarations).filter((h) => allStatuses.length > 0 && allStatuses.every((s) => sentAt.get(s)?.includes(h)));
  for (const h of everyError) defineOwn(headerDeclarations, h, { ...headerDeclarations[h], everyError: true });

  // Statuses: their own facts, and the headers every entry at them sends (declared at the status).
  const statuses: Record<string, RawStatus> = {};
  const statusRetry = new Map<number, RawRetryPolicy>();
  const statusHeaders = new Map<number, string[]>();
  for (const status of allStatuses) {
    const response = responseByStatus.get(status) as ErrorResponse;
    const facts: RawStatus = {};
    const codes = Array.isArray(response.response['x-errcat-codes']) ? (response.response['x-errcat-codes'] as unknown[]) : [];
    const reason = STATUS_CODES[status];
    if (response.description !== undefined && response.description !== `${reason}.`) {
      if (response.description.endsWith('.') && !response.description.slice(0, -1).includes('.') && response.description.length < 80) facts.title = response.description.slice(0, -1);
      else facts.description = response.description;
    }
    if (typeof response.response['x-errcat-fix'] === 'string') facts.fix = response.response['x-errcat-fix'];
    const retry = rawRetry(response.response['x-errcat-retry']);
    if (retry !== undefined) statusRetry.set(status, retry);
    const at = entries.filter((e) => e.statuses.includes(status));
    const own = (sentAt.get(status) ?? []).filter((h) => !everyError.includes(h) && (at.length === 0 || at.every((e) => entryHeaders(e).includes(h))));
    if (own.length > 0) facts.headers = own;
    statusHeaders.set(status, own);
    if (codes.length === 0 || Object.keys(facts).length > 0) {
      statuses[String(status)] = facts;
      ctx.from(['statuses', String(status)], response.path);
    }
  }
  const retry = retryDefaults(statusRetry);
  for (const [status, policy] of statusRetry) {
    if (JSON.stringify(policyFor(retry, status)) === JSON.stringify(policy)) continue;
    const facts = statuses[String(status)] ?? {};
    facts.retry = policy;
    statuses[String(status)] = facts;
  }

  // Entries.
  const typeSuffix = commonSuffix(entries, output.prefix);
  const examples = examplesByEntry(output, included, typeSuffix);
  const imported: ImportedEntry[] = entries.map((e) => {
    const raw: RawEntry = { status: 0 };
    const level = e.level ?? (levels.length === 1 && Object.keys(e.pins).length === 0 ? singleLevelValue(e, levels[0] as RawLevel) : undefined);
    const finest = levels[levels.length - 1]?.name;
    const pins = Object.keys(e.pins).length > 0 ? e.pins : level !== undefined && levels[0] ? { [levels[0].name]: level } : {};
    const levelName = e.level ?? (Object.keys(pins).length > 0 ? levels[0]?.name : undefined);
    if (levelName !== undefined && levelName !== finest && levels.length > 1) raw.level = levelName;
    const value = levelName === undefined ? undefined : pins[levelName];
    if (levelName === undefined && levels.length > 0) raw.codeless = true;
    if (value !== undefined && String(value) !== String(e.code)) raw.value = value;
    const parent = parentOf(e, entries, levels);
    if (parent !== undefined) raw.parent = parent;
    const name = e.schemaName.slice(output.prefix.length, e.schemaName.length - typeSuffix.length);
    if (name !== pascalName(e.code) && e.schemaName.endsWith(typeSuffix)) raw.name = name;
    // Facts that may differ per status: the retry policy and the conditions.
    const retries = perStatus(e.schema['x-errcat-retry'], e.statuses, (v) => isMapping(v) && 'strategy' in v);
    const whens = perStatus(e.schema['x-errcat-when'], e.statuses, (v) => Array.isArray(v) || v === null);
    const policyAt = (s: number) => rawRetry(retries.get(s));
    const whenAt = (s: number) => rawConditions(whens.get(s));
    const statusPolicy = (s: number) => statusRetry.get(s) ?? policyFor(retry, s);
    const sameRetry = e.statuses.every((s) => JSON.stringify(policyAt(s)) === JSON.stringify(policyAt(e.statuses[0] as number)));
    const sameWhen = e.statuses.every((s) => JSON.stringify(whenAt(s)) === JSON.stringify(whenAt(e.statuses[0] as number)));
    const ownRetry = (s: number) => (JSON.stringify(policyAt(s)) === JSON.stringify(statusPolicy(s)) ? undefined : policyAt(s));
    if (sameWhen && (sameRetry || e.statuses.every((s) => ownRetry(s) === undefined))) {
      raw.status = e.statuses.length === 1 ? (e.statuses[0] as number) : (e.statuses as [number, ...number[]]);
      const first = e.statuses[0] as number;
      if (e.statuses.some((s) => ownRetry(s) !== undefined)) raw.retry = policyAt(first) as RawRetryPolicy;
      const when = whenAt(first);
      if (when !== undefined) raw.when = when;
    } else {
      const perStatusFacts: Record<string, RawStatusFacts> = {};
      for (const s of e.statuses) {
        const facts: RawStatusFacts = {};
        const policy = ownRetry(s);
        if (policy !== undefined) facts.retry = policy;
        const when = whenAt(s);
        if (when !== undefined) facts.when = when as RawConditions;
        defineOwn(perStatusFacts, String(s), facts);
      }
      raw.status = perStatusFacts;
    }
    describeEntry(e.schema, raw);
    // Its own headers: those its statuses' declarations do not explain wherever it sends them.
    const headers = entryHeaders(e).filter((h) => {
      if (everyError.includes(h)) return false;
      const sending = e.statuses.filter((s) => sentAt.get(s)?.includes(h));
      return sending.length === 0 || sending.some((s) => !statusHeaders.get(s)?.includes(h));
    });
    if (headers.length > 0) raw.headers = headers;
    const own: Record<string, RawField> = {};
    for (const [fieldName, property] of e.view.properties) {
      if (sharedNames.has(fieldName) || reserved.has(fieldName) || levelHeads.has(fieldName)) continue;
      const value = valueKind(ctx, fieldName, [e], false);
      defineOwn(own, fieldName, { ...stripPins(shapes.field(property.value, property.path, property.required), value.kind !== 'free'), ...value.raw });
    }
    if (Object.keys(own).length > 0) raw.fields = own;
    const values = entryValues(ctx, e, fields);
    if (Object.keys(values).length > 0) raw.values = values;
    ctx.from(['errors', String(e.code)], e.path);
    return { key: e.code, raw, examples: examples.get(e.schemaName) ?? [], path: e.path };
  });

  // Problem details served as plain JSON look flat; their members tell.
  const problem = envelope.kind === 'flat' && PROBLEM_MEMBERS.filter((m) => unknown.properties.has(m)).length >= 3;
  const env: RawEnvelope = { kind: levels.length === 0 ? 'codeless' : problem ? 'problem' : envelope.kind };
  if (envelope.key !== undefined && (env.kind === 'wrapped' || env.kind === 'list')) env.key = envelope.key;
  if (envelope.contentType !== (env.kind === 'problem' ? 'application/problem+json' : 'application/json')) env.contentType = envelope.contentType;
  if (levels.length > 0) env.levels = levels as [RawLevel, ...RawLevel[]];
  const defaultMessage = env.kind === 'problem' ? 'detail' : 'message';
  if (!message) env.message = false;
  else if (message.name !== defaultMessage || !message.required || typeof message.description === 'string') {
    env.message = { field: message.name, ...(message.required ? {} : { required: false }), ...(typeof message.description === 'string' ? { description: message.description } : {}) };
  }
  if (errorWhen) env.errorWhen = errorWhen;
  if (unknown.closed) env.additionalProperties = false;

  const types: Record<string, RawFieldShape> = {};
  for (const { name, shape } of shapes.types.values()) defineOwn(types, name, shape);
  declareReferencedHeaders(headerDeclarations, [...imported.map((i) => i.raw), ...Object.values(statuses)], retry);
  const title = output.title ?? (typeof mappingAt(ctx.spec.data, ['info'])?.['title'] === 'string' ? (mappingAt(ctx.spec.data, ['info'])?.['title'] as string) : 'Imported API');
  return {
    info: { title, version: '' },
    naming: { componentPrefix: output.prefix, ...(typeSuffix !== 'Error' ? { typeSuffix } : {}) },
    envelope: env,
    types,
    fields,
    headers: headerDeclarations,
    retry,
    statuses,
    entries: imported,
    attachments: attachmentsOf(ctx, output, uses, operations),
  };
}

/** The headers an entry's responses send (`x-errcat-headers`). */
function entryHeaders(e: OwnEntry): string[] {
  const list = e.schema['x-errcat-headers'];
  return Array.isArray(list) ? list.filter((h): h is string => typeof h === 'string') : [];
}

/** Title, description (less the `Fix:` paragraph errcat adds), fix, doc url, deprecation, since, tags. */
function describeEntry(schema: SpecMapping, raw: RawEntry): void {
  const fix = typeof schema['x-errcat-fix'] === 'string' ? schema['x-errcat-fix'] : undefined;
  if (typeof schema['title'] === 'string') raw.title = schema['title'];
  let description = typeof schema['description'] === 'string' ? schema['description'] : undefined;
  if (description !== undefined && fix !== undefined) {
    const suffix = `Fix: ${fix}`;
    if (description === suffix) description = undefined;
    else if (description.endsWith(`\n\n${suffix}`)) description = description.slice(0, -suffix.length - 2);
  }
  if (description !== undefined) raw.description = description;
  if (fix !== undefined) raw.fix = fix;
  const docs = schema['externalDocs'];
  if (isMapping(docs) && typeof docs['url'] === 'string') raw.docUrl = docs['url'];
  const deprecated = schema['x-errcat-deprecated'];
  if (typeof deprecated === 'string') raw.deprecated = deprecated;
  else if (schema['deprecated'] === true || schema['x-deprecated'] === true) raw.deprecated = true;
  const replacedBy = schema['x-errcat-replaced-by'];
  if (typeof replacedBy === 'string' || typeof replacedBy === 'number') raw.replacedBy = replacedBy;
  if (typeof schema['x-errcat-since'] === 'string') raw.since = schema['x-errcat-since'];
  const tags = schema['x-errcat-tags'];
  if (Array.isArray(tags) && tags.length > 0) raw.tags = tags.filter((t): t is string => typeof t === 'string');
}

/** Every property path of an object schema, depth first in property order, whose schema fixes a value. */
function fixedPaths(ctx: ImportContext, view: ObjectView, depth = 0): FixedPath[] {
  const found: FixedPath[] = [];
  for (const [name, property] of view.properties) {
    const at = schemaAt(ctx, property.value, property.path);
    if (!at) continue;
    const value = fixedValue(at.schema);
    if (value !== undefined) found.push({ path: [name], value });
    else if (depth < 3 && (isMapping(at.schema['properties']) || Array.isArray(at.schema['allOf']))) {
      for (const inner of fixedPaths(ctx, objectView(ctx, at), depth + 1)) found.push({ path: [name, ...inner.path], value: inner.value });
    }
  }
  return found;
}

/** The item an array property must contain (`contains`, or `x-errcat-contains` before 3.1) that fixes `value`: the array, the item's selecting constants, and the value's path. */
function containedPath(ctx: ImportContext, view: ObjectView, value: Code): { in: string; where: Record<string, Scalar>; field: string } | undefined {
  for (const [name, property] of view.properties) {
    const at = schemaAt(ctx, property.value, property.path);
    const contains = at && (at.schema['contains'] ?? at.schema['x-errcat-contains']);
    if (!at || !isMapping(contains)) continue;
    const parts = Array.isArray(contains['allOf']) ? (contains['allOf'] as unknown[]) : [contains];
    for (const part of parts) {
      const item = schemaAt(ctx, part, at.path);
      if (!item) continue;
      const fixed = fixedPaths(ctx, objectView(ctx, item));
      const hit = fixed.find((f) => f.value === value);
      if (!hit) continue;
      const where = Object.fromEntries(fixed.filter((f) => f !== hit && f.path.length === 1).map((f) => [f.path[0] as string, f.value]));
      if (Object.keys(where).length > 0) return { in: name, where, field: hit.path.join('.') };
    }
  }
  return undefined;
}

/** The levels, coarse to fine: named by the pins entries carry, placed where their schemas pin them. */
function readLevels(ctx: ImportContext, output: ErrcatOutput, entries: readonly OwnEntry[], unknown: ObjectView, kind: BodyShape['kind']): RawLevel[] {
  const order: string[] = [];
  for (const e of entries) {
    let at = 0;
    for (const name of Object.keys(e.pins)) {
      const i = order.indexOf(name);
      if (i === -1) order.splice(at, 0, name);
      at = Math.max(at, order.indexOf(name) + 1);
    }
  }
  const schemas = mappingAt(ctx.spec.data, output.schemaSection) ?? {};
  const codeEnum = schemas[`${output.prefix}ErrorCode`];
  if (order.length === 0 && isMapping(codeEnum) && Array.isArray(codeEnum['enum'])) {
    // One level: its values are the code enum's; its place, the path each entry fixes to one of them.
    const values = new Set(codeEnum['enum'] as unknown[]);
    const counts = new Map<string, number>();
    for (const e of entries) {
      const hit = fixedPaths(ctx, e.view).find((f) => values.has(f.value));
      if (hit) counts.set(hit.path.join('.'), (counts.get(hit.path.join('.')) ?? 0) + 1);
    }
    const field = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (field !== undefined) return [plainLevel(ctx, field.split('.').pop() as string, field, unknown, [...values].every((v) => typeof v === 'number'))];
    const located = entries.map((e) => e.schema['x-errcat-located']).find(isMapping);
    const [name, place] = located ? (Object.entries(located)[0] ?? []) : [];
    const location = isMapping(place) && typeof place['at'] === 'string' ? rawLocation(place['at']) : undefined;
    if (name !== undefined && location) return [{ name, ...location, optional: true, ...([...values].every((v) => typeof v === 'number') ? { type: 'integer' as const } : {}) }];
  }
  if (order.length === 0) {
    // No codes on the wire; a wrapper still needs a level, which errcat writes as an optional property.
    if (kind === 'flat' || kind === 'problem') return [];
    const name = [...unknown.properties.keys()].find((n) => CODE_NAMES.includes(n)) ?? 'code';
    const property = unknown.properties.get(name);
    const at = property && schemaAt(ctx, property.value, property.path);
    return [{ ...plainLevel(ctx, name, name, unknown, at?.schema['type'] === 'integer'), optional: true }];
  }
  const taken = new Set<string>();
  return order.map((name) => {
    const e = entries.find((x) => Object.hasOwn(x.pins, name)) as OwnEntry;
    const value = e.pins[name] as Code;
    const integer = typeof value === 'number';
    // The first path pinned to the value that no coarser level took (a code may equal its type's value).
    const plain = fixedPaths(ctx, e.view).find((f) => f.value === value && !taken.has(f.path.join('.')));
    if (plain) taken.add(plain.path.join('.'));
    const located = isMapping(e.schema['x-errcat-located']) ? e.schema['x-errcat-located'][name] : undefined;
    if (isMapping(located) && typeof located['at'] === 'string') {
      const location = rawLocation(located['at']);
      if (location) return { name, ...location, optional: true, ...(integer ? { type: 'integer' as const } : {}) };
    }
    if (plain) return plainLevel(ctx, name, plain.path.join('.'), unknown, integer);
    const contained = containedPath(ctx, e.view, value);
    if (contained) return { name, ...contained, optional: true, ...(integer ? { type: 'integer' as const } : {}) };
    ctx.report('import-guess', `Where the level \`${name}\` sits is not in the spec; the catalog reads it from \`${name}\`.`, e.path);
    return { name, field: name, optional: true, ...(integer ? { type: 'integer' as const } : {}) };
  });
}

/** A level at a property path; optional unless the unknown-error schema requires it all the way. */
function plainLevel(ctx: ImportContext, name: string, field: string, unknown: ObjectView, integer: boolean): RawLevel {
  const level: RawLevel = { name, field };
  if (integer) level.type = 'integer';
  let view: ObjectView | undefined = unknown;
  let required = true;
  let description: unknown;
  for (const segment of field.split('.')) {
    const property: PropertyAt | undefined = view?.properties.get(segment);
    if (!property?.required) required = false;
    const at: SchemaAt | undefined = property && schemaAt(ctx, property.value, property.path);
    description = at?.schema['description'];
    view = at ? objectView(ctx, at) : undefined;
  }
  if (!required) level.optional = true;
  if (typeof description === 'string') level.description = description;
  return level;
}

/** An entry's value at the one level: where its schema pins it, or (a level no schema can pin) in its `x-errcat-located`. */
function singleLevelValue(e: OwnEntry, level: RawLevel): Code | undefined {
  if (level.field === undefined || level.in !== undefined || level.chain !== undefined || level.pattern !== undefined || level.header !== undefined) {
    const located = isMapping(e.schema['x-errcat-located']) ? e.schema['x-errcat-located'][level.name] : undefined;
    const value = isMapping(located) ? located['value'] : undefined;
    return typeof value === 'string' || typeof value === 'number' ? value : level.in !== undefined ? e.code : undefined;
  }
  let view: ObjectView | undefined = e.view;
  let value: Scalar | undefined;
  for (const segment of level.field.split('.')) {
    const property: PropertyAt | undefined = view?.properties.get(segment);
    const at: SchemaAt | undefined = isMapping(property?.value) ? { schema: property.value as SpecMapping, path: property.path } : undefined;
    if (!at) return undefined;
    value = fixedValue(at.schema);
    view = value === undefined ? objectViewOf(at) : undefined;
  }
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

const objectViewOf = (at: SchemaAt): ObjectView | undefined => {
  const properties = at.schema['properties'];
  if (!isMapping(properties)) return undefined;
  const required = new Set(Array.isArray(at.schema['required']) ? at.schema['required'] : []);
  return { properties: new Map(Object.entries(properties).map(([n, v]) => [n, { value: v, path: [...at.path, 'properties', n], required: required.has(n) }])), closed: false, parts: [at] };
};

/** The entry one level coarser that this one refines: the deepest coarser level it pins, and the entry there with that value. */
function parentOf(e: OwnEntry, entries: readonly OwnEntry[], levels: readonly RawLevel[]): Code | undefined {
  if (e.level === undefined) return undefined;
  const index = levels.findIndex((l) => l.name === e.level);
  for (let i = index - 1; i >= 0; i--) {
    const name = levels[i]?.name as string;
    if (!Object.hasOwn(e.pins, name)) continue;
    const parent = entries.find((x) => x.level === name && x.pins[name] === e.pins[name]);
    return parent?.code;
  }
  return undefined;
}

/** The type suffix most code schemas are named with: `<prefix><Name><suffix>`. */
function commonSuffix(entries: readonly OwnEntry[], prefix: string): string {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const base = prefix + pascalName(e.code);
    if (e.schemaName.startsWith(base)) counts.set(e.schemaName.slice(base.length), (counts.get(e.schemaName.slice(base.length)) ?? 0) + 1);
  }
  // The most common; on a tie, errcat's default, then the shortest (a name override adds to the end).
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || Number(b[0] === 'Error') - Number(a[0] === 'Error') || a[0].length - b[0].length)[0]?.[0] ?? 'Error';
}

/**
 * A field's values per entry: what they all pin says how the catalog computes it. A shared
 * field whose own shape lists one value is that shape, not a computed value; an entry's own field
 * is computed only where the schema says `const` (OpenAPI 3.0 writes a constant and a one-value
 * `enum` alike, and the shape is the safer reading).
 */
function valueKind(ctx: ImportContext, name: string, entries: readonly OwnEntry[], shared: false | ObjectView): { kind: string; raw: Partial<RawField> } {
  if (shared) {
    const own = shared.properties.get(name);
    const at = own && schemaAt(ctx, own.value, own.path);
    if (at && fixedValue(at.schema) !== undefined) return { kind: 'free', raw: {} };
  }
  const pinned = entries.map((e) => ({ e, values: pinnedValues(ctx, e, name, shared !== false) }));
  const some = pinned.filter((p) => p.values !== undefined);
  if (some.length === 0) return { kind: 'free', raw: {} };
  const all = some.length === entries.length;
  const same = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);
  if (all && pinned.every((p) => same(p.values as Scalar[], p.e.statuses))) return { kind: 'status', raw: { value: 'status' } };
  if (all && pinned.every((p) => same(p.values as Scalar[], p.e.statuses.map(String)))) return { kind: 'status', raw: { value: 'status' } };
  const docUrl = (e: OwnEntry) => (isMapping(e.schema['externalDocs']) ? e.schema['externalDocs']['url'] : undefined);
  if (all && pinned.every((p) => p.values?.length === 1 && docUrl(p.e) === p.values[0])) return { kind: 'docUrl', raw: { value: 'docUrl' } };
  if (all && pinned.every((p) => p.values?.length === 1 && typeof p.e.schema['title'] === 'string' && p.e.schema['title'] === p.values[0])) return { kind: 'title', raw: { value: 'title' } };
  const first = some[0]?.values as Scalar[];
  if (all && first.length === 1 && pinned.every((p) => same(p.values as Scalar[], first)) && (entries.length > 1 || !shared)) return { kind: 'const', raw: { value: { const: first[0] } } };
  if (!shared) return { kind: 'const', raw: { value: { const: first[0] } } };
  return all && pinned.every((p) => p.values?.length === 1) ? { kind: 'per-entry', raw: { value: 'per-entry' } } : { kind: 'free', raw: {} };
}

/** The values an entry's schema pins a property to: `const` (or a one-value `enum`), or an `enum` over its statuses; undefined when free. */
function pinnedValues(ctx: ImportContext, e: OwnEntry, name: string, oneValueEnum = true): Scalar[] | undefined {
  const property = e.view.properties.get(name);
  const at = property && schemaAt(ctx, property.value, property.path);
  if (!at) return undefined;
  const constant = at.schema['const'];
  const fixed = oneValueEnum ? fixedValue(at.schema) : typeof constant === 'string' || typeof constant === 'number' || typeof constant === 'boolean' ? constant : undefined;
  if (fixed !== undefined) return [fixed];
  if (e.statuses.length > 1 && Array.isArray(at.schema['enum']) && at.schema['enum'].length === e.statuses.length) return at.schema['enum'] as Scalar[];
  return undefined;
}

/** A field read from a schema that pins it: the pin is the value's business, not the shape's. */
function stripPins(field: RawField, pinned: boolean): RawField {
  if (!pinned) return field;
  const { enum: _enum, ...rest } = field;
  return rest;
}

/** An entry's values for the shared `per-entry` and free fields it pins. */
function entryValues(ctx: ImportContext, e: OwnEntry, fields: Record<string, RawField>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) {
    if (field.value !== undefined && field.value !== 'per-entry') continue;
    const pinned = pinnedValues(ctx, e, name);
    if (pinned?.length === 1) defineOwn(values, name, pinned[0]);
  }
  return values;
}

/** The level a header's codes repeat (`echo`): the one whose values at the status are the header's. */
function echoedLevel(levels: readonly RawLevel[], entries: readonly OwnEntry[], values: readonly unknown[], header: string): string | undefined {
  if (levels.some((l) => l.header !== undefined && l.header.toLowerCase() === header.toLowerCase())) return undefined;
  const wanted = new Set(values.map(String));
  for (const level of [...levels].reverse()) {
    const have = new Set(entries.map((e) => e.pins[level.name] ?? (levels.length === 1 ? e.code : undefined)).filter((v) => v !== undefined).map(String));
    if ([...wanted].every((v) => have.has(v))) return level.name;
  }
  return undefined;
}

/** Retry defaults by class: the policy most of a class's statuses share, where errcat's own default does not already say it. */
function retryDefaults(byStatus: ReadonlyMap<number, RawRetryPolicy>): Record<string, RawRetryPolicy> {
  const result: Record<string, RawRetryPolicy> = {};
  for (const klass of [4, 5]) {
    const policies = [...byStatus].filter(([s]) => Math.floor(s / 100) === klass).map(([, p]) => JSON.stringify(p));
    const counts = new Map<string, number>();
    for (const p of policies) counts.set(p, (counts.get(p) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if (!top) continue;
    const builtIn = JSON.stringify(klass === 4 ? 'never' : 'backoff');
    if (top[0] !== builtIn) result[`${klass}xx`] = JSON.parse(top[0]) as RawRetryPolicy;
  }
  for (const [status, policy] of byStatus) {
    if (JSON.stringify(policyFor(result, status)) !== JSON.stringify(policy)) result[String(status)] = policy;
  }
  return result;
}

/** The policy the catalog's defaults give a status: the status, its class, else errcat's own. */
function policyFor(defaults: Readonly<Record<string, RawRetryPolicy>>, status: number): RawRetryPolicy {
  return defaults[String(status)] ?? defaults[`${Math.floor(status / 100)}xx`] ?? defaults['default'] ?? (status >= 500 ? 'backoff' : 'never');
}

/** Headers that retry policies and conditions name must be declared; errcat's output says them only where they are sent. */
function declareReferencedHeaders(headers: Record<string, RawHeader>, scopes: readonly (RawEntry | RawStatus)[], retry: Record<string, RawRetryPolicy>): void {
  const names = new Set<string>();
  const conditions = (c: RawConditions | undefined) => {
    for (const condition of c === undefined ? [] : Array.isArray(c) ? c : [c]) if (condition.header !== undefined) names.add(condition.header);
  };  const policy = (p: RawRetryPolicy | undefined) => {
    if (p === undefined || typeof p === 'string') return;
    if (p.shouldRetry) names.add(p.shouldRetry.header);
    if (p.strategy === 'retry-after') {
      if (p.header !== undefined) names.add(p.header);
      for (const hint of p.hints ?? []) {
        if (hint.header !== undefined) names.add(hint.header);
        conditions(hint.when);
      }
      if (p.header === undefined && p.field === undefined && p.hints === undefined) names.add('Retry-After');
    }
  };

  for (const p of Object.values(retry)) policy(p);
  for (const scope of scopes) {
    policy(scope.retry);
    if ('when' in scope) conditions(scope.when);
    if ('status' in scope && isMapping(scope.status)) {
      for (const facts of Object.values(scope.status as Record<string, RawStatusFacts>)) {
        policy(facts.retry);
        conditions(facts.when);
      }
    }
  }
  const declared = new Set(Object.keys(headers).map((h) => h.toLowerCase()));
  for (const name of names) if (!declared.has(name.toLowerCase())) defineOwn(headers, name, {});
}

/** Each entry's examples: the example components its status responses list (`<prefix><Name>.<example>`), by entry schema name. */
function examplesByEntry(output: ErrcatOutput, included: readonly { response: ErrorResponse }[], typeSuffix: string): Map<string, ExampleCandidate[]> {
  const byName = new Map<string, ExampleCandidate[]>();
  const keys = output.entries.map((e) => ({ schema: e.name, key: `${e.name.slice(0, e.name.length - typeSuffix.length)}.` }));
  for (const { response } of included) {
    for (const example of response.examples) {
      const owner = keys.find((k) => example.name?.startsWith(k.key));
      if (!owner || example.name === undefined) continue;
      const candidate: ExampleCandidate = { status: response.status, name: example.name.slice(owner.key.length), body: example.value, path: example.path };
      if (example.summary !== undefined) candidate.summary = example.summary;
      const list = byName.get(owner.schema) ?? [];
      list.push(candidate);
      byName.set(owner.schema, list);
    }
  }
  return byName;
}

/** The statuses each operation answers with errcat's responses, and errors joined to its success bodies. */
function attachmentsOf(ctx: ImportContext, output: ErrcatOutput, uses: readonly ResponseUse[], operations: readonly SpecOperation[]): Map<SpecOperation, Set<number>> {
  const attachments = new Map<SpecOperation, Set<number>>();
  const add = (op: SpecOperation, status: number) => {
    const set = attachments.get(op) ?? new Set<number>();
    set.add(status);
    attachments.set(op, set);
  };
  for (const use of uses) add(use.operation, use.status);
  const places = output.wrapped.map((p) => p.split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~')));
  if (places.length > 0) {
    for (const op of operations) {
      const responses = mappingAt(ctx.spec.data, ['paths', op.path, op.method, 'responses']) ?? {};
      for (const [key, value] of Object.entries(responses)) {
        if (!/^2\d\d$/.test(key)) continue;
        const followed = ctx.spec.follow(value, ['paths', op.path, op.method, 'responses', key]);
        const joined = places.some((place) => place.length > followed.path.length && followed.path.every((k, i) => place[i] === k));
        if (joined) add(op, Number(key));
      }
    }
  }
  return attachments;
}

