import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isMapping } from '../../src/merge/spec-data.js';
import { documentOutline } from '../../src/merge/yaml-document-outline.js';
import { readYamlEvents } from '../../src/merge/yaml-events.js';
import { ROOT } from '../helpers.js';
import { styledYaml } from './yaml-arbitraries.js';

/**
 * The event outline is judged against the `yaml` package's full Document: the same data, and
 * the same layout for every mapping of the file.
 */
function differences(text: string): string[] {
  const events = readYamlEvents(text);
  if (!events) return ['js-yaml did not read it'];
  if ('refused' in events) return [events.refused.message];
  const document = parseDocument(text, { uniqueKeys: false });
  const found: string[] = [];
  if (JSON.stringify(events.data) !== JSON.stringify(document.toJS({ maxAliasCount: -1 }))) found.push('data differs');
  const reference = documentOutline(text, document);
  const walk = (value: unknown, path: string[]) => {
    if (!isMapping(value)) return;
    const [mine, theirs] = [events.outline.mapping(path), reference.mapping(path)];
    if (JSON.stringify(mine) !== JSON.stringify(theirs)) found.push(`${JSON.stringify(path)}: ${JSON.stringify(mine)} ≠ ${JSON.stringify(theirs)}`);
    for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
  };
  walk(events.data, []);
  return found;
}

const specFiles = [
  ...readdirSync(join(ROOT, 'specs')).map((api) => `specs/${api}/openapi.yaml`),
  ...readdirSync(join(ROOT, 'generated')).flatMap((api) => [`generated/${api}/openapi.yaml`, `generated/${api}/openapi.merged.yaml`]),
];

const tricky: Record<string, string> = {
  'comments, blank lines and quoting': `# top
openapi: "3.0.3"   # version
'info':
  "title": x

  # before version
  version: '1'
paths: {}
`,
  'block scalars with trailing blank lines and # lines': `a:
  text: |
    line
    # not a comment

  folded: >-
    folded

    # still text
  kept: |+
    kept


b:
  c: 1
`,
  'flow mappings over several lines, with comments': `a: { x: 1,
  y: [1, 2] ,   # trailing
  z: { q: "}" } }
b: {}
c: [ { d: 1 } ]
`,
  'anchors, aliases and tags': `shared: &shared
  x: 1
uses: *shared
tagged: !!map
  y: 2
anchored: &a { z: 3 }
`,
  // (A null key is left out: js-yaml names it "null", yaml "".)
  'keys the schema resolves': `200: ok
0x1F: hex
true: yes
"404": quoted
`,
  'CRLF line endings': 'a:\r\n  b: 1\r\n  c:\r\n    d: 2\r\n',
  'explicit document start and end': '---\na:\n  b: 1\n...\n',
  'mappings inside sequences': `list:
  - a: 1
    b: { c: 2 }
  - [x: 1, y]
after: { z: 1 }
`,
};

describe('reading a YAML spec with js-yaml events', () => {
  it.each(specFiles)('lays out every mapping of %s as the yaml Document does', (file) => {
    expect(differences(readFileSync(join(ROOT, file), 'utf8'))).toEqual([]);
  });

  it.each(Object.keys(tricky))('lays out every mapping as the yaml Document does: %s', (name) => {
    expect(differences(tricky[name] as string)).toEqual([]);
  });

  it("lays out every mapping of a slice of GitHub's spec as the yaml Document does", () => {
    const github = JSON.parse(readFileSync(join(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json'), 'utf8')) as Record<string, any>;
    const slice = (value: Record<string, unknown>, count: number) => Object.fromEntries(Object.entries(value).slice(0, count));
    const spec = { ...github, paths: slice(github['paths'], 120), components: { ...github['components'], schemas: slice(github['components'].schemas, 200) } };
    const text = stringify(spec, { lineWidth: 0, aliasDuplicateObjects: false });
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(differences(text)).toEqual([]);
  }, 180_000);

  it('leaves to the yaml package what js-yaml refuses, and what is not one document', () => {
    expect(readYamlEvents('a: 1\n---\nb: 2\n')).toBeUndefined();
    expect(readYamlEvents('a: [1, 2\n')).toBeUndefined();
  });

  it('reads nesting up to the depth limit, and refuses it beyond, where it goes too deep', () => {
    const nested = (depth: number) => `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    const deep = readYamlEvents(nested(255));
    expect(deep && !('refused' in deep) && deep.data).toEqual(parseDocument(nested(255)).toJS());
    expect(readYamlEvents(nested(256))).toEqual({ refused: { code: 'too-deep', offset: 258, message: expect.stringContaining('deeper than 256 levels') } });
  });

  it('refuses aliases that expand past the limit or into themselves, at the alias', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefg'.split('').map((name, i) => `${name}: &${name} [${`*${'abcdefg'[i]}, `.repeat(10).slice(0, -2)}]`)].join('\n');
    const read = readYamlEvents(bomb);
    expect(read && 'refused' in read && read.refused.code).toBe('alias-limit');
    expect(read && 'refused' in read && bomb.slice(read.refused.offset, read.refused.offset + 2)).toBe('*e');
    const loop = readYamlEvents('a: &a [1, *a]\n');
    expect(loop && 'refused' in loop && loop.refused.message).toMatch(/sits inside the node it names/);
    const fine = readYamlEvents('a: &a [1, 2]\nb: [*a, *a]\n');
    expect(fine && !('refused' in fine) && fine.data).toEqual({ a: [1, 2], b: [[1, 2], [1, 2]] });
  });

  it('lays out generated YAML in any style as the yaml Document does (property)', () => {
    fc.assert(
      fc.property(styledYaml(), (text) => {
        expect(differences(text)).toEqual([]);
      }),
      { numRuns: 600 },
    );
  });
});
