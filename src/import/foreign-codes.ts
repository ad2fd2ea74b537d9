import { isMapping } from '../merge/spec-data.js';
import type { ImportContext } from './context.js';
import type { BodyShape } from './envelope.js';
import type { ExampleCandidate } from './model.js';
import { CODE_NAMES, MESSAGE_NAMES } from './names.js';
import type { ErrorResponse } from './responses.js';
import { fixedValue, schemaAt, typesOf, type ObjectView, type SchemaAt } from './schema.js';

/** How import reads a foreign spec's code field, its message and its examples. */

/** One error object a response documents: the response's schema, or one member of its union. */
export interface Unit {
  at: SchemaAt;
  view: ObjectView;
  response: ErrorResponse;
}

export type Code = string | number;
export const isCode = (v: unknown): v is Code => (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isSafeInteger(v));

/** The code field: discriminator, then fixed values per schema, then an `enum` of codes, then examples. */
export function findCodeField(ctx: ImportContext, units: readonly Unit[], discriminators: ReadonlySet<string>, included: readonly { response: ErrorResponse; shape: BodyShape }[]): { name: string; fromExamples: Map<ErrorResponse, Code[]>; why: string } | undefined {
  const none = new Map<ErrorResponse, Code[]>();
  const usable = (name: string) => !name.includes('.') && units.some((u) => u.view.properties.has(name));
  for (const name of discriminators) {
    if (usable(name)) {
      ctx.report('import-guess', `The error union's discriminator \`${name}\` is read as the code field.`, units[0]?.at.path ?? []);
      return { name, fromExamples: none, why: `the code: the discriminator of the error union` };
    }
  }
  // Fixed values: count, per property, the schemas that fix it to a code (a number equal to the status is an echo, not a code).
  const fixed = new Map<string, { count: number; values: Set<string> }>();
  for (const unit of units) {
    for (const [name, property] of unit.view.properties) {
      const at = schemaAt(ctx, property.value, property.path);
      const value = at ? fixedValue(at.schema) : undefined;
      if (!isCode(value) || name.includes('.') || value === unit.response.status) continue;
      const slot = fixed.get(name) ?? { count: 0, values: new Set() };
      slot.count++;
      slot.values.add(String(value));
      fixed.set(name, slot);
    }
  }
  const rank = (name: string) => (CODE_NAMES.includes(name) ? CODE_NAMES.indexOf(name) : CODE_NAMES.length);
  // Codes count where most error objects that have the property say them: one odd schema does not make the envelope.
  const having = (name: string) => units.filter((u) => u.view.properties.has(name)).length;
  const byFixed = [...fixed.entries()].filter(([name, s]) => (s.values.size > 1 || units.length === 1) && s.count * 2 >= having(name)).sort((a, b) => b[1].count - a[1].count || rank(a[0]) - rank(b[0]))[0];
  if (byFixed) {
    ctx.report('import-guess', `\`${byFixed[0]}\` is read as the code field: each error schema fixes it to one value.`, units[0]?.at.path ?? []);
    return { name: byFixed[0], fromExamples: none, why: 'the code: each error schema fixes it to one value' };
  }
  // An enum of codes counts on a property most error objects have, and most of those list codes on.
  const common = (name: string) => having(name) * 2 >= units.length;
  for (const name of CODE_NAMES.filter(common)) {
    const listing = units.filter((u) => {
      const p = u.view.properties.get(name);
      const at = p && schemaAt(ctx, p.value, p.path);
      const values = at && Array.isArray(at.schema['enum']) ? (at.schema['enum'] as unknown[]).filter(isCode) : [];
      return values.length > 0 && (name !== 'status' || values.every((v) => typeof v === 'string'));
    });
    const unit = listing[0];
    if (unit && listing.length * 2 >= having(name)) {
      ctx.report('import-guess', `\`${name}\` is read as the code field: its \`enum\` lists the codes.`, unit.view.properties.get(name)?.path ?? unit.at.path);
      return { name, fromExamples: none, why: 'the code: its `enum` lists the codes' };
    }
  }
  // Examples: a code-like property whose values the examples show.
  for (const name of CODE_NAMES.filter(common)) {
    const found = new Map<ErrorResponse, Code[]>();
    let showing = 0;
    for (const { response, shape } of included) {
      if (response.examples.some((e) => errorObjects(e.value, shape).some((o) => o[name] !== undefined))) showing++;
      // A value that is the response's status (`"status": "404"`) echoes it: not a code.
      const values = response.examples
        .flatMap((e) => errorObjects(e.value, shape))
        .map((o) => o[name])
        .filter(isCode)
        .filter((v) => String(v) !== String(response.status));
      if (values.length > 0 && (name !== 'status' || values.every((v) => typeof v === 'string' && !/^\d+$/.test(v)))) found.set(response, [...new Set(values)]);
    }
    // Most of the responses whose examples show the property show codes in it.
    if (found.size > 0 && found.size * 2 >= showing) {
      const first = [...found.keys()][0] as ErrorResponse;
      ctx.report('import-codes-from-examples', `The schemas list no codes; \`${name}\` is read as the code field and its values in the examples as the codes. Add an \`enum\` to the schema to say them all.`, first.examples[0]?.path ?? first.path);
      return { name, fromExamples: found, why: 'the code, from the examples: the schemas list no codes, so more may exist' };
    }
  }
  return undefined;
}

