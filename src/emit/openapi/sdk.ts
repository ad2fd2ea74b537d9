import type { BackoffPolicy, Catalog, RetryPolicy } from '../../model/catalog.js';
import { policyForStatus } from '../../model/retry.js';
import { entryOf } from '../../model/values.js';

/** Extensions for SDK generators, opt-in from the config. */
export interface SdkOptions {
  /** Speakeasy's `x-speakeasy-errors` and `x-speakeasy-retries`. */
  speakeasy?: boolean;
  /** Code enums open to codes added later. */
  extensibleCodes?: boolean;
}

/**
 * A code enum, open to codes added later when asked: the values move to `x-extensible-enum`
 * (as errcat writes extensible item codes), so that a validating SDK accepts a new code; with
 * Speakeasy, `enum` stays and `x-speakeasy-unknown-values: allow` makes it an open enum there.
 */
export function codeEnum(schema: Record<string, unknown>, sdk: SdkOptions): Record<string, unknown> {
  if (!sdk.extensibleCodes) return schema;
  const { enum: values, ...rest } = schema;
  if (sdk.speakeasy) return { ...schema, 'x-extensible-enum': values, 'x-speakeasy-unknown-values': 'allow' };
  return { ...rest, 'x-extensible-enum': values };
}

/** The backoff a policy falls to: its own, or a retry-after policy's fallback. */
const backoffOf = (policy: RetryPolicy): BackoffPolicy | undefined => (policy.strategy === 'backoff' ? policy : policy.strategy === 'retry-after' ? policy.fallback : undefined);

/**
 * `x-speakeasy-errors` for some statuses: Speakeasy raises each as an error (`statusCodes`
 * strings, as its docs ask).
 */
export function speakeasyErrors(statuses: readonly number[]): Record<string, unknown> {
  return { statusCodes: statuses.filter((s) => s >= 400).map(String) };
}

/**
 * `x-speakeasy-retries` from the catalog's policies at some statuses: the statuses any policy
 * retries, and the first one's backoff (Speakeasy has one per operation): `initialInterval` the
 * base delay, `maxInterval` the cap, `exponent` the factor, and `maxElapsedTime` the waits the
 * policy's attempts add up to, since Speakeasy bounds time, not attempts. Undefined when none
 * retries.
 */
export function speakeasyRetries(policies: readonly { status: number; retry: RetryPolicy }[]): Record<string, unknown> | undefined {
  const retried = policies.filter((p) => p.retry.strategy !== 'never');
  const first = retried.find((p) => backoffOf(p.retry) !== undefined)?.retry;
  const backoff = first && backoffOf(first);
  if (!first || first.strategy === 'never' || !backoff) return undefined;
  let elapsed = 0;
  for (let attempt = 1; attempt < first.maxAttempts; attempt++) elapsed += Math.min(backoff.maxDelayMs, backoff.baseDelayMs * backoff.factor ** (attempt - 1));
  return {
    strategy: 'backoff',
    backoff: { initialInterval: backoff.baseDelayMs, maxInterval: backoff.maxDelayMs, maxElapsedTime: elapsed, exponent: backoff.factor },
    statusCodes: retried.map((p) => String(p.status)),
    retryConnectionErrors: false,
  };
}

/** The policy at a status for some of its codes: the first code's there, else the status's own. */
export function policyAt(catalog: Catalog, status: number, codes: readonly (string | number)[]): RetryPolicy {
  for (const code of codes) {
    const response = entryOf(catalog, code)?.responses.find((r) => r.status === status);
    if (response) return response.retry;
  }
  return catalog.statuses.find((s) => s.status === status)?.retry ?? policyForStatus(status, catalog.retryDefaults).policy;
}
