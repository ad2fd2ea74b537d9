import type { HeadersLike, ResponseLike, RetryLoopOptions } from './contract.js';
import { own } from './json.js';

/** A response's body, read once: JSON when it parses, else its text; an empty body is undefined. */
export async function readBody(response: ResponseLike): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Response headers as a plain record, names in lower case (for `toJSON`). */
export function headerRecord(headers: HeadersLike): Record<string, string> {
  const record: Record<string, string> = {};
  const each = (headers as { forEach?: unknown }).forEach;
  if (typeof each === 'function' && typeof (headers as { get?: unknown }).get === 'function') {
    (headers as unknown as { forEach(callback: (value: string, name: string) => void): void }).forEach((value, name) => {
      record[name.toLowerCase()] = value;
    });
    return record;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') record[name.toLowerCase()] = value;
    else if (Array.isArray(value)) record[name.toLowerCase()] = value.join(', ');
  }
  return record;
}

/** An error's message: the error object's own message, else its status (and code). */
export function messageOf(messageField: string | undefined, status: number, code: unknown, error: unknown): string {
  const said = messageField === undefined ? undefined : own(error, messageField);
  const where = code === undefined ? `HTTP ${status}` : `${String(code)} (HTTP ${status})`;
  return typeof said === 'string' && said !== '' ? `${where}: ${said}` : where;
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      signal?.removeEventListener('abort', abort);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/**
 * Calls `fn` until it resolves, or until an error it throws should not be retried: `delayFor`
 * says how long to wait after attempt number `attempt` (undefined: do not retry), and the
 * options bound the attempts, each wait and the waits in all.
 */
export async function retryLoop<T>(
  fn: (attempt: number, signal?: AbortSignal) => Promise<T>,
  delayFor: (error: unknown, attempt: number) => number | undefined,
  options: RetryLoopOptions,
): Promise<T> {
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) throw options.signal.reason;
    try {
      return await fn(attempt, options.signal);
    } catch (error) {
      if (options.maxAttempts !== undefined && attempt >= options.maxAttempts) throw error;
      const delay = delayFor(error, attempt);
      if (delay === undefined) throw error;
      if (options.maxDelayMs !== undefined && delay > options.maxDelayMs) throw error;
      if (options.maxTotalDelayMs !== undefined && waited + delay > options.maxTotalDelayMs) throw error;
      waited += delay;
      options.onRetry?.(error, attempt, delay);
      await (options.sleep ?? sleep)(delay, options.signal);
    }
  }
}
