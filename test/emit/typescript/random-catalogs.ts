import fc from 'fast-check';
import { defineOwn } from '../../../src/model/own.js';
import { HOSTILE } from './arbitraries.js';

/**
 * Random catalogs in the language-2 constructs, as raw JSON for the loader: levels at every
 * kind of location (plain and nested paths, array items, chains, headers, patterns), parents,
 * echo headers, codeless entries with conditions, item codes, unions (discriminated, and
 * overlapping), typed maps, recursion, `any`, and hostile codes, titles and property names.
 */

type Raw = Record<string, unknown>;
type LevelKind = 'plain' | 'nested' | 'items' | 'header' | 'chain' | 'pattern';

const STATUSES = [400, 404, 409, 422, 429, 500, 503];
const INTEGERS = [1, 2, 42, 1001, -7, 5000];


const TYPES: Raw = {
  Node: { type: 'object', properties: { code: { type: 'string', codes: ['n1', 'n*/2'], extensible: false }, children: { type: 'array', items: { ref: 'Node' } } } },
  Info: { type: 'object', properties: { '@type': { type: 'string', enum: ['info'], required: true }, reason: { type: 'string', required: true, codes: { R1: 'One.', 'R*/2': 'Two */.' } } } },
  Delay: { type: 'object', properties: { '@type': { type: 'string', enum: ['delay'], required: true }, after: { type: 'string' } } },
  Chain: { type: 'object', properties: { code: { type: 'string' }, inner: { ref: 'Chain' } } },
};

/** Shared fields to pick from: every shape the guards and types must handle. */
const FIELDS: Record<string, Raw> = {
  note: { type: 'string', minLength: 1, maxLength: 5 },
  count: { type: 'integer', minimum: 0, maximum: 10, nullable: true },
  ratio: { type: 'number' },
  flag: { type: 'boolean' },
  tags: { type: 'array', items: { type: 'string', enum: HOSTILE.slice(0, 4) }, minItems: 1, maxItems: 3 },
  target: { oneOf: [{ type: 'string' }, { type: 'object', properties: { id: { type: 'integer', required: true } } }] },
  overlap: { oneOf: [{ type: 'integer' }, { type: 'number' }], example: 0.5 },
  labels: { type: 'object', additionalProperties: { type: 'string' } },
  closed: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
  // ajv ignores a property declared as `__proto__` (ajv/dist/vocabularies/code.js), so the judge could not judge one: `constructor` stands in.
  mixed: { type: 'object', properties: { constructor: { type: 'string' }, 'a*/b': { type: 'integer', required: true } }, additionalProperties: { type: 'boolean' } },
  raw: { type: 'any' },
  details: { type: 'array', items: { oneOf: [{ ref: 'Info' }, { ref: 'Delay' }], discriminator: '@type' } },
  node: { ref: 'Node', nullable: true },
  errors: { type: 'array', items: { type: 'object', properties: { code: { type: 'string', required: true, codes: ['missing', 'in"valid'], extensible: true }, at: { type: 'string' } } } },
  pat: { type: 'string', pattern: '^[a-z]+$', example: 'abc' },
  'we"ird*/': { type: 'string', description: 'A field */ named badly' },
};

const levelArb = fc.record({ kind: fc.constantFrom<LevelKind>('plain', 'plain', 'nested', 'items', 'header', 'chain', 'pattern'), integer: fc.boolean(), optional: fc.boolean(), echo: fc.boolean() });
const entryArb = fc.record({
  value: fc.nat(),
  parent: fc.option(fc.nat()),
  statuses: fc.uniqueArray(fc.constantFrom(...STATUSES), { minLength: 1, maxLength: 2 }),
  when: fc.constantFrom(undefined, undefined, undefined, { header: 'X-Cond', equals: '1' }, [{ field: 'note', equals: 'x' }]),
  title: fc.option(fc.constantFrom(...HOSTILE)),
  extra: fc.boolean(),
});

