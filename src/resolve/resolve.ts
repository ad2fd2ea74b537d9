import type { Catalog, Entry } from '../model/catalog.js';
import type { NormalizeContext } from '../normalize/context.js';
import type { NormalizedCatalog } from '../normalize/normalize.js';
import { resolveExamples } from './examples.js';
import { resolveEntry, resolveStatuses } from './responses.js';

/**
 * The resolve phase: every entry × status becomes a response carrying its own title, retry
 * policy, headers, computed values and examples, each from the most specific scope that states
 * it; every status gets its own facts. Emitters read these and keep no fallbacks of their own.
 *
 * Examples are checked against schemas built from the resolved model, so only a catalog without
 * errors gets them checked: a warning alone never drops them.
 */
export function resolveCatalog(normalized: NormalizedCatalog, ctx: NormalizeContext): Catalog {
  const statuses = resolveStatuses(normalized);
  const entries = normalized.entries.map((draft) => resolveEntry(normalized, draft, statuses));
  checkRetryHeaders(normalized, entries, ctx);
  const catalog: Catalog = { ...normalized, entries, statuses: statuses.map((s) => ({ ...s, examples: [] })) };
  if (ctx.diagnostics.some((d) => d.severity === 'error')) return catalog;
  return resolveExamples(catalog, normalized.entries, ctx);
}

/**
 * A 5xx that sends `Retry-After` while its policy never reads it is almost always a policy the
 * author meant to be `retry-after`: say so once, where the header is listed.
 */
function checkRetryHeaders(catalog: NormalizedCatalog, entries: readonly Entry[], ctx: NormalizeContext): void {
  const reported = new Set<string>();
  const statusFacts = new Map(catalog.statuses.map((s) => [s.status, s.facts]));
  entries.forEach((entry, i) => {
    const draft = catalog.entries[i];
    for (const response of entry.responses) {
      const { status, retry } = response;
      if (status < 500 || !draft) continue;
      const read = retry.strategy === 'retry-after' && retry.hints.some((h) => h.at.source === 'header' && h.at.header.toLowerCase() === 'retry-after');
      const scope = [draft.perStatus.get(status), draft.facts, statusFacts.get(status)].find((f) => f?.headers.some((h) => h.toLowerCase() === 'retry-after'));
      if (read || !scope) continue;
      const index = scope.headers.findIndex((h) => h.toLowerCase() === 'retry-after');
      const path = [...scope.path, 'headers', index];
      if (reported.has(JSON.stringify(path))) continue;
      reported.add(JSON.stringify(path));
      ctx.report('ignored-retry-header', `HTTP ${status} sends \`${scope.headers[index]}\`, but its retry policy (${retry.strategy}) never reads it; use \`strategy: retry-after\` to honour it, or drop the header here.`, path);
    }
  });
}
