import type { BackoffPolicy, Header, PathSegment, RetryHint, RetryPolicy, ShouldRetry } from '../model/catalog.js';
import { DEFAULT_BACKOFF, NEVER } from '../model/retry.js';
import { didYouMean } from '../validate/suggest.js';
import type { NormalizeContext } from './context.js';
import { normalizeConditions } from './conditions.js';
import { normalizeLocator } from './locators.js';
import { resolveHeader } from './references.js';
import type { RawBackoff, RawHint, RawRetryPolicy } from './raw.js';

const BACKOFF_KEYS = ['maxAttempts', 'baseDelayMs', 'factor', 'maxDelayMs', 'jitter'] as const;

export interface RetryScope {
  headers: readonly Header[];
  /** Top-level body fields a hint may read: the shared ones and those of the entries in scope. */
  fieldNames: readonly string[];
}

export function normalizeRetry(raw: RawRetryPolicy, ctx: NormalizeContext, path: readonly PathSegment[], scope: RetryScope): RetryPolicy {
  const spec: Exclude<RawRetryPolicy, string> = typeof raw === 'string' ? { strategy: raw } : raw;
  const misplaced = (keys: readonly (keyof typeof spec)[]) => {
    for (const key of keys) {
      if (spec[key] !== undefined) {
        ctx.report('invalid-value', `\`${key}\` has no effect with \`strategy: ${spec.strategy}\`; remove it.`, [...path, key]);
      }
    }
  };
  const shouldRetry = spec.shouldRetry && shouldRetryHeader(spec.shouldRetry, ctx, [...path, 'shouldRetry'], scope);
  const withShouldRetry = <T extends RetryPolicy>(policy: T): T => (shouldRetry ? { ...policy, shouldRetry } : policy);
  switch (spec.strategy) {
    case 'never':
      misplaced([...BACKOFF_KEYS, 'header', 'field', 'hints', 'fallback']);
      return withShouldRetry({ ...NEVER });
    case 'backoff':
      misplaced(['header', 'field', 'hints', 'fallback']);
      return withShouldRetry(normalizeBackoff(spec, ctx, path));
    case 'retry-after': {
      misplaced(['baseDelayMs', 'factor', 'maxDelayMs', 'jitter']);
      const written = normalizeBackoff(spec.fallback ?? {}, ctx, [...path, 'fallback']);
      const maxAttempts = spec.maxAttempts ?? written.maxAttempts;
      // The fallback gives delays only; the policy's attempts are the attempts, whichever says how long.
      const fallback = { ...written, maxAttempts };
      if (spec.maxAttempts === 1) {
        ctx.report('retry-impossible', '`maxAttempts: 1` allows no retry at all; use `strategy: never`, or allow 2 or more attempts.', [...path, 'maxAttempts']);
      }
      const shorthand = (['header', 'field'] as const).filter((k) => spec[k] !== undefined);
      if (shorthand.length > 1 || (shorthand.length > 0 && spec.hints !== undefined)) {
        ctx.report('invalid-value', 'Give one of `header`, `field` or `hints`: the first two are shorthand for a single hint.', [...path, spec.hints !== undefined ? 'hints' : 'field']);
      }
      const rawHints: { hint: RawHint; at: readonly PathSegment[] }[] =
        spec.hints !== undefined
          ? spec.hints.map((hint, i) => ({ hint, at: [...path, 'hints', i] }))
          : spec.field !== undefined
            ? [{ hint: { field: spec.field }, at: path }]
            : [{ hint: { header: spec.header ?? 'Retry-After' }, at: path }];
      const hints = rawHints.map(({ hint, at }) => normalizeHint(hint, ctx, at, scope, spec.hints === undefined && spec.header === undefined && spec.field === undefined)).filter((h) => h !== undefined);
      return withShouldRetry({ strategy: 'retry-after', hints, maxAttempts, fallback });
    }
  }
}

function normalizeHint(raw: RawHint, ctx: NormalizeContext, path: readonly PathSegment[], scope: RetryScope, implicit: boolean): RetryHint | undefined {
  const at = normalizeLocator(raw, ctx, path);
  if (!at) return undefined;
  if (at.source === 'header') {
    // The default `Retry-After` is reported at the policy itself, since nothing names it there.
    resolveHeader(scope.headers, at.header, ctx, implicit ? path : [...path, 'header']);
    return { at, format: raw.format ?? 'delay', when: normalizeConditions(raw.when, ctx, [...path, 'when'], scope.headers) };
  }
  const head = (at.items?.path ?? (at.chain !== undefined ? [at.chain] : at.path))[0] ?? '';
  if (!scope.fieldNames.includes(head)) {
    const key = at.items ? 'in' : at.chain !== undefined ? 'chain' : 'field';
    ctx.report('unknown-field', `The body field \`${head}\` is not declared on this error.${didYouMean(head, scope.fieldNames)} Declare it under \`fields\`.`, [...path, key]);
  }
  return { at, format: raw.format ?? 'seconds', when: normalizeConditions(raw.when, ctx, [...path, 'when'], scope.headers) };
}

function shouldRetryHeader(raw: { header: string }, ctx: NormalizeContext, path: readonly PathSegment[], scope: RetryScope): ShouldRetry | undefined {
  const header = resolveHeader(scope.headers, raw.header, ctx, [...path, 'header']);
  return header ? { header: header.name } : undefined;
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
