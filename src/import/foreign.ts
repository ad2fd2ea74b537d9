import { STATUS_CODES } from 'node:http';
import { isMapping } from '../merge/spec-data.js';
import type { SpecOperation } from '../merge/operations.js';
import { toStyle, words } from '../model/naming.js';
import { defineOwn } from '../model/own.js';
import type { RawEntry, RawEnvelope, RawField, RawFieldShape, RawLevel, RawStatus } from '../normalize/raw.js';
import type { ImportContext } from './context.js';
import { PROBLEM_MEMBERS, type BodyShape } from './envelope.js';
import { HeaderDeclarations } from './headers.js';
import type { Attachment, ImportedEntry, ImportModel } from './model.js';
import type { ErrorResponse, ResponseUse } from './responses.js';
import { fixedValue, objectView, schemaAt, typesOf, unionMembers, type PropertyAt } from './schema.js';
import type { SpecPath } from './spec.js';
import { CODE_NAMES } from './names.js';
import { BUDGET, ShapeReader, shapeSize } from './shapes.js';
import { chooseMessage, examplesOf, findCodeField, isCode, type Code, type Unit } from './foreign-codes.js';

/** What import reads from a spec errcat did not write: envelope, code field and codes, fields, headers, operations, all inferred. */
export function readForeign(ctx: ImportContext, included: readonly { response: ErrorResponse; shape: BodyShape }[], uses: readonly ResponseUse[], chosen: { kind: BodyShape['kind']; key?: string; contentType: string }, prefix: string): ImportModel {
  let envelope = chosen;
  const shapes = new ShapeReader(ctx);
  const units: Unit[] = [];
  const discriminators = new Set<string>();
  for (const { response, shape } of included) {
    const union = unionMembers(ctx, shape.inner);
    const discriminator = shape.inner.schema['discriminator'];
    if (isMapping(discriminator) && typeof discriminator['propertyName'] === 'string') discriminators.add(discriminator['propertyName']);
    for (const at of union ? union.members : [shape.inner]) units.push({ at, view: objectView(ctx, at), response });
  }
  const firstBody = included[0]?.response.body?.path ?? [];
  ctx.from(['envelope'], firstBody);

  // The code: a property each per-code schema fixes (`const`, a one-value `enum`, a discriminator), else an `enum` of codes, else codes in examples.
  const codeField = findCodeField(ctx, units, discriminators, included);
  const codesOf = (unit: Unit): Code[] => {
    if (!codeField) return [];
    const property = unit.view.properties.get(codeField.name);
    const at = property && schemaAt(ctx, property.value, property.path);
    if (!at) return [];
    const fixed = fixedValue(at.schema);
    if (isCode(fixed)) return [fixed];
    const values = Array.isArray(at.schema['enum']) ? (at.schema['enum'] as unknown[]).filter(isCode) : [];
    return values.length > 0 ? values : (codeField.fromExamples.get(unit.response) ?? []);
  };
  const coded = codeField !== undefined && units.some((u) => codesOf(u).length > 0);
  // The message: beside the code field; without codes, chosen first (a `reason` may be the message).
  const message = chooseMessage(ctx, units, envelope.kind === 'problem', coded ? codeField?.name : undefined);
  // Without codes, a wrapper still needs a level: a code-like property the objects have (else `code`), optional.
  const levelField = coded ? (codeField?.name as string) : (CODE_NAMES.find((n) => n !== message?.name && units.some((u) => u.view.properties.has(n))) ?? 'code');
  const levelName = levelNameOf(levelField);

  // Entries: one per code, or (no codes) one per status.
  const entries = new Map<string, { key: Code; statuses: Set<number>; units: Unit[] }>();
  const statusOnly = new Set<number>();
  for (const unit of units) {
    const codes = codesOf(unit);
    const keys: Code[] = coded ? codes : [unit.response.status];
    if (coded && codes.length === 0) statusOnly.add(unit.response.status);
    for (const key of keys) {
      const id = `${typeof key}:${key}`;
      const slot = entries.get(id) ?? { key, statuses: new Set<number>(), units: [] };
      slot.statuses.add(unit.response.status);
      if (!slot.units.includes(unit)) slot.units.push(unit);
      entries.set(id, slot);
    }
  }
  const integerCodes = coded && [...entries.values()].every((e) => typeof e.key === 'number');

  // The message and the fields.
  const wrapper = envelope.kind !== 'flat' && envelope.kind !== 'problem';
  const hasLevel = coded || wrapper;
  const reserved = new Set([message?.name, hasLevel ? levelField : undefined].filter((n) => n !== undefined));
  const fieldNames = (unit: Unit) => [...unit.view.properties.keys()].filter((n) => !reserved.has(n));
  const shared = new Map<string, RawField>();
  const everywhere = [...new Set(units.flatMap(fieldNames))].filter((name) => units.every((u) => u.view.properties.has(name)));
  // A property's shape: one declaration, or a union of the different ones responses give it.
  const fieldOf = (name: string, from: readonly Unit[], path: readonly (string | number)[]): RawField => {
    const having = from.filter((u) => u.view.properties.has(name));
    const variants: { shape: RawFieldShape; key: string; value: unknown; path: SpecPath }[] = [];
    for (const unit of having) {
      const p = unit.view.properties.get(name) as PropertyAt;
      if (variants.some((v) => v.value === p.value)) continue;
      const shape = shapes.shape(p.value, p.path);
      const key = JSON.stringify(withoutText(shape));
      if (!variants.some((v) => v.key === key)) variants.push({ shape, key, value: p.value, path: p.path });
    }
    const [first, ...others] = variants;
    if (!first) return { type: 'any' };
    let field: RawField = first.shape;
    if (others.length > 0) {
      const union: RawFieldShape = { oneOf: variants.map((v) => v.shape) as [RawFieldShape, RawFieldShape, ...RawFieldShape[]] };
      // Too many ways to say in one field: its type, when they share one.
      const types = [...new Set(variants.map((v) => v.shape.type))];
      const type = types.length === 1 && types[0] !== undefined ? types[0] : 'any';
      const fits = shapeSize(union) <= BUDGET;
      ctx.report('import-field-merged', `\`${name}\` is declared ${variants.length} different ways by different error responses; ${fits ? 'the catalog accepts any of them (a union)' : `the catalog keeps what they share: ${type}`}.`, others[0]?.path ?? first.path);
      field = fits ? union : { type };
    }
    if (having.length === from.length && having.every((u) => u.view.properties.get(name)?.required)) field = { ...field, required: true };
    ctx.from(path, first.path);
    return field;
  };
  for (const name of everywhere) shared.set(name, fieldOf(name, units, ['fields', name]));
  const genericUnits = units.filter((u) => coded && codesOf(u).length === 0);
  for (const name of [...new Set(genericUnits.flatMap(fieldNames))]) {
    if (shared.has(name)) continue;
    const field = fieldOf(name, units, ['fields', name]);
    delete field.required;
    shared.set(name, field);
    ctx.comment(['fields', name], 'Only some error responses carry it: optional on every error.');
  }

  const headers = new HeaderDeclarations(ctx);
  const headersAt = new Map<number, string[]>();
  const allHeaders: string[][] = [];
  for (const { response } of included) {
    const names = headers.declare(response);
    allHeaders.push(names);
    headersAt.set(response.status, [...new Set([...(headersAt.get(response.status) ?? []), ...names])]);
  }
  const everyError = Object.keys(headers.headers()).filter((h) => allHeaders.every((names) => names.includes(h)));
  const headerDeclarations = headers.headers();
  for (const name of everyError) defineOwn(headerDeclarations, name, { ...headerDeclarations[name], everyError: true });

  // Statuses: their headers beyond every error's, a status with no code of its own, a Retry-After read as a retry hint.
  const statuses: Record<string, RawStatus> = {};
  const retryHeader = Object.keys(headerDeclarations).find((h) => h.toLowerCase() === 'retry-after');
  const allStatuses = [...new Set(included.map((i) => i.response.status))].sort((a, b) => a - b);
  for (const status of allStatuses) {
    const facts: RawStatus = {};
    const own = (headersAt.get(status) ?? []).filter((h) => !everyError.includes(h));
    if (own.length > 0) facts.headers = own;
    if (retryHeader !== undefined && (headersAt.get(status) ?? []).includes(retryHeader)) {
      facts.retry = { strategy: 'retry-after', header: retryHeader };
      ctx.comment(['statuses', String(status), 'retry'], `Guessed from the ${retryHeader} header: honour it before retrying.`);
      ctx.report('import-guess', `${status} responses send ${retryHeader}: the catalog retries them after the delay it gives.`, included.find((i) => i.response.status === status)?.response.path ?? []);
    }
    const onlyStatus = statusOnly.has(status) && ![...entries.values()].some((e) => e.statuses.has(status));
    if (onlyStatus) {
      const description = mostCommon(included.filter((i) => i.response.status === status).map((i) => i.response.description).filter((d): d is string => d !== undefined && d !== ''));
      if (description !== undefined) facts.description = description;
    }
    if (Object.keys(facts).length > 0 || onlyStatus) {
      statuses[String(status)] = facts;
      ctx.from(['statuses', String(status)], included.find((i) => i.response.status === status)?.response.path ?? []);
    }
  }

  // Entries in the order the spec first shows them.
  const names = new Set<string>();
  const imported: ImportedEntry[] = [];
  // Codes in the order the spec first shows them; statuses' entries by status.
  const slots = coded ? [...entries.values()] : [...entries.values()].sort((a, b) => Math.min(...a.statuses) - Math.min(...b.statuses));
  for (const slot of slots) {
    const statusList = [...slot.statuses].sort((a, b) => a - b);
    const first = slot.units[0] as Unit;
    const key = coded ? slot.key : uniqueName(entryName(slot.units, statusList[0] as number), names);
    names.add(String(key));
    const raw: RawEntry = { status: statusList.length === 1 ? (statusList[0] as number) : (statusList as [number, ...number[]]) };
    if (!coded && envelope.kind !== 'flat' && envelope.kind !== 'problem') raw.codeless = true;
    raw.title = entryTitle(slot.units, key, coded, (r) => units.filter((u) => u.response === r).flatMap(codesOf));
    if (coded && raw.title === humanized(key)) ctx.comment(['errors'], 'Titles the spec does not give are made from the codes: write better ones.');
    const own: Record<string, RawField> = {};
    for (const name of [...new Set(slot.units.flatMap(fieldNames))]) if (!shared.has(name)) defineOwn(own, name, fieldOf(name, slot.units, ['errors', String(key), 'fields', name]));
    if (Object.keys(own).length > 0) raw.fields = own;
    ctx.from(['errors', String(key)], first.at.path);
    imported.push({ key: integerCodes ? Number(slot.key) : key, raw, examples: examplesOf(slot.units, envelope, codeField?.name, coded ? slot.key : undefined), path: first.at.path });
  }

  // Problem details served as plain JSON look flat; members every error object has tell (as errcat's own output is read back).
  const everyObject = new Set([...everywhere, ...(message ? [message.name] : []), ...(hasLevel ? [levelField] : [])]);
  if (envelope.kind === 'flat' && PROBLEM_MEMBERS.filter((m) => everyObject.has(m)).length >= 3) envelope = { ...envelope, kind: 'problem' };
  const env: RawEnvelope = { kind: coded ? envelope.kind : envelope.kind === 'flat' || envelope.kind === 'problem' ? 'codeless' : envelope.kind };
  if (envelope.key !== undefined && (env.kind === 'wrapped' || env.kind === 'list')) env.key = envelope.key;
  const defaultType = envelope.kind === 'problem' ? 'application/problem+json' : 'application/json';
  envelope = { ...envelope, contentType: mediaType(envelope.contentType) };
  if (envelope.contentType !== defaultType || (env.kind === 'codeless' && envelope.kind === 'problem')) env.contentType = envelope.contentType;
  if (env.kind !== 'codeless') {
    const level: RawLevel = { name: levelName, field: levelField };
    const levelTypes = units.map((u) => u.view.properties.get(levelField)).map((p) => (p ? schemaAt(ctx, p.value, p.path) : undefined)).map((at) => (at ? typesOf(at.schema).types : []));
    if (integerCodes || (!coded && levelTypes.some((t) => t.includes('integer')))) level.type = 'integer';
    const optional = !coded || !units.every((u) => u.view.properties.get(levelField)?.required);
    if (optional) level.optional = true;
    const description = units.map((u) => u.view.properties.get(levelField)).map((p) => (p && isMapping(p.value) ? p.value['description'] : undefined)).find((d) => typeof d === 'string');
    if (typeof description === 'string') level.description = description;
    env.levels = [level];
    ctx.comment(['envelope', 'levels'], coded && codeField ? `Guessed: \`${codeField.name}\` is ${codeField.why}.` : `Guessed: no code is documented; \`${levelField}\` holds one where bodies send it, and errors are told apart by status.`);
  }
  if (message) env.message = { field: message.name, ...(message.required ? {} : { required: false }) };
  else env.message = false;
  if (units.every((u) => u.view.closed)) env.additionalProperties = false;

  const attachments = new Map<SpecOperation, Set<Attachment>>();
  const kept = new Set(included.map((i) => i.response));
  for (const use of uses) {
    if (!kept.has(use.response)) continue;
    const set = attachments.get(use.operation) ?? new Set<Attachment>();
    set.add(use.status);
    attachments.set(use.operation, set);
  }
  if (coded) reportPerOperationCodes(ctx, uses, kept, (r) => units.filter((u) => u.response === r).flatMap(codesOf));

  const types: Record<string, RawFieldShape> = {};
  for (const { name, shape } of shapes.types.values()) defineOwn(types, name, shape);
  return {
    info: { title: '', version: '' },
    naming: { componentPrefix: prefix },
    envelope: env,
    types,
    fields: Object.fromEntries(shared),
    headers: headerDeclarations,
    retry: {},
    statuses,
    entries: imported,
    attachments,
  };
}

