import type {
  BackoffPolicy,
  ErrorTables,
  HeadersLike,
  HintFormat,
  RetryHint,
  RetryOptions,
  RetryPolicy,
} from './contract.js';
import { anyHolds } from './conditions.js';
import { readHeader } from './headers.js';
import { hasOwn } from './json.js';
import { located } from './locate.js';

/**
 * The policy of an HTTP status: the catalog's for the status, else its default by status, class
 * or `default`, else errcat's: never for 4xx, backoff for 5xx.
 */
export function policyForStatus(tables: ErrorTables, status: number): RetryPolicy {
  const key = String(status);
  const own = hasOwn(tables.statuses, key) ? tables.statuses[key] : undefined;
  if (own !== undefined) return own.retry;
  for (const name of [key, `${Math.floor(status / 100)}xx`, 'default']) {
    const policy = hasOwn(tables.retryDefaults, name) ? tables.retryDefaults[name] : undefined;
    if (policy !== undefined) return policy;
  }
  return status >= 500 ? tables.defaultBackoff : { strategy: 'never' };
}

/**
 * The policy as the response's should-retry header overrides it: `false` means never; `true` under a
 * never policy, errcat's default backoff.
 */
export function overriddenPolicy(
  policy: RetryPolicy,
  headers: HeadersLike | undefined,
  defaultBackoff: BackoffPolicy,
): RetryPolicy {
  if (policy.shouldRetry === undefined) return policy;
  const told = readHeader(headers, policy.shouldRetry.header)?.trim().toLowerCase();
  if (told === 'false') return { strategy: 'never' };
  if (told === 'true' && policy.strategy === 'never') return defaultBackoff;
  return policy;
}

/** Whether another attempt may follow attempt number `attempt` (1 for the first request). */
export function attemptsLeft(policy: RetryPolicy, attempt: number): boolean {
  return policy.strategy !== 'never' && attempt >= 1 && attempt < policy.maxAttempts;
}

/**
 * How long to wait before retrying after attempt number `attempt` failed, in milliseconds;
 * undefined when the policy (as the should-retry header overrides it) says not to retry.
 */
export function delayMs(
  defaultBackoff: BackoffPolicy,
  error: { readonly retry: RetryPolicy; readonly error?: unknown },
  attempt: number,
  headers: HeadersLike | undefined,
  options: RetryOptions,
): number | undefined {
  const policy = overriddenPolicy(error.retry, headers, defaultBackoff);
  if (!attemptsLeft(policy, attempt)) return undefined;
  const random = options.random ?? Math.random;
  if (policy.strategy === 'retry-after')
    return (
      hintedDelayMs(policy.hints, error.error, headers, options.now ?? Date.now) ??
      backoffMs(policy.fallback, attempt, random)
    );
  return policy.strategy === 'backoff' ? backoffMs(policy, attempt, random) : undefined;
}

/**
 * `baseDelayMs * factor^(attempt - 1)`, capped, with `full` (random in [0, d]) or `equal` (d/2 +
 * random in [0, d/2]) jitter.
 */
export function backoffMs(policy: BackoffPolicy, attempt: number, random: () => number): number {
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * Math.pow(policy.factor, Math.max(0, attempt - 1)));
  if (policy.jitter === 'full') return Math.round(random() * delay);
  if (policy.jitter === 'equal') return Math.round(delay / 2 + (random() * delay) / 2);
  return delay;
}

/** The delay the first hint that applies, is present and is readable gives. */
export function hintedDelayMs(
  hints: readonly RetryHint[],
  error: unknown,
  headers: HeadersLike | undefined,
  now: () => number,
): number | undefined {
  for (const hint of hints) {
    if (hint.when !== undefined && !anyHolds(hint.when, error, headers)) continue;
    const delay = hintMs(located(hint, error, headers), hint.format, now);
    if (delay !== undefined) return delay;
  }
  return undefined;
}

/** A hint's value as a delay in whole milliseconds (rounded up), or undefined when it is not readable in its format. */
export function hintMs(value: unknown, format: HintFormat, now: () => number): number | undefined {
  const wait = (ms: number | undefined) => (ms === undefined ? undefined : Math.ceil(Math.max(0, ms)));
  const number = nonNegative(value);
  switch (format) {
    case 'delay':
      return wait(number === undefined ? dateMs(value, now) : number * 1000);
    case 'seconds':
      return wait(number === undefined ? undefined : number * 1000);
    case 'milliseconds':
      return wait(number);
    case 'http-date':
      return wait(dateMs(value, now));
    case 'epoch-seconds':
      return wait(number === undefined ? undefined : number * 1000 - now());
    case 'epoch-ms':
      return wait(number === undefined ? undefined : number - now());
    case 'duration':
      return wait(durationMs(value));
  }
}

/** A non-negative finite number, given as a number or as decimal text. */
function nonNegative(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  return typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : undefined;
}

/** An HTTP-date (RFC 9110, in GMT) as the milliseconds from now until then. */
function dateMs(value: unknown, now: () => number): number | undefined {
  if (typeof value !== 'string' || !/GMT$/.test(value.trim())) return undefined;
  const date = Date.parse(value.trim());
  return Number.isNaN(date) ? undefined : date - now();
}

/** Milliseconds per unit of a duration string. */
const DURATION_UNITS: Readonly<Record<string, number>> = {
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
  us: 0.001,
  µs: 0.001,
  ns: 0.000001,
};

/** A duration string (`21s`, `1.5s`, `500ms`, `2m`, `1h30m`) in milliseconds. */
function durationMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!/^(\d+(\.\d+)?(h|ms|m|s|us|µs|ns))+$/u.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/gu))
    total += Number(amount) * (DURATION_UNITS[unit ?? ''] ?? 0);
  return total;
}
