import { describe, expect, it } from 'vitest';
import type { Catalog, Entry, EntryResponse, JsonValue } from '../../../src/model/catalog.js';
import { sampleValue } from '../../../src/model/examples.js';
import { fieldsOf } from '../../../src/model/values.js';
import { typeName } from '../../../src/model/names.js';
import { ALL_CATALOGS } from '../../helpers.js';
import { generatedModule } from './modules.js';

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

/** Whether a constructor can pin every level of the entry (a pattern's value must read back as itself). */
function writable(catalog: Catalog, entry: Entry): boolean {
  return catalog.envelope.levels.every((level) => {
    const value = Object.hasOwn(entry.pins, level.name) ? entry.pins[level.name] : undefined;
    return value === undefined || level.at.pattern === undefined || new RegExp(level.at.pattern, 'u').exec(String(value))?.[1] === String(value);
  });
}

/** Whether the entry pins a level read through a pattern: derived examples leave a header one out (resolve/examples.ts). */
function pinsThroughPattern(catalog: Catalog, entry: Entry): boolean {
  return catalog.envelope.levels.some((level) => level.at.pattern !== undefined && Object.hasOwn(entry.pins, level.name));
}

/** Responses whose conditions a body alone cannot meet are told apart by headers the test does not invent. */
const unconditional = (response: EntryResponse) => response.when.length === 0;

describe.each(ALL_CATALOGS)('%s', (file) => {
  it('classifies every example of every code, at every status, to that code', async () => {
    const { module, catalog } = await generatedModule(file);
    for (const entry of catalog.entries) {
      for (const response of entry.responses) {
        for (const example of response.examples) {
          expect(module.isErrorBody(example.body), `${example.name} is an error body`).toBe(true);
          if (example.derived && pinsThroughPattern(catalog, entry)) continue;
          expect(module.classifyError(response.status, example.body, example.headers), example.name).toMatchObject({ known: true, code: entry.code, status: response.status, statusDocumented: true });
        }
      }
    }
  });

  it('builds, per code and status, a response the guards accept and the classifier reads back', async () => {
    const { module, catalog } = await generatedModule(file);
    for (const entry of catalog.entries) {
      const create = module[`create${typeName(catalog, entry)}`] as (fields: Record<string, unknown>, init?: object) => { status: number; headers: Record<string, string>; body: unknown };
      const fields: Record<string, unknown> = {};
      const first = entry.responses[0] as EntryResponse;
      for (const field of fieldsOf(catalog, entry)) {
        if (field.required && !Object.hasOwn(first.values, field.name)) fields[field.name] = field.nullable && field.example === undefined ? null : sampleValue(field, catalog.types);
      }
      for (const level of catalog.envelope.levels) {
        // A required level the entry does not pin is the caller's to give.
        if (!level.optional && entry.level !== undefined && !Object.hasOwn(entry.pins, level.name) && level.at.source === 'body' && !level.at.items && level.at.chain === undefined) {
          fields[level.name] = level.type === 'integer' ? 1 : 'given';
        }
      }
      for (const response of entry.responses) {
        const built = create(fields, { status: response.status, headers: { 'x-extra': '1' } });
        expect(built.status).toBe(response.status);
        expect(built.headers).toMatchObject({ 'content-type': catalog.envelope.contentType, 'x-extra': '1' });
        expect(module.isErrorBody(built.body), `${String(entry.code)} at ${response.status}`).toBe(true);
        if (unconditional(response) && writable(catalog, entry)) {
          expect(module.classifyError(response.status, built.body, built.headers)).toMatchObject({ known: true, code: entry.code, status: response.status });
        }
      }
    }
  });

  it('never takes prototype keys, arrays or look-alikes for errors, and never throws', async () => {
    const { module, catalog } = await generatedModule(file);
    // None of these values carries a code: only an entry told apart by status alone may take one
    // (an RFC 9457 problem with no members is `{}`, extra members allowed).
    const byCode = (result: { known: boolean; code: unknown }) => result.known && catalog.entries.find((e) => e.code === result.code)?.level !== undefined;
    const plain = catalog.envelope.levels.find((l) => l.at.source === 'body' && !l.at.items && l.at.chain === undefined);
    const path = plain?.at.source === 'body' ? plain.at.path : ['code'];
    const wrap = (error: JsonValue): JsonValue => (catalog.envelope.kind === 'array' ? [error] : catalog.envelope.key === undefined ? error : JSON.parse(`{${JSON.stringify(catalog.envelope.key)}: ${JSON.stringify(catalog.envelope.kind === 'list' ? [error] : error)}}`));
    // A catalog may document a prototype key as a code (hostile-codes.yaml): then it is one.
    for (const key of PROTOTYPE_KEYS.filter((k) => !catalog.entries.some((e) => e.code === k || e.value === k))) {
      expect(module.isErrorCode(key)).toBe(false);
      const error = path.reduceRight<JsonValue>((inner, segment) => JSON.parse(`{${JSON.stringify(segment)}: ${JSON.stringify(inner)}}`), key);
      if (catalog.entries.every((e) => e.level !== undefined)) expect(module.isErrorBody(wrap(error))).toBe(false);
      expect(byCode(module.classifyError(400, JSON.parse(`{"__proto__": ${JSON.stringify(wrap(error))}}`)))).toBe(false);
    }
    const example = catalog.entries[0]?.responses[0]?.examples[0]?.body;
    const trap = () => {
      throw new Error('trap');
    };
    const hostile: unknown[] = [
      null,
      undefined,
      42,
      'error',
      [],
      [example],
      Object.create(example as object),
      new Proxy({}, { get: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, has: trap, getPrototypeOf: trap }),
      Object.defineProperty({}, catalog.envelope.key ?? path[0] ?? 'code', { enumerable: true, get: trap }),
    ];
    for (const value of hostile) {
      const status = catalog.entries[0]?.statuses[0] ?? 400;
      expect(() => module.classifyError(status, value, { get: trap })).not.toThrow();
      expect(() => module.isErrorBody(value)).not.toThrow();
      expect(() => module.isDocumentedError(value)).not.toThrow();
      expect(byCode(module.classifyError(status, value))).toBe(false);
    }
  });
});

