import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/emit/openapi/index.js';
import { YAML_OPTIONS } from '../../src/write/yaml-scalars.js';
import { yamlText } from '../../src/write/yaml-text.js';
import { ALL_CATALOGS, mustLoad } from '../helpers.js';

const byYaml = (value: unknown) => stringify(value, YAML_OPTIONS);

/** Pieces that decide how YAML writes a string: indicators, quotes, comments, markers, breaks, look-alikes. */
const PIECES = [
  'a', 'word', ' ', '  ', ':', ': ', ' :', '#', ' #', '# ', '-', '- ', '?', '? ', '!', '&', '*', '|', '>', '%', '@', '`', ',', '[', ']', '{', '}',
  "'", '"', "''", '\\', '\\n', '\n', '\n\n', ' \n', '\n ', '\t', '\r', '\x00', '\x07', '\x1b', '\x7f', '\x85', '\u00a0', '\u2028', '\ud800', '\udfff',
  '---', '...', '--- ', 'é', 'ü', '✓', '😀', '中文', 'yes', 'no', 'on', 'off', 'true', 'True', 'FALSE', 'null', 'Null', '~', 'NaN', '.nan', '.inf', '-.Inf',
  '0', '7', '-1', '+1', '1.5', '.5', '1.', '1e3', '1E-3', '0x1F', '0o17', '017', '1_000', '2024-01-01', '12:30', '0b101', 'x'.repeat(60), '$ref', '#/components/schemas/A',
];

const pieced = fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 6 }).map((parts) => parts.join(''));
const strings = fc.oneof({ weight: 4, arbitrary: pieced }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
const scalars = fc.oneof(strings, fc.double(), fc.integer(), fc.boolean(), fc.constant(null));

const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalars,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(strings, fc.oneof(tie('tree'), fc.constant(undefined)), { maxKeys: 4 }),
  ),
}));
const documents = fc.oneof(fc.dictionary(strings, tree, { maxKeys: 5 }), fc.array(tree, { maxLength: 4 }));

describe('yamlText writes what yaml writes', () => {
  it('for random documents of awkward strings, numbers and nesting', () => {
    fc.assert(
      fc.property(documents, (document) => {
        expect(yamlText(document)).toBe(byYaml(document));
      }),
      { numRuns: 3000, seed: 14 },
    );
  });

  it('for every string piece as a key and a value, at the root and deeper, in mappings and sequences', () => {
    const all = [...PIECES, ...PIECES.flatMap((a) => PIECES.map((b) => a + b))];
    for (const s of all) {
      const document = { [s]: s, k: { [s]: [s, { [s]: s }, [s]] } };
      expect(yamlText(document)).toBe(byYaml(document));
    }
  });

  it('for long keys (written explicit past 1,024 characters), empty collections and undefined', () => {
    const long = 'k'.repeat(1025);
    const document = { [long]: { a: 1 }, [`${long}\n`]: 'x', b: [long, { [long]: null }], c: {}, d: [], e: { u: undefined }, f: [undefined, [], {}], g: undefined, h: 'line\n'.repeat(3) };
    expect(yamlText(document)).toBe(byYaml(document));
  });

  it('for the OpenAPI documents of every bundled catalog (each in one version; generated/ holds the seeds in 3.1)', async () => {
    for (const [i, file] of ALL_CATALOGS.entries()) {
      const catalog = await mustLoad(file);
      const version = (['3.1', '3.0', '2.0'] as const)[i % 3];
      const document = openApiDocument(catalog, version, { speakeasy: i % 2 === 0 });
      expect(yamlText(document), `${file} ${version}`).toBe(byYaml(document));
    }
  });

  it('for a document many times longer than the 64 KB stretches it is written in, after a comment', () => {
    const items = Array.from({ length: 4000 }, (_, i) => ({ code: `code_${i}`, says: `line ${i}\n✓ ${'x'.repeat(i % 90)}`, nested: { list: [i, { deep: i % 3 === 0 ? {} : [String(i)] }] } }));
    const document = { items, after: { end: true } };
    const text = yamlText(document, '# made by a test\n');
    expect(text.length).toBeGreaterThan(8 * 65_536);
    expect(text).toBe(`# made by a test\n${byYaml(document)}`);
  });

  it('leaves what is not JSON to yaml', () => {
    const document = { when: new Date(0), map: new Map([['a', 1]]) };
    expect(yamlText(document)).toBe(byYaml(document));
    expect(yamlText('top')).toBe(byYaml('top'));
    expect(yamlText(document, '# c\n')).toBe(`# c\n${byYaml(document)}`);
  });
});
