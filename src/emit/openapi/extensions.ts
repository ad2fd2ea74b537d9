import type { Entry, StatusInfo } from '../../model/catalog.js';
import { retryData } from '../../model/retry.js';

/**
 * The `x-errcat-*` extensions: what OpenAPI cannot say natively. Their names are part of the
 * output contract (documented in the README); add, never rename.
 */
export function entryExtensions(entry: Entry): Record<string, unknown> {
  const x: Record<string, unknown> = {
    'x-errcat-code': entry.code,
    'x-errcat-statuses': [...entry.statuses],
  };
  if (entry.fix !== undefined) x['x-errcat-fix'] = entry.fix;
  x['x-errcat-retry'] = retryData(entry.retry);
  if (entry.headers.length > 0) x['x-errcat-headers'] = [...entry.headers];
  if (entry.tags.length > 0) x['x-errcat-tags'] = [...entry.tags];
  if (entry.since !== undefined) x['x-errcat-since'] = entry.since;
  if (entry.deprecated?.message !== undefined) x['x-errcat-deprecated'] = entry.deprecated.message;
  if (entry.deprecated?.replacedBy !== undefined) x['x-errcat-replaced-by'] = entry.deprecated.replacedBy;
  return x;
}

export function statusExtensions(info: StatusInfo): Record<string, unknown> {
  const x: Record<string, unknown> = { 'x-errcat-codes': [...info.codes] };
  if (info.fix !== undefined) x['x-errcat-fix'] = info.fix;
  x['x-errcat-retry'] = retryData(info.retry);
  return x;
}
