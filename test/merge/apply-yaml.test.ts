import fc from 'fast-check';
import { parse, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyToYaml } from '../../src/merge/apply-yaml.js';
import type { Edit } from '../../src/merge/plan.js';
import { applyEdits, isMapping, mappingAt } from '../../src/merge/spec-data.js';
import { documentOutline } from '../../src/merge/yaml-document-outline.js';
import { readYamlEvents as readEvents } from '../../src/merge/yaml-events.js';
import { styledYaml } from './yaml-arbitraries.js';

/** The events' data and outline; these tests stay within every limit. */
function readYamlEvents(text: string) {
  const read = readEvents(text);
  if (read && 'refused' in read) throw new Error(read.refused.message);
  return read;
}

function mappingPaths(value: unknown, path: string[] = []): string[][] {
  if (!isMapping(value)) return [];
  return [path, ...Object.entries(value).flatMap(([key, child]) => mappingPaths(child, [...path, key]))];
}

const editValue = fc.oneof(fc.constant({ $ref: '#/components/responses/Error404' }), fc.string({ maxLength: 10 }), fc.constant('two\nlines'), fc.dictionary(fc.constantFrom('a', 'b', '200'), fc.integer(), { maxKeys: 2 }));

/** Edits as a merge plans them: each key edited once, and never inside a key another edit sets or deletes. */
function plannedEdits(data: unknown): fc.Arbitrary<Edit[]> {
  const paths = mappingPaths(data);
  const path = fc.oneof(fc.constantFrom(...paths), fc.constantFrom(...paths).map((p) => [...p, 'fresh']));
  const edit = path.chain((p) => {
    const existing = Object.keys(mappingAt(data, p) ?? {});
    const key = existing.length > 0 ? fc.oneof(fc.constantFrom(...existing), fc.constant('added')) : fc.constant('added');
    return fc.oneof(
      fc.record({ kind: fc.constant('set' as const), path: fc.constant(p), key, value: editValue }),
      fc.record({ kind: fc.constant('delete' as const), path: fc.constant(p), key }),
    );
  });
  return fc.array(edit, { maxLength: 6 }).map((edits) => {
    const id = (path: readonly string[]) => JSON.stringify(path);
    const keyed = new Map(edits.map((e) => [id([...e.path, e.key]), e]));
    return [...keyed.values()].filter((e) => ![...keyed.keys()].some((other) => other !== id([...e.path, e.key]) && id(e.path).startsWith(other.slice(0, -1))));
  });
}

describe('splicing edits into YAML text', () => {
  it('gives text that reads back as the edited data, the same from either outline (property)', () => {
    const cases = styledYaml()
      .map((text) => ({ text, read: readYamlEvents(text) }))
      .filter((c) => c.read !== undefined)
      .chain(({ text, read }) => fc.tuple(fc.constant(text), fc.constant(read?.data), plannedEdits(read?.data)));
    fc.assert(
      fc.property(cases, ([text, data, edits]) => {
        const read = readYamlEvents(text);
        if (!read) throw new Error('unreadable');
        const spliced = applyToYaml(text, edits, read.outline, data);
        const expected = applyEdits(structuredClone(data) as Record<string, unknown>, edits);
        const document = parseDocument(spliced);
        expect(document.errors).toEqual([]);
        expect(document.toJS({ maxAliasCount: -1 })).toEqual(expected);
        expect(applyToYaml(text, edits, documentOutline(text, parseDocument(text)), data)).toBe(spliced);
      }),
      { numRuns: 500 },
    );
  });

  it('inserts only lines into a block mapping, with the file\'s own line endings', () => {
    const text = 'a:\r\n  b: 1 # keep\r\n\r\n  c:\r\n    d: 2\r\n';
    const read = readYamlEvents(text);
    if (!read) throw new Error('unreadable');
    const spliced = applyToYaml(text, [{ kind: 'set', path: ['a', 'c'], key: 'e', value: { f: 'g' } }, { kind: 'set', path: [], key: 'h', value: 3 }], read.outline, read.data);
    expect(spliced).toBe('a:\r\n  b: 1 # keep\r\n\r\n  c:\r\n    d: 2\r\n    e:\r\n      f: g\r\nh: 3\r\n');
    expect(parse(spliced)).toEqual({ a: { b: 1, c: { d: 2, e: { f: 'g' } } }, h: 3 });
  });

  it('fills a one-line flow mapping under a key in block style, keeping its key line and comment', () => {
    const text = 'a:\n  b: {}  # keep\n  c: { d: 1 }\ne: 1\n';
    const read = readYamlEvents(text);
    if (!read) throw new Error('unreadable');
    const edits: Edit[] = [
      { kind: 'set', path: ['a', 'b'], key: 'x', value: { y: 1 } },
      { kind: 'set', path: ['a', 'c'], key: 'z', value: 2 },
    ];
    const spliced = applyToYaml(text, edits, read.outline, read.data);
    expect(spliced).toBe('a:\n  b:  # keep\n    x:\n      y: 1\n  c:\n    d: 1\n    z: 2\ne: 1\n');
    expect(applyToYaml(text, edits, documentOutline(text, parseDocument(text)), read.data)).toBe(spliced);
  });

  it('leaves a flow mapping inside another, or over several lines, a flow mapping', () => {
    const text = 'a: { b: {} }\nc: {\n  d: 1 }\n';
    const read = readYamlEvents(text);
    if (!read) throw new Error('unreadable');
    const spliced = applyToYaml(text, [{ kind: 'set', path: ['c'], key: 'e', value: 2 }], read.outline, read.data);
    expect(spliced).toBe('a: { b: {} }\nc: {"d":1,"e":2}\n');
  });
});
