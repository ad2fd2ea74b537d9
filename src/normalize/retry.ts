import type { BackoffPolicy, Header, RetryPolicy } from '../model/catalog.js';
import { DEFAULT_BACKOFF, NEVER } from '../model/retry.js';
import type { PathSegment } from '../parse/source-document.js';
import { didYouMean } from '../validate/suggest.js';
import type { NormalizeContext } from './context.js';
import { resolveHeader } from './references.js';
import type { RawBackoff, RawRetry } from './raw.js';


const BACKOFF_KEYS = ['maxAttempts', 'baseDelayMs', 'factor', 'maxDelayMs', 'jitter'] as const;

export interface RetryScope {
  headers: readonly Header[];
  /** Body fields a `retry-after` policy may read. */
  fieldNames: readonly string[];
}

export function normalizeRetry(raw: RawRetry, ctx: NormalizeContext, path: readonly PathSegment[], scope: RetryScope): RetryPolicy {
  const spec: Exclude<RawRetry, string> = typeof raw === 'string' ? { strategy: raw } : raw;
  const misplaced = (keys: readonly (keyof typeof spec)[]) => {
    for (const key of keys) {
      if (spec[key] !== undefined) {
        ctx.report('invalid-value', `\`${key}\` has no effect with \`strategy: ${spec.strategy}\`; remove it.`, [...path, key]);
      }
    }
  };
  switch (spec.strategy) {
    case 'never':
      misplaced([...BACKOFF_KEYS, 'header', 'field', 'fallback']);
      return NEVER;
    case 'backoff':
      misplaced(['header', 'field', 'fallback']);
      return normalizeBackoff(spec, ctx, path);
    case 'retry-after': {
      misplaced(['baseDelayMs', 'factor', 'maxDelayMs', 'jitter']);
      const fallback = normalizeBackoff(spec.fallback ?? {}, ctx, [...path, 'fallback']);
      const maxAttempts = spec.maxAttempts ?? fallback.maxAttempts;
      if (spec.maxAttempts === 1) {
        ctx.report('retry-impossible', '`maxAttempts: 1` allows no retry at all; use `strategy: never`, or allow 2 or more attempts.', [...path, 'maxAttempts']);
      }
      if (spec.header !== undefined && spec.field !== undefined) {
        ctx.report('invalid-value', 'Give `header` or `field`, not both: the delay comes from one place.', [...path, 'field']);
      }
      if (spec.field !== undefined) {
        if (!scope.fieldNames.includes(spec.field)) {
          ctx.report('unknown-field', `The body field \`${spec.field}\` is not declared on this error.${didYouMean(spec.field, scope.fieldNames)} Declare it under \`fields\`.`, [...path, 'field']);
        }
        return { strategy: 'retry-after', source: { field: spec.field }, maxAttempts, fallback };
      }
      const header = spec.header ?? 'Retry-After';
      resolveHeader(scope.headers, header, ctx, spec.header === undefined ? path : [...path, 'header']);
      return { strategy: 'retry-after', source: { header }, maxAttempts, fallback };
    }
  }
}

function normalizeBackoff(raw: RawBackoff, ctx: NormalizeContext, path: readonly PathSegment[]): BackoffPolicy {
  const policy: BackoffPolicy = {
    strategy: 'backoff',
    maxAttempts: raw.maxAttempts ?? DEFAULT_BACKOFF.maxAttempts,
    baseDelayMs: raw.baseDelayMs ?? DEFAULT_BACKOFF.baseDelayMs,
    factor: raw.factor ?? DEFAULT_BACKOFF.factor,
    maxDelayMs: raw.maxDelayMs ?? Math.max(DEFAULT_BACKOFF.maxDelayMs, raw.baseDelayMs ?? 0),
    jitter: raw.jitter ?? DEFAULT_BACKOFF.jitter,
  };
  if (policy.maxDelayMs < policy.baseDelayMs) {
    ctx.report('retry-impossible', `\`maxDelayMs\` (${policy.maxDelayMs}) is below \`baseDelayMs\` (${policy.baseDelayMs}), so no delay can follow the policy; raise \`maxDelayMs\` or lower \`baseDelayMs\`.`, [...path, raw.maxDelayMs === undefined ? 'baseDelayMs' : 'maxDelayMs']);
  }
  if (raw.maxAttempts === 1) {
    ctx.report('retry-impossible', '`maxAttempts: 1` allows no retry at all; use `strategy: never`, or allow 2 or more attempts.', [...path, 'maxAttempts']);
  }
  if (policy.baseDelayMs === 0 && policy.factor > 1 && raw.factor !== undefined) {
    ctx.report('retry-impossible', `A \`factor\` of ${policy.factor} over a \`baseDelayMs\` of 0 always gives 0; set a base delay above 0.`, [...path, 'factor']);
  }
  return policy;
}
