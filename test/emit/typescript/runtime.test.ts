import { describe, expect, it } from 'vitest';
import { ALL_CATALOGS } from '../../helpers.js';
import { generatedModule } from './modules.js';
import { examplesForStatus } from '../../../src/model/examples.js';
import { sampleValue } from '../../../src/model/examples.js';
import { entryFields } from '../../../src/model/values.js';
import { computedValue } from '../../../src/model/values.js';

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

describe.each(ALL_CATALOGS)('%s', (file) => {
  it('classifies every example of every code, at every status, to that code', async () => {
    const { module, catalog } = await generatedModule(file);
    for (const entry of catalog.entries) {
      for (const status of entry.statuses) {
        for (const example of examplesForStatus(catalog, entry, status)) {
          expect(module.isErrorBody(example.body)).toBe(true);
          expect(module.classifyError(status, example.body, example.headers)).toMatchObject({ known: true, code: entry.code, status, statusDocumented: true });
        }
      }
    }
  });

  it('builds, per code, a response the guards accept and the classifier reads back', async () => {
    const { module, catalog } = await generatedModule(file);
    for (const entry of catalog.entries) {
      const create = module[`create${entry.name}${catalog.naming.typeSuffix}`] as (fields: Record<string, unknown>, init?: object) => { status: number; headers: Record<string, string>; body: unknown };
      const fields: Record<string, unknown> = {};
      for (const field of entryFields(catalog, entry)) {
        if (field.required && computedValue(field, entry, entry.statuses[0] ?? 500, catalog) === undefined) fields[field.name] = field.nullable && field.example === undefined ? null : sampleValue(field);
      }
      for (const status of entry.statuses) {
        const response = create(fields, { status, headers: { 'x-extra': '1' } });
        expect(response.status).toBe(status);
        expect(response.headers).toEqual({ 'content-type': catalog.envelope.contentType, 'x-extra': '1' });
        expect(module.isErrorBody(response.body)).toBe(true);
        expect(module.classifyError(status, response.body)).toMatchObject({ known: true, code: entry.code });
      }
    }
  });

  it('never takes prototype keys, arrays or look-alikes for errors, and never throws', async () => {
    const { module, catalog } = await generatedModule(file);
    const codePath = catalog.envelope.code?.path ?? ['code'];
    const withCode = (code: unknown) => codePath.reduceRight<unknown>((inner, segment) => JSON.parse(`{${JSON.stringify(segment)}: ${JSON.stringify(inner)}}`), code);
    for (const key of PROTOTYPE_KEYS) {
      expect(module.isErrorCode(key)).toBe(false);
      const body = catalog.envelope.kind === 'wrapped' ? { [catalog.envelope.key as string]: withCode(key) } : withCode(key);
      expect(module.isErrorBody(body)).toBe(false);
      expect(module.classifyError(400, JSON.parse(`{"__proto__": ${JSON.stringify(body)}}`)).known).toBe(false);
    }
    const example = catalog.entries[0]?.examples[0]?.body;
    const hostile: unknown[] = [
      null,
      undefined,
      42,
      'error',
      [],
      [example],
      Object.create(example as object),
      new Proxy({}, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); }, getOwnPropertyDescriptor: () => { throw new Error('trap'); } }),
      Object.defineProperty({}, catalog.envelope.key ?? codePath[0] ?? 'code', { enumerable: true, get: () => { throw new Error('getter'); } }),
    ];
    for (const value of hostile) {
      const status = catalog.entries[0]?.statuses[0] ?? 400;
      expect(() => module.classifyError(status, value, { get: () => { throw new Error('headers'); } })).not.toThrow();
      expect(module.classifyError(status, value).known && catalog.envelope.kind !== 'codeless').toBe(false);
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

  it('use the catalog defaults for statuses it does not list, then errcat\'s', async () => {
    const { module } = await generatedModule('specs/tasks/errors.yaml');
    expect(module.retryPolicyFor(599)).toMatchObject({ strategy: 'backoff', maxAttempts: 3 });
    expect(module.retryPolicyFor(418)).toEqual({ strategy: 'never' });
    expect(module.retryPolicyFor(429)).toMatchObject({ strategy: 'backoff', baseDelayMs: 2000 });
  });
});
