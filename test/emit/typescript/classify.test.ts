import { describe, expect, it } from 'vitest';
import { generatedModule, type Clock, type GeneratedModule } from './modules.js';

// Small catalogs in the language-2 constructs, each with the answers its model's clients expect.

const NOW = Date.parse('2026-03-01T12:00:00Z');
const clock: Clock = { now: () => NOW, random: () => 0.5 };
const load = async (name: string): Promise<GeneratedModule> => (await generatedModule(`test/fixtures/valid/${name}.yaml`)).module;
type Constructor = (fields?: Record<string, unknown>, init?: { status?: number; headers?: Record<string, string> }) => { status: number; headers: Record<string, string>; body: unknown };

describe('three levels, coarse to fine (Stripe)', async () => {
  const m = await load('levels-stripe');
  const body = (error: object) => ({ error: { message: 'Your card was declined.', ...error } });

  it('resolves the finest level that names an entry, and reports every level read', () => {
    expect(m.classifyError(402, body({ type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds' }))).toMatchObject({
      known: true,
      code: 'insufficient_funds',
      codes: { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds' },
      itemCodes: [],
      statusDocumented: true,
    });
  });

  it('falls back to a coarser level when the finer value is not documented, keeping the raw value in codes', () => {
    const result = m.classifyError(402, body({ type: 'card_error', code: 'card_declined', decline_code: 'do_not_honor' }));
    expect(result).toMatchObject({ known: true, code: 'card_declined', codes: { decline_code: 'do_not_honor' } });
    expect(m.classifyError(402, body({ type: 'card_error', code: 'processing_error' }))).toMatchObject({ known: true, code: 'card_error', codes: { type: 'card_error', code: 'processing_error' } });
  });

  it('skips an entry whose coarser pins disagree with what the body says', () => {
    expect(m.classifyError(400, body({ type: 'invalid_request_error', code: 'card_declined' }))).toMatchObject({ known: true, code: 'invalid_request_error' });
  });

  it('never drops a code: a documented code in a body of the wrong shape comes back raw', () => {
    expect(m.classifyError(402, body({ type: 'card_error', code: 'card_declined', param: 42 }))).toMatchObject({ known: false, code: 'card_declined', codes: { type: 'card_error', code: 'card_declined' }, error: undefined });
    // A missing required level does not disagree with the pins, but the shape still needs it.
    expect(m.classifyError(402, body({ code: 'card_declined' }))).toMatchObject({ known: false, code: 'card_declined', codes: { code: 'card_declined' } });
    expect(m.classifyError(400, body({ type: 'mystery_error' }))).toMatchObject({ known: false, code: 'mystery_error', retry: { strategy: 'never' } });
    expect(m.classifyError(503, body({ type: 'mystery_error' }))).toMatchObject({ known: false, code: 'mystery_error', retry: { strategy: 'backoff', baseDelayMs: 500 } });
  });

  it('lets Stripe-Should-Retry override the policy both ways', () => {
    const failed = m.classifyError(500, body({ type: 'api_error' }), {}, clock);
    expect(failed).toMatchObject({ known: true, code: 'api_error', retryable: true, retryDelayMs: 500 });
    expect(m.retryDelayMs(failed, 2, {}, clock)).toBe(1000);
    const refused = m.classifyError(500, body({ type: 'api_error' }), { 'Stripe-Should-Retry': 'false' }, clock);
    expect(refused).toMatchObject({ known: true, retryable: false, retryDelayMs: undefined });
    expect(m.shouldRetry(failed, 1, { 'stripe-should-retry': 'false' })).toBe(false);
    expect(m.isRetryable(failed, 1)).toBe(true);
    // A never policy retried on the server's word, with errcat's default backoff (1 s, full jitter).
    const conflict = m.classifyError(409, body({ type: 'idempotency_error' }), new Headers({ 'stripe-should-retry': 'true' }), clock);
    expect(conflict).toMatchObject({ known: true, code: 'idempotency_error', retryable: true, retryDelayMs: 500 });
    expect(m.shouldRetry(conflict, 1, {})).toBe(false);
  });

  it('builds each entry with every pinned level, and reads it back', () => {
    const response = (m['createInsufficientFundsError'] as Constructor)({ param: 'card' });
    expect(response).toEqual({
      status: 402,
      headers: { 'content-type': 'application/json' },
      body: { error: { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', message: 'The card has insufficient funds.', param: 'card' } },
    });
    const coarse = (m['createApiError'] as Constructor)({ code: 'lock_timeout' });
    expect(coarse.body).toEqual({ error: { type: 'api_error', code: 'lock_timeout', message: 'Something went wrong on the server.' } });
    expect(m.classifyError(500, coarse.body)).toMatchObject({ known: true, code: 'api_error', codes: { type: 'api_error', code: 'lock_timeout' } });
    expect(m.hasErrorCode?.(response.body, 'insufficient_funds')).toBe(true);
    expect(m.hasErrorCode?.(coarse.body, 'insufficient_funds')).toBe(false);
  });
});

describe('a level inside an array item, and a union of details (Google)', async () => {
  const m = await load('levels-google');
  const errorInfo = (reason: string) => ({ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com', metadata: { service: 'pubsub.googleapis.com' } });
  const retryInfo = (retryDelay: string) => ({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay });
  const exhausted = (...details: object[]) => ({ error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'Quota exceeded.', details } });

  it("reads ErrorInfo.reason from the details item that `where` selects, and reports it as an item code", () => {
    expect(m.classifyError(429, exhausted(retryInfo('21s'), errorInfo('RATE_LIMIT_EXCEEDED')), undefined, clock)).toMatchObject({
      known: true,
      code: 'RATE_LIMIT_EXCEEDED',
      codes: { status: 'RESOURCE_EXHAUSTED', reason: 'RATE_LIMIT_EXCEEDED' },
      itemCodes: ['RATE_LIMIT_EXCEEDED'],
      retryDelayMs: 21_000,
    });
  });

  it('falls back to the status when the reason is not documented (the codes are extensible)', () => {
    const result = m.classifyError(429, exhausted(errorInfo('QUOTA_FOR_PROJECT')));
    expect(result).toMatchObject({ known: true, code: 'RESOURCE_EXHAUSTED', codes: { reason: 'QUOTA_FOR_PROJECT' }, itemCodes: ['QUOTA_FOR_PROJECT'] });
  });

  it('reads the first ErrorInfo, while the guards accept an entry whose item comes later (contains)', () => {
    const body = exhausted(errorInfo('API_KEY_INVALID'), errorInfo('RATE_LIMIT_EXCEEDED'));
    expect(m.classifyError(429, body)).toMatchObject({ known: true, code: 'RESOURCE_EXHAUSTED', codes: { reason: 'API_KEY_INVALID' }, itemCodes: ['API_KEY_INVALID', 'RATE_LIMIT_EXCEEDED'] });
    expect(m.hasErrorCode?.(body, 'RATE_LIMIT_EXCEEDED')).toBe(true);
  });

  it('dispatches the details union on @type: an unknown member makes the body not an error of the catalog', () => {
    const body = exhausted(errorInfo('RATE_LIMIT_EXCEEDED'), { '@type': 'type.googleapis.com/google.rpc.Help', links: [] });
    expect(m.isErrorBody(body)).toBe(false);
    expect(m.classifyError(429, body)).toMatchObject({ known: false, code: 'RATE_LIMIT_EXCEEDED', itemCodes: ['RATE_LIMIT_EXCEEDED'] });
  });

  it.each([
    ['21s', 21_000],
    ['1.5s', 1500],
    ['0.000340012s', 1],
    ['500ms', 500],
    ['2m', 120_000],
    ['1h30m', 5_400_000],
    ['soon', 500],
  ])('waits the RetryInfo duration %s (else the fallback: 1 s, full jitter)', (delay, expected) => {
    const result = m.classifyError(429, exhausted(errorInfo('RATE_LIMIT_EXCEEDED'), retryInfo(delay)), undefined, clock);
    expect(result.retryDelayMs).toBe(expected);
    expect(m.retryDelayMs(result, 1, undefined, clock)).toBe(expected);
  });

  it('builds the ErrorInfo item a reason sits in, with the fields its type requires', () => {
    const response = (m['createRateLimitExceededError'] as Constructor)();
    expect(response.body).toEqual({ error: { status: 'RESOURCE_EXHAUSTED', message: 'Requests per minute exceeded.', code: 429, details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'RATE_LIMIT_EXCEEDED', domain: 'googleapis.com' }] } });
    const given = (m['createRateLimitExceededError'] as Constructor)({ details: [retryInfo('3s'), { ...errorInfo('OTHER'), domain: 'example.com' }] });
    expect(given.body).toMatchObject({ error: { details: [retryInfo('3s'), { reason: 'RATE_LIMIT_EXCEEDED', domain: 'example.com' }] } });
    expect(m.classifyError(429, given.body, undefined, clock)).toMatchObject({ known: true, code: 'RATE_LIMIT_EXCEEDED', retryDelayMs: 3000 });
  });
});

describe('a chain, a header echo and item codes (Microsoft)', async () => {
  const m = await load('levels-microsoft');
  const error = (fields: object) => ({ error: { message: 'The password is not valid.', ...fields } });
  const chain = { innererror: { code: 'PasswordError', innererror: { code: 'PasswordTooShort' } } };

  it('reads the innermost innererror.code', () => {
    expect(m.classifyError(400, error({ code: 'BadArgument', ...chain }))).toMatchObject({ known: true, code: 'PasswordTooShort', codes: { code: 'BadArgument', inner: 'PasswordTooShort' } });
    expect(m.classifyError(400, error({ code: 'BadArgument', innererror: { code: 'PasswordTooWeak' } }))).toMatchObject({ known: true, code: 'BadArgument', codes: { inner: 'PasswordTooWeak' } });
  });

  it('reads the innermost code, and resolves the deepest one it understands', () => {
    const deeper = { innererror: { code: 'PasswordError', innererror: { code: 'PasswordTooShort', innererror: { code: 'PasswordTooShortByTwo' } } } };
    expect(m.classifyError(400, error({ code: 'BadArgument', ...deeper }))).toMatchObject({ known: true, code: 'PasswordTooShort', codes: { code: 'BadArgument', inner: 'PasswordTooShortByTwo' } });
    // The inner entry refines BadArgument: under another top-level code its pins disagree.
    expect(m.classifyError(404, error({ code: 'NotFound', ...deeper }))).toMatchObject({ known: true, code: 'NotFound' });
  });

  it('reads the code from x-ms-error-code when the body lacks it, and refuses a header that disagrees', () => {
    expect(m.classifyError(404, error({}), { 'x-ms-error-code': 'NotFound' })).toMatchObject({ known: false, code: 'NotFound', codes: { code: 'NotFound' } });
    expect(m.classifyError(404, error({ code: 'NotFound' }), { 'x-ms-error-code': 'NotFound' })).toMatchObject({ known: true, code: 'NotFound' });
    expect(m.classifyError(404, error({ code: 'NotFound' }), { 'x-ms-error-code': 'BadArgument' })).toMatchObject({ known: false, code: 'NotFound' });
  });

  it('reports details[].code as item codes, and checks them against the documented ones', () => {
    const details = [{ code: 'NullValue', message: 'a is null', target: 'a' }, { code: 'TooLong', message: 'b is long' }];
    expect(m.classifyError(400, error({ code: 'BadArgument', details }))).toMatchObject({ known: true, code: 'BadArgument', itemCodes: ['NullValue', 'TooLong'] });
    const undocumented = [{ code: 'Sideways', message: 'c' }];
    expect(m.classifyError(400, error({ code: 'BadArgument', details: undocumented }))).toMatchObject({ known: false, code: 'BadArgument', itemCodes: ['Sideways'] });
  });

  it('survives a cyclic chain', () => {
    const inner: Record<string, unknown> = { code: 'Loop' };
    inner['innererror'] = inner;
    expect(m.classifyError(400, error({ code: 'BadArgument', innererror: inner }))).toMatchObject({ known: false, codes: { code: 'BadArgument', inner: 'Loop' } });
  });

  it('builds one step of the chain and the echo header', () => {
    const response = (m['createPasswordTooShortError'] as Constructor)();
    expect(response).toEqual({ status: 400, headers: { 'content-type': 'application/json', 'x-ms-error-code': 'BadArgument' }, body: { error: { code: 'BadArgument', message: 'The password is too short.', innererror: { code: 'PasswordTooShort' } } } });
    expect(m.classifyError(400, response.body, response.headers)).toMatchObject({ known: true, code: 'PasswordTooShort' });
    const deeper = (m['createPasswordTooShortError'] as Constructor)({ innererror: { code: 'PasswordError', innererror: { code: 'x' } } });
    expect(deeper.body).toMatchObject({ error: { innererror: { code: 'PasswordError', innererror: { code: 'PasswordTooShort' } } } });
  });
});

describe('codeless errors told apart by status and conditions (GitHub)', async () => {
  const m = await load('codeless-github');
  const message = (text: string, extra: object = {}) => ({ message: text, documentation_url: 'https://docs.github.com/rest', ...extra });

  it('picks the entry whose conditions hold, conditional entries first', () => {
    expect(m.classifyError(403, message('API rate limit exceeded'), { 'x-ratelimit-remaining': '0' })).toMatchObject({ known: true, code: 'rate_limited', codes: {} });
    expect(m.classifyError(403, message('You have exceeded a secondary rate limit.'), { 'x-ratelimit-remaining': '12' })).toMatchObject({ known: true, code: 'secondary_rate_limited' });
    expect(m.classifyError(403, message('Must have admin rights.'), { 'x-ratelimit-remaining': '12' })).toMatchObject({ known: true, code: 'forbidden' });
    expect(m.classifyError(429, message('Slow down.'))).toMatchObject({ known: true, code: 'rate_limited' });
    expect(m.classifyError(500, message('Server Error'))).toMatchObject({ known: false, code: undefined, error: { message: 'Server Error' }, retry: { strategy: 'backoff' } });
  });

  it('reports errors[].code as item codes', () => {
    const body = message('Validation Failed', { errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }, { resource: 'Issue', field: 'labels', code: 'invalid' }] });
    expect(m.classifyError(422, body)).toMatchObject({ known: true, code: 'validation_failed', itemCodes: ['missing_field', 'invalid'] });
    expect(m.classifyError(422, message('Validation Failed', { errors: [{ code: 'custom' }] }))).toMatchObject({ known: false, itemCodes: ['custom'] });
  });

  it.each([
    ['Retry-After in seconds', { 'retry-after': '30' }, 30_000],
    ['Retry-After as a fraction', { 'retry-after': '1.5' }, 1500],
    ['Retry-After as an HTTP-date', { 'retry-after': new Date(NOW + 90_000).toUTCString() }, 90_000],
    ['Retry-After in the past', { 'retry-after': new Date(NOW - 5000).toUTCString() }, 0],
    ['x-ratelimit-reset in epoch seconds, once the limit is spent', { 'x-ratelimit-reset': String(NOW / 1000 + 42), 'x-ratelimit-remaining': '0' }, 42_000],
    ['not the reset while requests remain, so the fallback', { 'x-ratelimit-reset': String(NOW / 1000 + 42), 'x-ratelimit-remaining': '3' }, 500],
    ['Retry-After first, then the reset', { 'retry-after': '7', 'x-ratelimit-reset': String(NOW / 1000 + 42), 'x-ratelimit-remaining': '0' }, 7000],
    ['unreadable hints, so the fallback', { 'retry-after': 'later', 'x-ratelimit-reset': 'soon', 'x-ratelimit-remaining': '0' }, 500],
  ])('waits per %s', (_, headers, expected) => {
    const result = m.classifyError(429, message('Slow down.'), headers, clock);
    expect(result.retryDelayMs).toBe(expected);
    expect(m.retryDelayMs(result, 1, headers, clock)).toBe(expected);
  });

  it('builds a codeless error with its computed status', () => {
    const response = (m['createRateLimitedError'] as Constructor)({}, { status: 403, headers: { 'x-ratelimit-remaining': '0' } });
    expect(response.body).toEqual({ message: 'The rate limit is exhausted.', status: '403' });
    expect(m.classifyError(403, response.body, response.headers)).toMatchObject({ known: true, code: 'rate_limited' });
  });
});

describe('errors under 2xx, marked by a body property (Slack)', async () => {
  const m = await load('error-when-slack');

  it('does not take a success for an error', () => {
    expect(m.classifyError(200, { ok: true, channel: { id: 'C1' } })).toMatchObject({ known: false, code: undefined, error: undefined, codes: {}, retryable: false });
  });

  it('classifies the error of an ok: false body', () => {
    expect(m.classifyError(200, { ok: false, error: 'channel_not_found' })).toMatchObject({ known: true, code: 'channel_not_found', codes: { error: 'channel_not_found' } });
    expect(m.classifyError(200, { ok: false, error: 'team_added_to_org' })).toMatchObject({ known: false, code: 'team_added_to_org', error: { ok: false, error: 'team_added_to_org' } });
  });

  it("keeps the named code's policy for a body of the wrong shape", () => {
    expect(m.classifyError(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '30' })).toMatchObject({ known: true, retryDelayMs: 30_000 });
    const result = m.classifyError(429, { ok: false, error: 'ratelimited', warning: 42 }, { 'Retry-After': '30' });
    expect(result).toMatchObject({ known: false, code: 'ratelimited', retry: { strategy: 'retry-after' }, retryDelayMs: 30_000 });
    expect(m.retryPolicyFor(429)).toEqual({ strategy: 'never' });
  });

  it('builds the marker into every error', () => {
    expect((m['createChannelNotFoundError'] as Constructor)()).toEqual({ status: 200, headers: { 'content-type': 'application/json' }, body: { ok: false, error: 'channel_not_found' } });
  });
});

describe('a top-level array body with integer codes', async () => {
  const m = await load('array-body');

  it('classifies the first error of the array', () => {
    expect(m.classifyError(400, [{ code: 1002, message: 'bad' }, { code: 1001, message: 'missing' }])).toMatchObject({ known: true, code: 1002, codes: { code: 1002 } });
    expect(m.classifyError(400, [{ code: 1999, message: 'new' }])).toMatchObject({ known: false, code: 1999 });
    expect(m.classifyError(400, [])).toMatchObject({ known: false, code: undefined, error: undefined });
    expect(m.isErrorBody([{ code: 1002, message: 'bad' }, { code: 1999, message: 'new' }])).toBe(false);
  });

  it('waits a body field given in milliseconds, rounded up', () => {
    expect(m.classifyError(503, [{ code: 5003, message: 'later', retry_after_ms: 1500.5 }], undefined, clock)).toMatchObject({ known: true, retryDelayMs: 1501 });
    expect(m.classifyError(503, [{ code: 5003, message: 'later' }], undefined, clock)).toMatchObject({ known: true, retryDelayMs: 500 });
  });
});

describe('a level in a header, through a pattern', async () => {
  const m = await load('header-level');
  const type = 'ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.service/';

  it('reads the code before the colon', () => {
    expect(m.classifyError(429, { message: 'Rate exceeded' }, { 'x-amzn-ErrorType': type })).toMatchObject({ known: true, code: 'ThrottlingException', codes: { type: 'ThrottlingException' } });
    expect(m.classifyError(400, { message: 'x' }, { 'x-amzn-errortype': 'SerializationException:' })).toMatchObject({ known: false, code: 'SerializationException', error: { message: 'x' } });
    expect(m.classifyError(400, { message: 'x' })).toMatchObject({ known: false, code: undefined, codes: {} });
  });

  it.each([
    ['an HTTP-date', { 'Retry-After': new Date(NOW + 3000).toUTCString() }, 3000],
    ['epoch milliseconds', { 'x-rate-reset-ms': String(NOW + 2500) }, 2500],
    ['neither', {}, 500],
  ])('waits per %s', (_, headers, expected) => {
    expect(m.classifyError(429, { message: 'Rate exceeded' }, { 'x-amzn-ErrorType': type, ...headers }, clock).retryDelayMs).toBe(expected);
  });

  it('writes the header a pinned value reads back from', () => {
    const response = (m['createThrottlingExceptionError'] as Constructor)();
    expect(response.headers).toEqual({ 'content-type': 'application/json', 'x-amzn-ErrorType': 'ThrottlingException' });
    expect(m.classifyError(429, response.body, response.headers)).toMatchObject({ known: true, code: 'ThrottlingException' });
  });
});
