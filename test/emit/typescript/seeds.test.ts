import { describe, expect, it } from 'vitest';
import * as deviceReadings from '../../../generated/device-readings/errors.js';
import * as prompts from '../../../generated/prompts/errors.js';
import * as sandbox from '../../../generated/sandbox/errors.js';
import * as sensorData from '../../../generated/sensor-data/errors.js';
import * as tasks from '../../../generated/tasks/errors.js';

interface Module {
  isErrorBody(value: unknown): boolean;
  classifyError(status: number, body: unknown, headers?: Record<string, string>): { known: boolean; code: unknown; retryable: boolean; retryDelayMs: number | undefined };
}

// Every JSON error body the seed pages show (../shared/seeds), with the status and code it stands for.
const bodies: [string, Module, number, unknown, string | undefined][] = [
  ['sensor-data 400', sensorData, 400, { detail: 'Detail not found. You likely forgot to include a /data_uuid in your URI.' }, 'bad_request'],
  ['sensor-data 403', sensorData, 403, { detail: 'There was a problem authenticating your request. It is possible that you have a badly formatted or missing API key.' }, 'forbidden'],
  ['sensor-data 404', sensorData, 404, { detail: 'Not found.' }, 'not_found'],
  ['sensor-data envelope', sensorData, 503, { detail: 'Short, human-readable explanation of what went wrong.' }, 'server_error'],
  [
    'device-readings 429',
    deviceReadings,
    429,
    {
      error: {
        type: 'invalid_request_error',
        code: 'rate_limit_exceeded',
        message: 'Rate limit exceeded: 600 requests per 10 minutes per key. Wait `Retry-After` seconds and retry. For higher throughput, use the bulk export endpoint instead of looping per-device.',
        param: null,
        doc_url: 'https://dev.1st.app/errors/rate_limit_exceeded',
        request_id: 'req_1a2b3c4d5e6f7a8b',
      },
    },
    'rate_limit_exceeded',
  ],
  ['prompts shape', prompts, 402, { error: { code: 'PAST_DUE', message: 'Subscription is past due.' } }, 'PAST_DUE'],
  ['tasks shape', tasks, 404, { kind: 'task_not_found', message: 'Task does not exist' }, 'task_not_found'],
  ['sandbox 400', sandbox, 400, { error: { code: 'invalid_request', message: 'sandboxId is required', status: 400 } }, 'invalid_request'],
  ['sandbox 401', sandbox, 401, { error: { code: 'unauthorized', message: 'Invalid or missing API key', status: 401 } }, 'unauthorized'],
  ['sandbox 429', sandbox, 429, { error: { code: 'rate_limit_exceeded', message: 'Too many requests. Please retry after 60 seconds.', status: 429, retryAfter: 60 } }, 'rate_limit_exceeded'],
];

describe('the bodies shown on the seed pages', () => {
  it.each(bodies)('%s passes isErrorBody and classifies to its code', (_, module, status, body, code) => {
    expect(module.isErrorBody(body)).toBe(true);
    expect(module.classifyError(status, body)).toMatchObject({ known: true, code });
  });
});

describe('retry decisions the seed pages state', () => {
  it('sandbox: 429 waits the body\'s retryAfter', () => {
    const result = sandbox.classifyError(429, { error: { code: 'rate_limit_exceeded', message: 'm', status: 429, retryAfter: 60 } });
    expect(result).toMatchObject({ retryable: true, retryDelayMs: 60_000 });
  });
  it('device-readings: 429 honours Retry-After, 501 is never retried, 500 backs off', () => {
    const limited = { error: { type: 't', code: 'rate_limit_exceeded', message: 'm', param: null, doc_url: 'https://dev.1st.app/errors/rate_limit_exceeded', request_id: 'r' } };
    expect(deviceReadings.classifyError(429, limited, { 'retry-after': '7' })).toMatchObject({ retryable: true, retryDelayMs: 7000 });
    const notImplemented = { error: { type: 't', code: 'not_implemented', message: 'm', param: null, doc_url: 'https://dev.1st.app/errors/not_implemented', request_id: 'r' } };
    expect(deviceReadings.classifyError(501, notImplemented)).toMatchObject({ known: true, retryable: false, retryDelayMs: undefined });
    expect(deviceReadings.retryPolicyFor(500)).toMatchObject({ strategy: 'backoff', maxAttempts: 4 });
  });
  it('device-readings: a 500 internal_error body without request_id keeps its code and its policy', () => {
    const body = { error: { type: 'api_error', code: 'internal_error', message: 'm', param: null, doc_url: 'https://dev.1st.app/errors/internal_error' } };
    expect(deviceReadings.isErrorBody(body)).toBe(false);
    expect(deviceReadings.classifyError(500, body)).toMatchObject({ known: false, code: 'internal_error', retry: { strategy: 'backoff', maxAttempts: 4 }, retryable: true });
  });
  it('sensor-data: 5xx backs off 1 s, 2 s, 4 s; 4xx never', () => {
    const error = sensorData.classifyError(503, { detail: 'x' });
    expect([1, 2, 3, 4].map((attempt) => sensorData.retryDelayMs(error, attempt))).toEqual([1000, 2000, 4000, undefined]);
    expect(sensorData.classifyError(404, { detail: 'Not found.' }).retryable).toBe(false);
  });
  it('prompts: 5xx retries with jitter at most 3 times; 402 never', () => {
    const error = prompts.classifyError(500, { error: { code: 'INTERNAL_ERROR', message: 'x' } });
    expect([1, 2, 3, 4].map((attempt) => prompts.retryDelayMs(error, attempt, undefined, { random: () => 0.5 }))).toEqual([500, 1000, 2000, undefined]);
    expect(prompts.classifyError(402, { error: { code: 'DISPUTED', message: 'x' } }).retryable).toBe(false);
  });
  it('tasks: a 405 with a kind the page does not list is not a documented code, yet keeps its raw code and the shared shape', () => {
    const result = tasks.classifyError(405, { kind: 'method_not_allowed', message: 'Use GET.' });
    expect(result).toMatchObject({ known: false, code: 'method_not_allowed', codes: { kind: 'method_not_allowed' }, error: { kind: 'method_not_allowed' }, retryable: false });
  });
});
