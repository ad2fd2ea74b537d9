import { createRequire } from 'node:module';
import fc from 'fast-check';
import type { InterfaceDeclarationStructure } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { interfaceText } from '../../../src/emit/typescript/interface-text.js';
import { docTexts, jsDoc } from '../../../src/emit/typescript/jsdoc.js';
import { printStatements } from '../../../src/emit/typescript/ts-morph.js';

const { printStructure, StructureKind } = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');

/** How ts-morph itself prints a file of these statements: the judge of the text layout. */
const byTsMorph = (statements: (InterfaceDeclarationStructure | string)[]) =>
  printStructure({ kind: StructureKind.SourceFile, statements }, { indentNumberOfSpaces: 2, newLine: '\n', useSingleQuote: false });

const doc = fc.oneof(
  fc.constantFrom('', 'one line', 'two\nlines', 'trailing space ', '\nleading newline', 'a\n\nparagraph', 'x\r\ny'),
  fc.string({ maxLength: 30 }).map((text) => docTexts(jsDoc(text))[0] as string),
  fc.tuple(fc.string({ maxLength: 20 }), fc.webUrl()).map(([text, url]) => docTexts(jsDoc(text, [['see', url], ['deprecated', '']]))[0] as string),
);
const name = fc.constantFrom('code', 'message', '"quoted-key"', '"__proto__"', '$ref', 'a_b');
const type = fc.constantFrom('string', '"literal"', 'string | null', '{ a: string; b?: number }', 'Array<Link>', '422');
const property = fc.record({ name, type, hasQuestionToken: fc.boolean(), docs: fc.option(fc.array(doc, { maxLength: 2 }), { nil: undefined }) }, { requiredKeys: ['name', 'type'] });
const anInterface: fc.Arbitrary<InterfaceDeclarationStructure> = fc.record({
  name: fc.constantFrom('ErrorNumber5', 'Link'),
  isExported: fc.boolean(),
  docs: fc.option(fc.array(doc, { maxLength: 2 }), { nil: undefined }),
  properties: fc.array(property, { maxLength: 4 }),
  indexSignatures: fc.array(fc.record({ keyName: fc.constant('key'), keyType: fc.constant('string'), returnType: type }), { maxLength: 1 }),
}).map((structure) => ({ kind: StructureKind.Interface, ...structure }) as InterfaceDeclarationStructure);
const other = fc.constantFrom('export type A = string;', 'const b = 1;', 'export function c(): void {\n}', '/** Doc. */\nexport const d = 2;');

describe('plain interfaces laid out as ts-morph lays them out', () => {
  it('prints each as ts-morph prints its structure, between other statements', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anInterface, other), { minLength: 1, maxLength: 5 }), (statements) => {
        expect(printStatements(statements)).toBe(byTsMorph(statements));
      }),
      { numRuns: 400 },
    );
  });

  it('leaves to ts-morph an interface it does not lay out: docs as structures, a multi-line type, methods', () => {
    const base: InterfaceDeclarationStructure = { kind: StructureKind.Interface, name: 'X', properties: [{ name: 'a', type: 'string' }] };
    expect(interfaceText(base)).toBe('interface X {\n  a: string;\n}');
    expect(interfaceText({ ...base, docs: jsDoc('structured') })).toBeUndefined();
    expect(interfaceText({ ...base, properties: [{ name: 'a', type: '{\n  b: string;\n}' }] })).toBeUndefined();
    expect(interfaceText({ ...base, methods: [{ name: 'm' }] })).toBeUndefined();
    expect(interfaceText({ ...base, extends: ['Y'] })).toBeUndefined();
  });
});
