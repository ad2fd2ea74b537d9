import { createRequire } from 'node:module';
import type { JSDocStructure } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { docTexts, jsDoc } from '../../../src/emit/typescript/jsdoc.js';

const { printStructure, StructureKind } = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');

/** An interface with one documented property, printed by ts-morph with the given docs. */
const printed = (docs: (JSDocStructure | string)[]) =>
  printStructure({ kind: StructureKind.Interface, name: 'X', isExported: true, docs, properties: [{ name: 'a', type: 'string', docs }] }, { indentNumberOfSpaces: 2, newLine: '\n' });

describe('JSDoc handed to ts-morph as text', () => {
  it.each([
    ['a line', jsDoc('Error number 5')],
    ['paragraphs and tags', jsDoc('Title\n\nFix: do it.\n\nCode: `x` · level `code`', [['see', 'https://example.com/x'], ['deprecated', '']])],
    ['tags alone', jsDoc('', [['deprecated', ''], ['see', 'https://example.com/y']])],
    ['hostile text', jsDoc('*/ @x\n  indented\r\nline\u2028sep', [['see', '*/ @y']])],
    ['a long line, wrapped', jsDoc(`${'word '.repeat(60)}end`)],
  ])('is laid out exactly as the structure is: %s', (_, docs) => {
    expect(printed(docTexts(docs))).toBe(printed(docs));
  });
});