describe('retry helpers', () => {
  it.each([
    ['seconds', '120', 120_000],
    ['an HTTP-date 90 s ahead', 'Sun, 06 Nov 1994 08:50:37 GMT', 90_000],
    ['a past HTTP-date', 'Sun, 06 Nov 1994 08:40:00 GMT', 0],
    ['junk, so the fallback (1 s, full jitter)', 'soon', 500],
    ['nothing, so the fallback (1 s, full jitter)', undefined, 500],
  ])('honour Retry-After given as %s', async (_, value, expected) => {
    const { module } = await generatedModule('specs/device-readings/errors.yaml');
    const error = { retry: module.retryPolicyFor(429), error: undefined };
    const now = () => Date.parse('Sun, 06 Nov 1994 08:49:07 GMT');
    for (const headers of [value === undefined ? {} : { 'Retry-After': value }, new Headers(value === undefined ? {} : { 'retry-after': value })]) {
      expect(module.retryDelayMs(error, 1, headers, { now, random: () => 0.5 })).toBe(expected);
    }
  });

  it('follow backoff with its bounds and each jitter', async () => {
    const { module } = await generatedModule('test/fixtures/valid/integer-codes.yaml');
    const error = module.classifyError(500, { code: 5000, msg: 'x', trace: null });
    expect(error.known).toBe(true);
    // 200 ms × 3^(n−1), capped at 10 s, equal jitter: half fixed, half random; 5 attempts in all.
    expect([1, 2, 3, 4, 5].map((n) => module.retryDelayMs(error, n, undefined, { random: () => 0 }))).toEqual([100, 300, 900, 2700, undefined]);
    expect([1, 2, 3, 4].map((n) => module.retryDelayMs(error, n, undefined, { random: () => 1 }))).toEqual([200, 600, 1800, 5400]);
    expect(module.isRetryable(error, 4)).toBe(true);
    expect(module.isRetryable(error, 5)).toBe(false);
  });

  it("use the catalog defaults for statuses it does not list, then errcat's", async () => {
    const { module } = await generatedModule('specs/tasks/errors.yaml');
    expect(module.retryPolicyFor(599)).toMatchObject({ strategy: 'backoff', maxAttempts: 3 });
    expect(module.retryPolicyFor(418)).toEqual({ strategy: 'never' });
    expect(module.retryPolicyFor(429)).toMatchObject({ strategy: 'backoff', baseDelayMs: 2000 });
  });
});
