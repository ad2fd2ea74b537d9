import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClient as createHeyApiClient } from '@hey-api/openapi-ts';
import axios, { isAxiosError } from 'axios';
import createFetchClient, { type Middleware } from 'openapi-fetch';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxApiError, withRetry } from '../../generated/sandbox/errors.js';
import { ComponentNames } from '../../src/emit/openapi/names.js';
import { attachedStatuses, listOperations, type SpecOperation } from '../../src/merge/operations.js';
import { mustLoad, ROOT } from '../helpers.js';
import { tmpDir } from '../judges.js';
import { startPrism } from './mock.js';

/**
 * The clients people use, each the real library, against one Prism serving the sandbox's merged
 * spec: a forced error per operation comes back as `SandboxApiError` with its code and codes, and
 * `withRetry` retries 429 and 5xx per the catalog, under a clock that never waits.
 */
type Json = Record<string, any>;
const SPEC = join(ROOT, 'generated/sandbox/openapi.merged.yaml');
const spec = parse(readFileSync(SPEC, 'utf8')) as Json;
const ID = '00000000-0000-4000-8000-000000000000';

interface Forced {
  operation: SpecOperation;
  status: number;
  /** Prism's `Prefer` header: this status, this example. */
  prefer: string;
  code: string | number;
}

/** Per operation, its last status with a code, forced through that code's example. */
async function forcedErrors(): Promise<Forced[]> {
  const catalog = await mustLoad('specs/sandbox/errors.yaml');
  const names = new ComponentNames(catalog, '3.1');
  return listOperations(spec).map((operation) => {
    const attached = attachedStatuses(catalog, operation).filter((a) => a.codes.length > 0);
    const { status, codes } = attached[attached.length - 1] as (typeof attached)[number];
    const code = codes[codes.length - 1] as string | number;
    const entry = catalog.entries.find((e) => e.code === code);
    const example = entry?.responses.find((r) => r.status === status)?.examples[0];
    if (!entry || !example) throw new Error(`no example for ${String(code)}`);
    return { operation, status, code, prefer: `code=${status}, example=${names.example(entry, example.name)}` };
  });
}

const pathOf = (operation: SpecOperation) => operation.path.replace('{sandboxId}', ID);
/** A clock that never waits: it records each delay asked for; randomness fixed at one half. */
const clock = () => {
  const waits: number[] = [];
  return { waits, options: { sleep: async (ms: number) => void waits.push(ms), random: () => 0.5 } };
};

/** A client as the tests drive it: one request, with a `Prefer` header, that throws the class on an error. */
type Call = (operation: SpecOperation, prefer: string) => Promise<unknown>;

let prism: { url: string; stop: () => void };
let forced: Forced[];
const clients: Record<string, Call> = {};

beforeAll(async () => {
  [prism, forced] = await Promise.all([startPrism(SPEC), forcedErrors()]);

  // openapi-fetch: a middleware that throws the class for any error response.
  const throwErrors: Middleware = {
    async onResponse({ response }) {
      if (!response.ok) throw await SandboxApiError.fromResponse(response);
      return undefined;
    },
  };
  const fetchClient = createFetchClient<Record<string, Record<string, unknown>>>({ baseUrl: prism.url });
  fetchClient.use(throwErrors);
  clients['openapi-fetch'] = (operation, prefer) =>
    fetchClient.request(operation.method as 'get', operation.path as never, { params: { path: { sandboxId: ID } }, headers: { prefer }, ...(operation.method === 'post' ? { body: {} } : {}) } as never);

  // @hey-api/openapi-ts: a client generated from the merged spec, with a response interceptor.
  const out = tmpDir('hey-api');
  await createHeyApiClient({ input: SPEC, output: { path: out }, plugins: ['@hey-api/client-fetch', '@hey-api/sdk', '@hey-api/typescript'], logs: { level: 'silent' } } as never);
  const heyApi = (await import(pathToFileURL(join(out, 'client.gen.ts')).href)) as { client: any };
  const sdk = (await import(pathToFileURL(join(out, 'sdk.gen.ts')).href)) as Record<string, (options: object) => Promise<unknown>>;
  heyApi.client.setConfig({ baseUrl: prism.url });
  heyApi.client.interceptors.response.use(async (response: Response) => {
    if (!response.ok) throw await SandboxApiError.fromResponse(response.clone());
    return response;
  });
  clients['hey-api'] = (operation, prefer) => {
    const options = { path: { sandboxId: ID }, headers: { prefer }, ...(operation.method === 'post' ? { body: {} } : {}) };
    // The SDK's function per operation; its server-sent-events one goes through the client itself.
    const call = operation.operationId === 'streamSandbox' ? (o: object) => heyApi.client.get({ url: operation.path, ...o }) : sdk[operation.operationId as string];
    return (call as (options: object) => Promise<unknown>)(options);
  };

  // axios: an interceptor that turns an error response into the class, the axios error as its cause.
  const http = axios.create({ baseURL: prism.url });
  http.interceptors.response.use(undefined, (error: unknown) =>
    Promise.reject(isAxiosError(error) && error.response ? new SandboxApiError(error.response.status, error.response.data, error.response.headers, { cause: error }) : error),
  );
  clients['axios'] = (operation, prefer) => http.request({ method: operation.method, url: pathOf(operation), headers: { prefer }, ...(operation.method === 'post' ? { data: {} } : {}) });
}, 120_000);

afterAll(() => prism?.stop());

describe.each(['openapi-fetch', 'hey-api', 'axios'])('%s against Prism serving the merged spec', (name) => {
  it('throws the class for a forced error of each operation, with its code and codes', async () => {
    const call = clients[name] as Call;
    expect(forced.length).toBe(listOperations(spec).length);
    for (const { operation, status, prefer, code } of forced) {
      const error = await call(operation, prefer).then(
        () => undefined,
        (e: unknown) => e,
      );
      const where = `${operation.operationId} ${status}`;
      expect(error, where).toBeInstanceOf(SandboxApiError);
      expect(error, where).toMatchObject({ status, known: true, code, codes: { code } });
      if (name === 'axios') expect(isAxiosError((error as Error).cause), where).toBe(true);
    }
  });

  it('with withRetry: retries 429 and 5xx per the catalog, gives up at its caps, and returns once an attempt succeeds', async () => {
    const call = clients[name] as Call;
    const get = forced.find((f) => f.operation.operationId === 'getSandbox')?.operation as SpecOperation;
    const prefer429 = 'code=429, example=SandboxRateLimitExceeded.rate_limit_exceeded';
    const prefer500 = 'code=500';
    // 429: the body's retryAfter (60 seconds), 4 attempts in all.
    let limited = clock();
    let attempts = 0;
    await expect(withRetry(() => (attempts++, call(get, prefer429)), limited.options)).rejects.toMatchObject({ status: 429, code: 'rate_limit_exceeded' });
    expect([attempts, limited.waits]).toEqual([4, [60_000, 60_000, 60_000]]);
    // 500: backoff from 1000 ms, ×2, full jitter at one half; 3 attempts in all.
    const failing = clock();
    attempts = 0;
    await expect(withRetry(() => (attempts++, call(get, prefer500)), failing.options)).rejects.toMatchObject({ status: 500, code: 'sandbox_error' });
    expect([attempts, failing.waits]).toEqual([3, [500, 1000]]);
    // A 429, then a success.
    limited = clock();
    const result = await withRetry((attempt) => call(get, attempt === 1 ? prefer429 : 'code=200'), limited.options);
    expect(result).toBeDefined();
    expect(limited.waits).toEqual([60_000]);
  });
});
