import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/parse/limits.js';
import { plainYamlData } from '../../src/parse/plain-yaml.js';
import { keysAndNumbers } from '../../src/validate/keys-and-numbers.js';
import { ROOT, SPEC_CATALOGS } from '../helpers.js';
import { styledYaml } from '../merge/yaml-arbitraries.js';

const LIMITS = DEFAULT_LIMITS.catalog;
const DEPTH = LIMITS.maxDepth;

/**
 * What the fast reader must never do: give data for a text that the `yaml` package reads with an
 * error, reads as other data, or reads with a key or number the catalog checks report. Returns
 * the broken promise, or undefined when the fast reader kept it (also when it left the text to
 * the `yaml` package).
 */
function brokenPromise(text: string): string | undefined {
  const plain = plainYamlData(text, LIMITS);
  if (plain === undefined) return undefined;
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true });
  if (document.errors.length > 0) return `yaml reports ${document.errors[0]?.code}`;
  const reported = keysAndNumbers({ file: 'x.yaml', text, document, lineCounter });
  if (reported.length > 0) return `the checks report ${reported[0]?.code}`;
  if (!isDeepStrictEqual(plain, document.toJS({ maxAliasCount: -1 }))) return 'other data';
  const keys = new Set<string>();
  for (const pair of (document.contents as { items?: { key: { value?: unknown } }[] } | null)?.items ?? []) {
    const key = String(pair.key.value);
    if (keys.has(key)) return 'a repeated key';
    keys.add(key);
  }
  return undefined;
}

const yamlFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));

const CORPUS = [...SPEC_CATALOGS.map((file) => join(ROOT, file)), ...yamlFiles('test/fixtures'), ...yamlFiles('generated')].sort();