/** A media type as the catalog takes it: no parameters (`;charset=utf-8`), else JSON. */
function mediaType(type: string): string {
  const bare = type.split(';')[0]?.trim().toLowerCase() ?? '';
  return /^[a-z]+\/[A-Za-z0-9.+-]+$/.test(bare) ? bare : 'application/json';
}

const withoutText = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'description' || k === 'example' ? undefined : v)));

/** A level name from a property name: letters, digits and underscores. */
function levelNameOf(property: string): string {
  const name = property.replace(/[^A-Za-z0-9_]/g, '_').replace(/^[^A-Za-z_]+/, '');
  return name === '' ? 'code' : name;
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function uniqueName(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  return name;
}

/** A codeless entry's key: the response component's name when one component answers the status, else the status's reason phrase. */
function entryName(units: readonly Unit[], status: number): string {
  const components = [...new Set(units.map((u) => u.response.component).filter((c) => c !== undefined))];
  const one = components.length === 1 && units.every((u) => u.response.component !== undefined) ? components[0] : undefined;
  const name = [one, STATUS_CODES[status]].map((n) => (n === undefined ? '' : toStyle(n, 'snake_case'))).find((n) => /^[a-z]/.test(n));
  return name ?? `status_${status}`;
}

/**
 * A title: the per-code schema's title or description, else the description of a response that
 * documents this code alone (or, without codes, the status's), else the code in words.
 */
function entryTitle(units: readonly Unit[], key: Code, coded: boolean, codesOf: (response: ErrorResponse) => Code[]): string {
  for (const unit of units) {
    for (const text of coded ? [unit.at.schema['title'], unit.at.schema['description']] : []) if (typeof text === 'string' && text.trim() !== '') return oneLine(text);
  }
  const alone = units.find((u) => new Set(codesOf(u.response)).size === 1 && u.response.description !== undefined && u.response.description.trim() !== '');
  if (coded && alone) return oneLine(alone.response.description as string);
  if (!coded) {
    const description = mostCommon(units.map((u) => u.response.description).filter((d): d is string => d !== undefined && d.trim() !== ''));
    if (description !== undefined) return oneLine(description);
    return STATUS_CODES[units[0]?.response.status ?? 500] ?? String(key);
  }
  return humanized(key);
}

/** A code in words: `invalid_sku` → `Invalid sku`. */
function humanized(key: Code): string {
  const text = words(String(key)).join(' ');
  return text === '' ? String(key) : text.charAt(0).toUpperCase() + text.slice(1);
}

const oneLine = (text: string) => text.trim().split(/\r?\n/)[0]?.trim() ?? text;

/** Operations that answer one status with different codes each now document all of the status's codes: said once per status. */
function reportPerOperationCodes(ctx: ImportContext, uses: readonly ResponseUse[], kept: ReadonlySet<ErrorResponse>, codes: (r: ErrorResponse) => Code[]): void {
  const byStatus = new Map<number, { response: ErrorResponse; codes: string }>();
  for (const use of uses) {
    if (!kept.has(use.response)) continue;
    const these = JSON.stringify([...new Set(codes(use.response))].sort());
    const first = byStatus.get(use.status);
    if (!first) byStatus.set(use.status, { response: use.response, codes: these });
    else if (first.codes !== these) {
      ctx.report('import-operation-codes', `Operations answer ${use.status} with different codes; in the catalog a status's response documents all its codes, so each of them now documents every ${use.status} code.`, use.response.path);
    }
  }
}

