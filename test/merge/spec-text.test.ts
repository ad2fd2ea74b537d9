import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSpecText, encodeSpecText, isWellFormed, readableText } from '../../src/merge/spec-text.js';

describe('spec bytes as text and back', () => {
  it('loses no byte, whatever the bytes (property)', () => {
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.string({ unit: 'binary' }).map((s) => new TextEncoder().encode(s)));
    fc.assert(
      fc.property(bytes, fc.uint8Array({ maxLength: 8 }), fc.nat(), (valid, noise, at) => {
        const mixed = Buffer.concat([valid.subarray(0, at % (valid.length + 1)), noise, valid.subarray(at % (valid.length + 1))]);
        const text = decodeSpecText(mixed);
        expect(encodeSpecText(text).equals(mixed)).toBe(true);
        // Parsers read one U+FFFD per stray byte, so offsets are the same in both.
        expect(readableText(text).length).toBe(text.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('decodes valid UTF-8 as every decoder does, a byte-order mark included', () => {
    const bytes = Buffer.from('\uFEFFa: "é ✓ 😀"\r\n', 'utf8');
    expect(decodeSpecText(bytes)).toBe('\uFEFFa: "é ✓ 😀"\r\n');
    expect(isWellFormed(decodeSpecText(bytes))).toBe(true);
  });

  it('keeps Latin-1, a cut-off character, an encoded surrogate and an overlong form as their bytes', () => {
    const bytes = Buffer.from([0x23, 0x20, 0xe9, 0x74, 0xe9, 0x20, 0xe2, 0x82, 0x0a, 0xed, 0xa0, 0x80, 0xc0, 0xaf, 0x0a]);
    const text = decodeSpecText(bytes);
    expect(text.startsWith('# \uDCE9t\uDCE9 \uDCE2\uDC82\n')).toBe(true);
    expect(readableText(text)).toBe('# \uFFFDt\uFFFD \uFFFD\uFFFD\n\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\n');
    expect(encodeSpecText(text).equals(bytes)).toBe(true);
  });
});
