import type { BackoffPolicy, JsonValue, NeverPolicy, Origin, RetryHint, RetryPolicy } from './catalog.js';
import { conditionData, describeCondition } from './conditions.js';
import { describeLocator, locatorData } from './locators.js';

/** errcat's own policies, for a status that neither an entry nor the catalog's defaults cover. */
export const DEFAULT_BACKOFF: BackoffPolicy = { strategy: 'backoff', maxAttempts: 3, baseDelayMs: 1000, factor: 2, maxDelayMs: 30_000, jitter: 'full' };
export const NEVER: NeverPolicy = { strategy: 'never' };

/** The default policy for a status: exact status, then class (`4xx`), then `default`, then errcat's own; with where it came from. */
export function policyForStatus(status: number, defaults: Readonly<Record<string, RetryPolicy>>): { policy: RetryPolicy; origin: Origin } {
  for (const key of [String(status), `${Math.floor(status / 100)}xx`, 'default']) {
    const policy = Object.hasOwn(defaults, key) ? defaults[key] : undefined;
    if (policy !== undefined) return { policy, origin: { path: ['retry', key] } };
  }
  return status >= 500 ? { policy: DEFAULT_BACKOFF, origin: { default: 'backoff for 5xx' } } : { policy: NEVER, origin: { default: 'never for 4xx' } };
}

/** A hint as plain data: its locator's data (`{ header }` or `{ field | in+where | chain }`, with its pattern), its format and its conditions. */
export function hintData(hint: RetryHint): JsonValue {
  const data: Record<string, JsonValue> = { ...locatorData(hint.at), format: hint.format };
  if (hint.when.length > 0) data['when'] = hint.when.map(conditionData);
  return data;
}

/**
 * A policy as plain data, the way every output carries it (`x-errcat-retry`, the generated
 * `RetryPolicy`): hints as the catalog writes them.
 */
export function retryData(policy: RetryPolicy): JsonValue {
  const shouldRetry = policy.shouldRetry ? { shouldRetry: { header: policy.shouldRetry.header } } : {};
  switch (policy.strategy) {
    case 'never':
      return { strategy: 'never', ...shouldRetry };
    case 'backoff': {
      const { strategy, maxAttempts, baseDelayMs, factor, maxDelayMs, jitter } = policy;
      return { strategy, maxAttempts, baseDelayMs, factor, maxDelayMs, jitter, ...shouldRetry };
    }
    case 'retry-after':
      return { strategy: 'retry-after', hints: policy.hints.map(hintData), maxAttempts: policy.maxAttempts, fallback: retryData(policy.fallback), ...shouldRetry };
  }
}

const FORMAT_WORDS: Record<RetryHint['format'], string> = {
  delay: 'seconds or an HTTP-date',
  seconds: 'seconds',
  milliseconds: 'milliseconds',
  'http-date': 'an HTTP-date',
  'epoch-seconds': 'epoch seconds',
  'epoch-ms': 'epoch milliseconds',
  duration: 'a duration',
};

/** A policy in words, for JSDoc and the docs. */
export function describeRetry(policy: RetryPolicy): string {
  const override = policy.shouldRetry ? `; the ${policy.shouldRetry.header} header overrides` : '';
  switch (policy.strategy) {
    case 'never':
      return `never${override}`;
    case 'backoff':
      return `backoff, ${policy.maxAttempts} attempts, ${policy.baseDelayMs} ms ×${policy.factor} up to ${policy.maxDelayMs} ms, ${policy.jitter} jitter${override}`;
    case 'retry-after': {
      const hints = policy.hints.map((h) => `${h.at.source === 'header' ? `the ${h.at.header} header` : `the body field ${describeLocator(h.at)}`} (${FORMAT_WORDS[h.format]}${h.when.length > 0 ? `, when ${h.when.map(describeCondition).join(' or ')}` : ''})`);
      return `honour ${hints.join(', else ')}, ${policy.maxAttempts} attempts, else backoff from ${policy.fallback.baseDelayMs} ms${override}`;
    }
  }
}
