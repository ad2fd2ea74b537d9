import { STATUS_CODES } from 'node:http';
import type { SpecOperation } from '../merge/operations.js';
import { isMapping, mappingAt, type SpecMapping } from '../merge/spec-data.js';
import { entryTypeNames, headerComponentName, withPrefix } from '../model/names.js';
import { pascalName } from '../model/naming.js';
import { defineOwn } from '../model/own.js';
import type { RawConditions, RawEntry, RawEnvelope, RawField, RawFieldShape, RawHeader, RawLevel, RawRetryPolicy, RawStatus, RawStatusFacts } from '../normalize/raw.js';
import type { ImportContext } from './context.js';
import { PROBLEM_MEMBERS, type BodyShape } from './envelope.js';
import { perStatus, rawConditions, rawRetry, type ErrcatOutput } from './errcat.js';
import { readHeader } from './headers.js';
import { codeUnit, type Attachment, type ExampleCandidate, type ImportedEntry, type ImportModel } from './model.js';
import type { ErrorResponse, ResponseUse } from './responses.js';
import { fixedValue, objectView, schemaAt, type SchemaAt } from './schema.js';
import { MESSAGE_NAMES } from './names.js';
import { ShapeReader } from './shapes.js';
import { commonSuffix, parentOf, readLevels, singleLevelValue, type Code, type OwnEntry } from './errcat-levels.js';
import { entryValues, stripPins, valueKind } from './errcat-values.js';
import { declareReferencedHeaders, policyFor, retryDefaults } from './errcat-retry.js';

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
  const marker = firstFixed ? fixedValue(firstFixed.schema) : undefined;
  const errorWhen = firstName !== undefined && firstProperty?.required && marker !== undefined ? { field: firstName, equals: marker } : undefined;

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
  // A status's facts are on its whole response; the subsets of its codes that some operations answer with repeat them.
  for (const { response } of included) if (response.component === undefined || !output.subsets.has(response.component)) responseByStatus.set(response.status, response);
  for (const [status, response] of [...responseByStatus].sort((a, b) => a[0] - b[0])) {
    const names: string[] = [];
    for (const { name, value, path } of response.headers) {
      const followed = ctx.spec.follow(value, path);
      if (!isMapping(followed.value)) continue;
      // The declaration is the header's component; a response writes it inline where it says more
      // (not always sent there, its codes), and Swagger 2.0 has no header components.
      const component = mappingAt(ctx.spec.data, ['components', 'headers', withPrefix(output.prefix, headerComponentName(name))]);
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
  const entryNames = new Map(entries.map((e) => [e, entryName(e, output.prefix, typeSuffix)]));
  const examples = examplesByEntry(output, included, (schema) => entryNames.get(entries.find((e) => e.schemaName === schema) as OwnEntry) ?? schema);
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
    const name = entryNames.get(e) as string;
    if (name !== pascalName(e.code)) raw.name = name;
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

/**
 * The name an entry's schema was made from (its `entryTypeNames` component): the
 * code's own name when that gives the schema's, else the schema's name without the prefix and,
 * where the name then still reads the same, the suffix.
 */
function entryName(e: OwnEntry, prefix: string, suffix: string): string {
  const made = (name: string) => entryTypeNames({ componentPrefix: prefix, typeSuffix: suffix }, name).component;
  if (made(pascalName(e.code)) === e.schemaName) return pascalName(e.code);
  const rest = e.schemaName.startsWith(prefix) && made(e.schemaName.slice(prefix.length)) === e.schemaName ? e.schemaName.slice(prefix.length) : e.schemaName;
  const stripped = rest.endsWith(suffix) ? rest.slice(0, rest.length - suffix.length) : '';
  return stripped !== '' && /^[A-Za-z]/.test(stripped) && made(stripped) === e.schemaName ? stripped : rest;
}

/** Each entry's examples: the example components its status responses list (`<prefix><Name>.<example>`), by entry schema name. */
function examplesByEntry(output: ErrcatOutput, included: readonly { response: ErrorResponse }[], nameOf: (schema: string) => string): Map<string, ExampleCandidate[]> {
  const byName = new Map<string, ExampleCandidate[]>();
  // Longest keys first: `SandboxNotFound.` must not take `SandboxNotFoundYet.`'s examples.
  const keys = output.entries.map((e) => ({ schema: e.name, key: `${withPrefix(output.prefix, nameOf(e.name))}.` })).sort((a, b) => b.key.length - a.key.length);
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

/**
 * What each operation answers with errcat's responses (a status, or the codes of a subset
 * response), and errors joined to its success bodies.
 */
function attachmentsOf(ctx: ImportContext, output: ErrcatOutput, uses: readonly ResponseUse[], operations: readonly SpecOperation[]): Map<SpecOperation, Set<Attachment>> {
  const attachments = new Map<SpecOperation, Set<Attachment>>();
  const add = (op: SpecOperation, unit: Attachment) => {
    const set = attachments.get(op) ?? new Set<Attachment>();
    set.add(unit);
    attachments.set(op, set);
  };
  for (const use of uses) {
    const component = use.response.component;
    const codes = use.response.response['x-errcat-codes'];
    if (component !== undefined && output.subsets.has(component) && Array.isArray(codes)) {
      for (const code of codes) if (typeof code === 'string' || typeof code === 'number') add(use.operation, codeUnit(code));
    } else add(use.operation, use.status);
  }
  const places = output.wrapped.map((p) => p.split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~')));
  if (places.length > 0) {
    for (const op of operations) {
      const responses = mappingAt(ctx.spec.data, ['paths', op.path, op.method, 'responses']) ?? {};
      for (const [key, value] of Object.entries(responses)) {
        if (!/^2\d\d$/.test(key)) continue;
        const followed = ctx.spec.follow(value, ['paths', op.path, op.method, 'responses', key]);
        const place = places.find((place) => place.length > followed.path.length && followed.path.every((k, i) => place[i] === k));
        if (place) for (const unit of joinedUnits(ctx, output, place, Number(key))) add(op, unit);
      }
    }
  }
  return attachments;
}

/**
 * What a success schema joined to errors answers with: its status, or the codes of the subset
 * it joins (`oneOf: [success, {$ref: <a code's schema, or a union of some codes>}]`).
 */
function joinedUnits(ctx: ImportContext, output: ErrcatOutput, place: readonly string[], status: number): Attachment[] {
  const joined = mappingAt(ctx.spec.data, place);
  const members = joined && Array.isArray(joined['oneOf']) ? (joined['oneOf'] as unknown[]) : [];
  const codeOf = (value: unknown) => {
    const target = ctx.spec.follow(value, [...place, 'oneOf']).value;
    const code = isMapping(target) ? target['x-errcat-code'] : undefined;
    return typeof code === 'string' || typeof code === 'number' ? code : undefined;
  };
  for (const member of members.slice(1)) {
    const single = codeOf(member);
    if (single !== undefined) return [codeUnit(single)];
    const ref = isMapping(member) ? member['$ref'] : undefined;
    // A subset's union is `<prefix>Status200<Subset>Error`; the whole status's is `<prefix>Status200Error`.
    if (typeof ref !== 'string' || !/Status\d{3}\w+Error$/.test(ref)) continue;
    const union = ctx.spec.follow(member, [...place, 'oneOf']).value;
    const codes = isMapping(union) && Array.isArray(union['oneOf']) ? (union['oneOf'] as unknown[]).map(codeOf) : [];
    if (codes.length > 0 && codes.every((c) => c !== undefined)) return codes.map((c) => codeUnit(c as string | number));
  }
  return [status];
}

