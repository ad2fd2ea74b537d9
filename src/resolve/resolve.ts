import type { Catalog } from '../model/catalog.js';
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
  const catalog: Catalog = { ...normalized, entries, statuses: statuses.map((s) => ({ ...s, examples: [] })) };
  if (ctx.diagnostics.some((d) => d.severity === 'error')) return catalog;
  return resolveExamples(catalog, normalized.entries, ctx);
}
