import type { Envelope, Field, Header } from '../model/catalog.js';
import type { NormalizeContext } from './context.js';
import type { EntryDraft, Facts, StatusDraft } from './drafts.js';
import { resolveHeader } from './references.js';
import type { RawStatus } from './raw.js';
import { normalizeRetry } from './retry.js';
import { checkStatus } from './status-codes.js';

/** Every status the catalog uses — by its entries or declared on its own — in numeric order. */
export function normalizeStatuses(
  raw: Readonly<Record<string, RawStatus>>,
  entries: readonly EntryDraft[],
  scope: { envelope: Envelope; fields: readonly Field[]; headers: readonly Header[] },
  ctx: NormalizeContext,
): StatusDraft[] {
  const numbers = new Set<number>(entries.flatMap((d) => d.entry.statuses));
  for (const key of Object.keys(raw)) numbers.add(Number(key));
  return [...numbers]
    .sort((a, b) => a - b)
    .map((status) => {
      const declared = raw[String(status)];
      if (!declared) return { status };
      const path = ['statuses', String(status)];
      // Entries using the status were warned about already; a title confirms it.
      const unused = !entries.some((d) => d.entry.statuses.includes(status));
      checkStatus(status, declared.allowNonError ?? false, scope.envelope.errorWhen !== undefined, ctx, path, 'status', unused && declared.title === undefined);
      // A status's policy may read any field its errors carry: the shared ones and their own.
      const fieldNames = [...scope.fields, ...entries.filter((d) => d.entry.statuses.includes(status)).flatMap((d) => d.entry.fields)].map((f) => f.name);
      const facts: Facts = {
        headers: (declared.headers ?? []).map((name, i) => resolveHeader(scope.headers, name, ctx, [...path, 'headers', i])?.name).filter((h) => h !== undefined),
        when: [],
        path,
      };
      if (declared.title !== undefined) facts.title = declared.title;
      if (declared.description !== undefined) facts.description = declared.description;
      if (declared.fix !== undefined) facts.fix = declared.fix;
      if (declared.retry !== undefined) facts.retry = normalizeRetry(declared.retry, ctx, [...path, 'retry'], { headers: scope.headers, fieldNames });
      return { status, facts };
    });
}