describe('reading a catalog without a yaml Document', () => {
  it('reads every bundled catalog the fast way', () => {
    for (const file of SPEC_CATALOGS) expect(plainYamlData(readFileSync(join(ROOT, file), 'utf8'), LIMITS), file).toBeDefined();
  });

  it.each(CORPUS.map((file) => [file.slice(ROOT.length + 1), file]))('gives what the yaml package gives, or leaves it to it: %s', (_, file) => {
    expect(brokenPromise(readFileSync(file, 'utf8'))).toBeUndefined();
  });

  it.each([
    'a: "x\ty"\n',
    "a: 'multi\n  line'\n",
    'a:\n- 1\n- 2\n',
    'a: |2\n   x\n',
    '? a\n: 1\n',
    '? |\n  k\n: 1\n',
    'a: [1, 2,]\n',
    'a: 1\n...\n',
    '--- \na: 1\n',
    'a: "\\x41"\n',
    'a: "\\ud800"\n',
    'a: 0b101\n',
    'a: 1_000\n',
    'a: +.inf\n',
    'a:\tb\n',
    'a: [b\n  , c]\n',
    '{ "a\nb": 1 }\n',
    '"a\nb": 1\n',
    'a\nb: 1\n',
    'a: { b\n: 1 }\n',
    'a: b\nc\n',
    'x: [a, b]: c\n',
    'a: @x\n',
    'a: x: y\n',
    '\ta: 1\n',
    '!!map\na: 1\n',
  ])('gives what the yaml package gives, or leaves it to it: %j', (text) => {
    expect(brokenPromise(text)).toBeUndefined();
  });

  it('reads anchors and aliases as the yaml package does: the alias shares its anchor\'s data', () => {
    const data = plainYamlData('a: &x { b: 1 }\nc: *x\n', LIMITS);
    expect(data).toEqual({ a: { b: 1 }, c: { b: 1 } });
    expect(data?.['c']).toBe(data?.['a']);
  });

  it.each([
    ['an alias as a key', 'a: &x b\n*x : 1\n'],
    ['a key past 1,024 characters', `${'k'.repeat(1100)}: 1\n`],
    ['a null key after an alias', 'a: &x 1\nb: *x\nnull: 2\n'],
    ['a null key after an alias in a list', 'a: &x 1\nb: [*x, { null: 2 }]\n'],
    ['an alias of no anchor', 'a: *x\n'],
    ['aliases past the limit', `a: &a [${'x, '.repeat(1000)}x]\nb: &b [${'*a, '.repeat(1000)}*a]\nc: [${'*b, '.repeat(10)}*b]\n`],
    ['a null key', 'errors:\n  null: {}\n'],
    ['an empty key', 'errors:\n  : {}\n'],
    ['a number past a double', 'a: 1e400\n'],
    ['an integer past 2^53', 'a: 12345678901234567890\n'],
    ['an integer past 2^53 with an exponent', 'a: 1e16\n'],
    ['an integer past 2^53 with a fraction and an exponent', 'a: 12345678.9e9\n'],
    ['a hexadecimal integer past 2^53', 'a: 0xFFFFFFFFFFFFFF\n'],
    ['an integer past 2^53 as a key', '9007199254740993: a\n'],
    ['a YAML 1.1 directive', '%YAML 1.1\n---\na: yes\n'],
    ['a repeated key', 'a: 1\na: 2\n'],
    ['a tag', 'a: !!binary aGk=\n'],
    ['a collection as a key', '? [a]\n: 1\n'],
    ['a byte-order mark', '\uFEFFa: 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a list at the top', '- a\n'],
    ['an empty file', ''],
    ['a tab before an anchor at the top (found by the random breaking below)', '\t&a # note\nerrcat: 1\ninfo: x\n'],
    ['a tab in the indentation before an anchor', 'a:\n  \t&x b\n'],
    ['a tab after a dash before an anchor', 'a:\n  - \t&x 1\n'],
    ['a syntax error', 'a: [1, 2\n'],
    ['nesting past the limit', `a: ${'['.repeat(DEPTH + 1)}${']'.repeat(DEPTH + 1)}\n`],
  ])('leaves to the yaml package: %s', (_, text) => {
    expect(plainYamlData(text, LIMITS)).toBeUndefined();
  });

  it('gives what the yaml package gives for random documents in many styles', () => {
    fc.assert(fc.property(styledYaml(), (text) => brokenPromise(text) === undefined), { numRuns: 300 });
  });

  it('gives what the yaml package gives for mappings of anchors, aliases, null keys and long numbers', () => {
    const key = fc.constantFrom('a', 'b', 'c', 'd', 'null', '~', '"null"', "''", '12345678901234567890');
    const value = fc.constantFrom('*x', '*y', '[*x, 1]', '{ null: 1 }', '{ k: *y }', '- *x', '1e400', '1e16', '1e15', '0x1FFFFFFFFFFFFF', '0x20000000000000', '.inf', '2', '');
    // The anchors come first, so that most aliases name one.
    const text = fc.uniqueArray(fc.tuple(key, value, fc.boolean()), { minLength: 1, maxLength: 5, selector: ([k]) => k }).map(
      (pairs) => `anchors: [&x 1, &y { k: v }]\n${pairs.map(([k, v, nested]) => (nested ? `${k}:\n  ${k}: ${v}\n` : v.startsWith('- ') ? `${k}:\n  ${v}\n` : `${k}: ${v}\n`)).join('')}`,
    );
    fc.assert(fc.property(text, (yaml) => brokenPromise(yaml) === undefined), { numRuns: 500 });
  });

  it('gives what the yaml package gives for a seed catalog broken at random', () => {
    const seed = readFileSync(join(ROOT, 'specs/sandbox/errors.yaml'), 'utf8');
    const edit = fc.record({ at: fc.nat({ max: seed.length }), cut: fc.nat({ max: 3 }), insert: fc.string({ unit: fc.constantFrom(':', ' ', '\t', '"', "'", '\n', '- ', '[', '{', '}', ',', '#', '&a ', '*a', '!', '|', '>', '?', '%', '@', '`', '\\', 'null', '~', '1e999', '0x', 'x: *a\n', '&a '), maxLength: 3 }) });
    const broken = fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => edits.reduce((text, { at, cut, insert }) => text.slice(0, at) + insert + text.slice(at + cut), seed));
    fc.assert(fc.property(broken, (text) => brokenPromise(text) === undefined), { numRuns: 400 });
  });
});
