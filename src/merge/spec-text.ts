/**
 * A spec's bytes as text and back, losing nothing: a byte-order mark stays in the text (U+FEFF),
 * and bytes that are not UTF-8 (a Latin-1 comment, a cut-off character) become lone surrogates
 * U+DC80–U+DCFF, as Python's `surrogateescape` does, and become the same bytes again when
 * written. Valid UTF-8 never decodes to a lone surrogate, so nothing else can be mistaken for one.
 */

// String.prototype.isWellFormed / toWellFormed: ES2024, in every Node errcat supports (20.19+).
type WellFormed = { isWellFormed(): boolean; toWellFormed(): string };

/** Whether a text has no lone surrogate, i.e. every byte of it came from valid UTF-8. */
export function isWellFormed(text: string): boolean {
  return (text as unknown as WellFormed).isWellFormed();
}

/** The text as parsers should read it: each lone surrogate becomes U+FFFD, one code unit for one, so offsets stay put. */
export function readableText(text: string): string {
  return (text as unknown as WellFormed).toWellFormed();
}

const ESCAPE_BASE = 0xdc00;

/** How many bytes a UTF-8 sequence starting with `lead` should have, 0 when `lead` cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Whether the bytes at `at` form one valid UTF-8 sequence of `length` bytes (no overlong forms, no surrogates, nothing past U+10FFFF). */
function validSequence(bytes: Uint8Array, at: number, length: number): boolean {
  if (at + length > bytes.length) return false;
  const lead = bytes[at] as number;
  for (let i = 1; i < length; i++) if (((bytes[at + i] as number) & 0xc0) !== 0x80) return false;
  const second = bytes[at + 1] as number;
  if (lead === 0xe0) return second >= 0xa0;
  if (lead === 0xed) return second < 0xa0;
  if (lead === 0xf0) return second >= 0x90;
  if (lead === 0xf4) return second < 0x90;
  return true;
}

/** Bytes as text, without losing any (see above). */
export function decodeSpecText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Not UTF-8 throughout: decode the valid runs, escape each stray byte.
  }
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const parts: string[] = [];
  let run = 0;
  let at = 0;
  while (at < bytes.length) {
    const length = sequenceLength(bytes[at] as number);
    if (length > 0 && validSequence(bytes, at, length)) {
      at += length;
      continue;
    }
    parts.push(decoder.decode(bytes.subarray(run, at)), String.fromCharCode(ESCAPE_BASE + (bytes[at] as number)));
    at++;
    run = at;
  }
  parts.push(decoder.decode(bytes.subarray(run)));
  return parts.join('');
}

/** Text as bytes: lone surrogates from `decodeSpecText` become their bytes again; anything else is UTF-8. */
export function encodeSpecText(text: string): Buffer {
  if (isWellFormed(text)) return Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  let run = 0;
  for (let at = 0; at < text.length; at++) {
    const unit = text.charCodeAt(at);
    if (unit >= 0xd800 && unit <= 0xdbff && at + 1 < text.length) {
      const next = text.charCodeAt(at + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        at++;
        continue;
      }
    }
    if (unit < 0xdc80 || unit > 0xdcff) continue;
    parts.push(Buffer.from(text.slice(run, at), 'utf8'), Buffer.from([unit - ESCAPE_BASE]));
    run = at + 1;
  }
  parts.push(Buffer.from(text.slice(run), 'utf8'));
  return Buffer.concat(parts);
}
