import { describe, expect, it } from 'vitest';
import * as sandbox from '../../../generated/sandbox/errors.js';
import { isOperationError, SandboxApiError, withRetry } from '../../../generated/sandbox/errors.js';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const limited = (retryAfter: number) => json(429, { error: { code: 'rate_limit_exceeded', message: 'Slow down.', status: 429, retryAfter } });
const failed = () => json(500, { error: { code: 'sandbox_error', message: 'Boom.', status: 500 } });

/** A clock that never waits: it records each delay asked for. */
function clock() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms), random: () => 0.5 };
}

describe('the error class', () => {
  it('reads a response once into a classified error: status, code, codes, body, headers, retry policy', async () => {
    const response = json(429, { error: { code: 'rate_limit_exceeded', message: 'Slow down.', status: 429, retryAfter: 7 } }, { 'x-trace': 't1' });
    const error = await SandboxApiError.fromResponse(response);
    expect(response.bodyUsed).toBe(true);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(SandboxApiError);
    expect(error).toMatchObject({ name: 'SandboxApiError', status: 429, known: true, code: 'rate_limit_exceeded', codes: { code: 'rate_limit_exceeded' }, retryable: true });
    expect(error.message).toBe('rate_limit_exceeded (HTTP 429): Slow down.');
    expect(error.retry.strategy).toBe('retry-after');
    expect(error.retryDelayMs(1)).toBe(7000);
    expect(error.headers).toBe(response.headers);
    expect(error.is('rate_limit_exceeded') && error.error.retryAfter).toBe(7);
    expect(error.is('not_found')).toBe(false);
  });

  it('still becomes an error with the status when the body is not JSON, or empty; reads the body exactly once', async () => {
    let reads = 0;
    const html = { status: 502, headers: new Headers({ 'content-type': 'text/html' }), text: async () => (reads++, '<html>Bad gateway</html>') };
    const bad = await SandboxApiError.fromResponse(html);
    expect(reads).toBe(1);
    expect(bad).toMatchObject({ status: 502, known: false, code: undefined, body: '<html>Bad gateway</html>', error: undefined });
    expect(bad.message).toBe('HTTP 502');
    expect(bad.retry.strategy).toBe('backoff');
    const empty = await SandboxApiError.fromResponse(new Response(null, { status: 503 }));
    expect(empty).toMatchObject({ status: 503, known: false, body: undefined });
  });

  it('keeps its cause and serialises to JSON', async () => {
    const cause = new TypeError('fetch failed upstream');
    const error = await SandboxApiError.fromResponse(json(404, { error: { code: 'not_found', message: 'No such sandbox.', status: 404 } }, { 'x-trace': 't2' }), { cause });
    expect(error.cause).toBe(cause);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'SandboxApiError',
      message: 'not_found (HTTP 404): No such sandbox.',
      status: 404,
      known: true,
      code: 'not_found',
      codes: { code: 'not_found' },
      body: { error: { code: 'not_found', message: 'No such sandbox.', status: 404 } },
      headers: { 'content-type': 'application/json', 'x-trace': 't2' },
      retry: { strategy: 'never' },
    });
    expect(new SandboxApiError(400, { error: { code: 'invalid_request', message: 'x', status: 400 } }).cause).toBeUndefined();
  });

  it('tells which operation an error belongs to, by status and code', () => {
    const budget = new SandboxApiError(400, { error: { code: 'budget_exceeded', message: 'Over budget.', status: 400 } });
    expect(isOperationError(budget, 'runPrompt')).toBe(true);
    expect(isOperationError(budget, 'createSandbox')).toBe(false);
    const unavailable = new SandboxApiError(503, { error: { code: 'whatever', message: 'Down.', status: 503 } });
    expect(isOperationError(unavailable, 'getSandbox')).toBe(true);
    expect(isOperationError(new SandboxApiError(418, {}), 'getSandbox')).toBe(false);
    expect(isOperationError(new Error('no'), 'getSandbox')).toBe(false);
    expect(Object.keys(sandbox.OPERATIONS)).toContain('runPrompt');
  });
});

describe('withRetry', () => {
  it('waits as long as the body says for 429, up to the catalog\'s attempts, then throws the last error', async () => {
    const { waits, sleep } = clock();
    let calls = 0;
    const attempt = async () => {
      calls++;
      throw await SandboxApiError.fromResponse(limited(3));
    };
    await expect(withRetry(attempt, { sleep })).rejects.toMatchObject({ code: 'rate_limit_exceeded' });
    expect(calls).toBe(4);
    expect(waits).toEqual([3000, 3000, 3000]);
  });

  it('backs off with jitter on 5xx, and resolves once an attempt succeeds', async () => {
    const { waits, sleep, random } = clock();
    const result = await withRetry(async (n) => {
      if (n < 3) throw await SandboxApiError.fromResponse(failed());
      return `ok after ${n}`;
    }, { sleep, random });
    expect(result).toBe('ok after 3');
    // Full jitter, random 0.5: half of 1000, then of 2000.
    expect(waits).toEqual([500, 1000]);
  });

  it('does not retry what the catalog says not to, nor errors that are not the class', async () => {
    const { waits, sleep } = clock();
    let calls = 0;
    await expect(withRetry(async () => {
      calls++;
      throw new SandboxApiError(400, { error: { code: 'invalid_request', message: 'x', status: 400 } });
    }, { sleep })).rejects.toMatchObject({ status: 400 });
    await expect(withRetry(async () => {
      calls++;
      throw new TypeError('network');
    }, { sleep })).rejects.toThrow('network');
    expect([calls, waits]).toEqual([2, []]);
  });

  it('gives up at its own caps: attempts, one wait, all waits', async () => {
    const run = async (options: object) => {
      const { waits, sleep, random } = clock();
      let calls = 0;
      await expect(withRetry(async () => {
        calls++;
        throw await SandboxApiError.fromResponse(limited(10));
      }, { sleep, random, ...options })).rejects.toBeInstanceOf(SandboxApiError);
      return { calls, waits };
    };
    expect(await run({ maxAttempts: 2 })).toEqual({ calls: 2, waits: [10_000] });
    expect(await run({ maxDelayMs: 5_000 })).toEqual({ calls: 1, waits: [] });
    expect(await run({ maxTotalDelayMs: 25_000 })).toEqual({ calls: 3, waits: [10_000, 10_000] });
  });

  it('stops at once when its signal aborts, while it waits', async () => {
    const controller = new AbortController();
    const reason = new Error('user left');
    const pending = withRetry(async () => {
      throw await SandboxApiError.fromResponse(limited(60));
    }, { signal: controller.signal, onRetry: () => setTimeout(() => controller.abort(reason), 5) });
    await expect(pending).rejects.toBe(reason);
  });
});
