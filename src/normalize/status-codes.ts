import type { PathSegment } from '../model/catalog.js';
import type { NormalizeContext } from './context.js';

/** The IANA HTTP Status Code Registry (RFC 9110 and the RFCs it names), 1xx–5xx. */
const REGISTERED = new Set([
  100, 101, 102, 103, 104, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308, 400, 401, 402, 403, 404,
  405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504,
  505, 506, 507, 508, 510, 511,
]);

/**
 * A status must be an error status (400–599), a 2xx when the envelope marks errors sent under
 * success (`errorWhen`), or explicitly allowed. One no RFC registers is probably a typo, unless
 * the catalog confirms it by declaring it with a title (Google's 499 Client Closed Request);
 * `unregistered` says whether to warn here (once per status).
 */
export function checkStatus(status: number, allowNonError: boolean, errorsUnder2xx: boolean, ctx: NormalizeContext, path: readonly PathSegment[], owner: 'entry' | 'status', unregistered = true): void {
  const isError = status >= 400 && status <= 599;
  const success = status >= 200 && status <= 299;
  if (!isError && !allowNonError && !(success && errorsUnder2xx)) {
    const fix = owner === 'entry' ? `use the status the API really answers, or set \`allowNonError: true\` on the entry if it does answer ${status}` : 'remove it, or set `allowNonError: true` if the API really answers it as an error';
    const report = owner === 'entry' ? ctx.report.bind(ctx) : ctx.reportKey.bind(ctx);
    report('status-not-error', `${status} is not an error status (400–599); ${fix}.`, path);
    return;
  }
  if (unregistered && !REGISTERED.has(status)) {
    const report = owner === 'entry' ? ctx.report.bind(ctx) : ctx.reportKey.bind(ctx);
    report('unregistered-status', `No RFC registers the HTTP status ${status}; check it for a typo${status >= 400 && status < 500 ? ' (400, 409, 429 …?)' : ''}, or confirm it by declaring it under \`statuses\` with its \`title\`.`, path);
  }
}
