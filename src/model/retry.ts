import type { BackoffPolicy, JsonValue, RetryPolicy } from './catalog.js';

/** errcat's own policies, for a status that neither an entry nor the catalog's defaults cover. */
export const DEFAULT_BACKOFF: BackoffPolicy = { strategy: 'backoff', maxAttempts: 3, baseDelayMs: 1000, factor: 2, maxDelayMs: 30_000, jitter: 'full' };
export const NEVER: RetryPolicy = { strategy: 'never' };

/** The policy for a status: exact status, then class (`4xx`), then `default`, then errcat's own. */
export function policyForStatus(status: number, defaults: Readonly<Record<string, RetryPolicy>>): RetryPolicy {
  for (const key of [String(status), `${Math.floor(status / 100)}xx`, 'default']) {
    const policy = Object.hasOwn(defaults, key) ? defaults[key] : undefined;
    if (policy !== undefined) return policy;
  }
  return status >= 500 ? DEFAULT_BACKOFF : NEVER;
}

/**
 * A policy as plain data, the way every output carries it (`x-errcat-retry`, the generated
 * `RetryPolicy`): a retry-after source flattened to `header` or `field`.
 */
export function retryData(policy: RetryPolicy): JsonValue {
  switch (policy.strategy) {
    case 'never':
      return { strategy: 'never' };
    case 'backoff':
      return { ...policy };
    case 'retry-after':
      return { strategy: 'retry-after', ...policy.source, maxAttempts: policy.maxAttempts, fallback: { ...policy.fallback } };
  }
}

/** A policy in words, for JSDoc and the docs. */
export function describeRetry(policy: RetryPolicy): string {
  switch (policy.strategy) {
    case 'never':
      return 'never';
    case 'backoff':
      return `backoff, ${policy.maxAttempts} attempts, ${policy.baseDelayMs} ms ×${policy.factor} up to ${policy.maxDelayMs} ms, ${policy.jitter} jitter`;
    case 'retry-after':
      return `honour ${'header' in policy.source ? `the ${policy.source.header} header` : `the body field ${policy.source.field}`}, ${policy.maxAttempts} attempts, else backoff from ${policy.fallback.baseDelayMs} ms`;
  }
}