/** The error objects of an example body, as the envelope holds them. */
export function errorObjects(body: unknown, shape: { kind: string; key?: string }): Record<string, unknown>[] {
  const inner = shape.key !== undefined && isMapping(body) ? body[shape.key] : body;
  const list = shape.kind === 'list' || shape.kind === 'array' ? (Array.isArray(inner) ? inner : []) : [inner];
  return list.filter(isMapping);
}

/** The message: a string property with a message-like name, the one most error objects have. */
export function chooseMessage(ctx: ImportContext, units: readonly Unit[], problem: boolean, codeField: string | undefined): { name: string; required: boolean } | undefined {
  const names = problem ? ['detail', ...MESSAGE_NAMES.filter((n) => n !== 'detail')] : MESSAGE_NAMES;
  let best: { name: string; count: number } | undefined;
  for (const name of names) {
    if (name === codeField) continue;
    const count = units.filter((u) => {
      const p = u.view.properties.get(name);
      const at = p && schemaAt(ctx, p.value, p.path);
      return at !== undefined && typesOf(at.schema).types.every((t) => t === 'string') && (typesOf(at.schema).types.length > 0 || !isMapping(at.schema['properties']));
    }).length;
    if (count > 0 && (!best || count > best.count)) best = { name, count };
  }
  if (!best) return undefined;
  const name = best.name;
  return { name, required: units.every((u) => u.view.properties.get(name)?.required === true) };
}

/** The examples a code (or a status) shows: bodies whose code is this one, at the status they come with. */
export function examplesOf(units: readonly Unit[], envelope: { kind: string; key?: string }, codeField: string | undefined, code: Code | undefined): ExampleCandidate[] {
  const candidates: ExampleCandidate[] = [];
  const seen = new Set<ErrorResponse>();
  for (const unit of units) {
    if (seen.has(unit.response)) continue;
    seen.add(unit.response);
    for (const example of unit.response.examples) {
      const [object] = errorObjects(example.value, envelope);
      if (!object) continue;
      if (code !== undefined && codeField !== undefined && object[codeField] !== code) continue;
      const candidate: ExampleCandidate = { status: unit.response.status, body: example.value, path: example.path };
      if (example.name !== undefined) candidate.name = example.name;
      if (example.summary !== undefined) candidate.summary = example.summary;
      candidates.push(candidate);
    }
  }
  return candidates;
}

