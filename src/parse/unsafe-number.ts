/**
 * A number JavaScript cannot hold as written: an integer past 2^53, or one too large for a double.
 * `source` is the number as the text writes it: `.inf` and `.nan` say what they mean; `1e400` does not.
 */
export function unsafeNumber(value: unknown, source: string): boolean {
  if (typeof value !== 'number') return false;
  if (Number.isFinite(value)) return Number.isInteger(value) && !Number.isSafeInteger(value);
  return /^[-+]?\d/.test(source);
}
