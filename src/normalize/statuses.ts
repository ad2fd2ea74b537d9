import { STATUS_CODES } from 'node:http';
import type { Entry, Header, RetryPolicy, StatusInfo } from '../model/catalog.js';
import { resolveHeader } from './references.js';
import type { NormalizeContext } from './context.js';
import type { RawStatus } from './raw.js';
import { policyForStatus } from '../model/retry.js';
import { normalizeRetry } from './retry.js';

/** Every status the catalog uses — by its entries or declared on its own — in numeric order. */
export function normalizeStatuses(
  raw: Readonly<Record<string, RawStatus>>,
  entries: readonly Entry[],
  headers: readonly Header[],
  retryDefaults: Readonly<Record<string, RetryPolicy>>,
  ctx: NormalizeContext,
): StatusInfo[] {
  const numbers = new Set<number>(entries.flatMap((e) => e.statuses));
  for (const key of Object.keys(raw)) numbers.add(Number(key));
  return [...numbers]
    .sort((a, b) => a - b)
    .map((status) => {
      const declared = raw[String(status)];
      const path = ['statuses', String(status)];
      const codes = entries.filter((e) => e.statuses.includes(status)).map((e) => e.code);
      if (declared && (status < 400 || status > 599) && !declared.allowNonError) {
        ctx.reportKey('status-not-error', `${status} is not an error status (400–599); remove it, or set \`allowNonError: true\` if the API really answers it as an error.`, path);
      }
      const names = headers.filter((h) => h.everyError).map((h) => h.name);
      (declared?.headers ?? []).forEach((name, i) => {
        const header = resolveHeader(headers, name, ctx, [...path, 'headers', i]);
        if (header && !names.includes(header.name)) names.push(header.name);
      });
      const info: StatusInfo = {
        status,
        title: declared?.title ?? STATUS_CODES[status] ?? `HTTP ${status}`,
        codes,
        statusOnly: codes.length === 0,
        retry: declared?.retry !== undefined ? normalizeRetry(declared.retry, ctx, [...path, 'retry'], { headers, fieldNames: entries.filter((e) => e.statuses.includes(status)).flatMap((e) => e.fields.map((f) => f.name)) }) : policyForStatus(status, retryDefaults),
        headers: names,
      };
      if (declared?.description !== undefined) info.description = declared.description;
      if (declared?.fix !== undefined) info.fix = declared.fix;
      return info;
    });
}
