import { isMapping } from '../merge/spec-data.js';
import { defineOwn } from '../model/own.js';
import type { RawConditions, RawEntry, RawHeader, RawRetryPolicy, RawStatus, RawStatusFacts } from '../normalize/raw.js';

/** An errcat catalog's retry defaults and the headers its policies read, read back from per-status policies. */

/** Retry defaults by class: the policy most of a class's statuses share, where errcat's own default does not already say it. */
export function retryDefaults(byStatus: ReadonlyMap<number, RawRetryPolicy>): Record<string, RawRetryPolicy> {
  const result: Record<string, RawRetryPolicy> = {};
  for (const klass of [4, 5]) {
    const policies = [...byStatus].filter(([s]) => Math.floor(s / 100) === klass).map(([, p]) => JSON.stringify(p));
    const counts = new Map<string, number>();
    for (const p of policies) counts.set(p, (counts.get(p) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if (!top) continue;
    const builtIn = JSON.stringify(klass === 4 ? 'never' : 'backoff');
    if (top[0] !== builtIn) result[`${klass}xx`] = JSON.parse(top[0]) as RawRetryPolicy;
  }
  for (const [status, policy] of byStatus) {
    if (JSON.stringify(policyFor(result, status)) !== JSON.stringify(policy)) result[String(status)] = policy;
  }
  return result;
}

/** The policy the catalog's defaults give a status: the status, its class, else errcat's own. */
export function policyFor(defaults: Readonly<Record<string, RawRetryPolicy>>, status: number): RawRetryPolicy {
  return defaults[String(status)] ?? defaults[`${Math.floor(status / 100)}xx`] ?? defaults['default'] ?? (status >= 500 ? 'backoff' : 'never');
}

/** Headers that retry policies and conditions name must be declared; errcat's output says them only where they are sent. */
export function declareReferencedHeaders(headers: Record<string, RawHeader>, scopes: readonly (RawEntry | RawStatus)[], retry: Record<string, RawRetryPolicy>): void {
  const names = new Set<string>();
  const conditions = (c: RawConditions | undefined) => {
    for (const condition of c === undefined ? [] : Array.isArray(c) ? c : [c]) if (condition.header !== undefined) names.add(condition.header);
  };  const policy = (p: RawRetryPolicy | undefined) => {
    if (p === undefined || typeof p === 'string') return;
    if (p.shouldRetry) names.add(p.shouldRetry.header);
    if (p.strategy === 'retry-after') {
      if (p.header !== undefined) names.add(p.header);
      for (const hint of p.hints ?? []) {
        if (hint.header !== undefined) names.add(hint.header);
        conditions(hint.when);
      }
      if (p.header === undefined && p.field === undefined && p.hints === undefined) names.add('Retry-After');
    }
  };

  for (const p of Object.values(retry)) policy(p);
  for (const scope of scopes) {
    policy(scope.retry);
    if ('when' in scope) conditions(scope.when);
    if ('status' in scope && isMapping(scope.status)) {
      for (const facts of Object.values(scope.status as Record<string, RawStatusFacts>)) {
        policy(facts.retry);
        conditions(facts.when);
      }
    }
  }
  const declared = new Set(Object.keys(headers).map((h) => h.toLowerCase()));
  for (const name of names) if (!declared.has(name.toLowerCase())) defineOwn(headers, name, {});
}