export const rawCatalogs: fc.Arbitrary<Raw> = fc
  .record({
    kind: fc.constantFrom('flat', 'wrapped', 'list', 'array', 'problem', 'codeless'),
    levels: fc.array(levelArb, { minLength: 1, maxLength: 3 }),
    values: fc.uniqueArray(fc.oneof(fc.constantFrom(...HOSTILE), fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/)), { minLength: 8, maxLength: 12 }),
    entries: fc.array(entryArb, { minLength: 1, maxLength: 7 }),
    codeless: fc.array(fc.record({ status: fc.constantFrom(...STATUSES), conditional: fc.boolean() }), { maxLength: 3 }),
    fields: fc.subarray(Object.keys(FIELDS)),
    required: fc.subarray(Object.keys(FIELDS)),
    message: fc.constantFrom<false | boolean>(false, true, true),
    errorWhen: fc.boolean(),
    closed: fc.boolean(),
  })
  .map((c) => {
    const codeless = c.kind === 'codeless';
    const levels = codeless ? [] : c.levels;
    const fields: Raw = {};
    for (const name of c.fields) defineOwn(fields, name, { ...FIELDS[name], ...(c.required.includes(name) ? { required: true } : {}) });
    const headers: Raw = { 'X-Cond': { description: 'A condition */ header' } };
    const levelDefs = levels.map((level, i) => {
      const name = `l${i}`;
      const type = level.integer && level.kind !== 'pattern' && level.kind !== 'header' ? 'integer' : 'string';
      const base = { name, type, optional: level.optional || i > 0 };
      if (level.echo && (level.kind === 'plain' || level.kind === 'nested')) headers[`X-Echo-${i}`] = { echo: name };
      switch (level.kind) {
        case 'plain':
          return { ...base, field: `c${i}` };
        case 'nested':
          return { ...base, field: `meta.c${i}` };
        case 'items':
          fields['items'] = { type: 'array', items: { type: 'object', properties: { kind: { type: 'string', required: true }, code: { type: type === 'integer' ? 'integer' : 'string' } } } };
          return { ...base, in: 'items', where: { kind: `K${i}` }, field: 'code' };
        case 'header':
          headers[`X-L${i}`] = {};
          return { ...base, header: `X-L${i}` };
        case 'chain':
          fields['inner'] = { ref: 'Chain' };
          return { ...base, type: 'string', chain: 'inner', field: 'code' };
        case 'pattern':
          return { ...base, field: `p${i}`, pattern: '^x-(.+)$' };
      }
    });
    const errors: Raw = {};
    const placed: { key: string; level: number }[] = [];
    c.entries.forEach((e, n) => {
      const level = levels.length === 0 ? -1 : n % levels.length;
      if (level < 0) return;
      const def = levelDefs[level] as { name: string; type: string };
      const value = def.type === 'integer' ? (INTEGERS[(e.value + n) % INTEGERS.length] as number) : (c.values[(e.value + n) % c.values.length] as string);
      const key = placed.some((p) => p.key === String(value)) || (def.type === 'integer' && typeof value !== 'number') ? `${String(value)}#${n}` : String(value);
      const coarser = placed.filter((p) => p.level < level);
      const parent = e.parent !== null && coarser.length > 0 ? coarser[e.parent % coarser.length] : undefined;
      const entry: Raw = { level: def.name, value, name: `E${n}`, status: e.statuses.length === 1 ? e.statuses[0] : e.statuses, title: e.title ?? `Entry ${n}` };
      if (parent) entry['parent'] = parent.key;
      if (e.when !== undefined) entry['when'] = e.when;
      if (e.extra) entry['fields'] = { extra: { type: 'integer', minimum: 0, required: true } };
      if (e.when === undefined && Object.values(errors).some((x) => JSON.stringify([(x as Raw)['level'], (x as Raw)['value'], (x as Raw)['parent']]) === JSON.stringify([def.name, value, parent?.key]))) return;
      defineOwn(errors, key, entry);
      placed.push({ key, level });
    });
    const taken = new Set<number>();
    c.codeless.forEach((x, n) => {
      if (!x.conditional && taken.has(x.status)) return;
      if (!x.conditional) taken.add(x.status);
      errors[`codeless ${n} */`] = { ...(codeless ? {} : { codeless: true }), name: `Codeless${n}`, status: x.status, title: `Codeless ${n}`, ...(x.conditional ? { when: { header: 'X-Cond', equals: '1' } } : {}) };
    });
    if (Object.keys(errors).length === 0) errors['fallback'] = { ...(codeless ? {} : { level: 'l0' }), name: 'Fallback', status: 400, title: 'Fallback' };
    const statuses = Object.values(errors).flatMap((x) => {
      const s = (x as Raw)['status'];
      return Array.isArray(s) ? s : [s];
    });
    const envelope: Raw = { kind: c.kind, additionalProperties: !c.closed };
    if (levels.length > 0) envelope['levels'] = levelDefs;
    if (!codeless) envelope['defaultLevel'] = 'l0';
    envelope['message'] = c.message === false ? false : { field: 'message', required: c.message };
    if (c.errorWhen && c.kind !== 'problem') {
      envelope['errorWhen'] = { field: 'ok', equals: false };
      // An error under 2xx, for the marker to matter.
      (errors[Object.keys(errors)[0] as string] as Raw)['status'] = [...new Set([200, ...statuses.slice(0, 1)])];
    }
    return { errcat: 2, info: { title: 'Random */ catalog', version: '1' }, envelope, types: TYPES, fields, headers, errors };
  });
