import fc from 'fast-check';
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { countKeys, pathId, scanJson } from '../../src/merge/json-outline.js';

/**
 * scanJson against jsonc-parser, on random JSON written with random whitespace: the objects asked
 * for are laid out where jsonc-parser puts them (braces, keys, values), every key is counted,
 * nesting past the limit is refused at the first bracket too deep, and a repeated key is found.
 * Most of a text is passed over by a quicker loop that records nothing; these hold it to the same.
 */

const KEYS = ['a', 'b', 'paths', 'x"y', 'é', 'back\\slash', '{', ']', ',', ':', ''];
const leaf = fc.oneof(fc.constantFrom(null, true, false, 0, -1.5e3, 12), fc.constantFrom('', 'text', '"', '\\', '{[,:]}', 'é ✓', '\\"'));
const json = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 5 }),
  ),
})).value;
const SPACES = [' ', '\n', '\t', '\r\n', '  '];

/** JSON text with whitespace of random kinds and amounts between tokens (never inside strings). */
function spaced(value: unknown, spaces: readonly number[]): string {
  let i = 0;
  const gap = () => SPACES[(spaces[i++ % spaces.length] as number) % SPACES.length]!.repeat((spaces[i % spaces.length] as number) % 3);
  const write = (v: unknown): string => {
    if (Array.isArray(v)) return `[${gap()}${v.map((item) => `${write(item)}${gap()}`).join(`,${gap()}`)}]`;
    if (typeof v === 'object' && v !== null) return `{${gap()}${Object.entries(v).map(([k, item]) => `${JSON.stringify(k)}${gap()}:${gap()}${write(item)}${gap()}`).join(`,${gap()}`)}}`;
    return JSON.stringify(v);
  };
  return `${gap()}${write(value)}${gap()}`;
}

/** The paths of every object in a value (the places a merge may splice at). */
function objectPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return [];
  return [path, ...Object.entries(value).flatMap(([key, item]) => objectPaths(item, [...path, key]))];
}

const depthOf = (value: unknown): number =>
  typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;

/** The offset of the first bracket that opens a container `limit` or more levels deep. */
function firstTooDeep(tree: Node, limit: number, depth = 0): number | undefined {
  if (tree.type !== 'object' && tree.type !== 'array') return undefined;
  if (depth >= limit) return tree.offset;
  for (const child of tree.children ?? []) {
    const found = firstTooDeep(child.type === 'property' ? (child.children?.[1] as Node) : child, limit, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

const spacing = fc.array(fc.nat(40), { minLength: 1, maxLength: 8 });

describe('scanJson', () => {
  it('lays out the objects asked for where jsonc-parser finds them, and counts every key', () => {
    fc.assert(
      fc.property(json, spacing, fc.array(fc.nat(), { maxLength: 4 }), (value, spaces, picks) => {
        const text = spaced(value, spaces);
        const all = objectPaths(value);
        const wanted = all.length === 0 ? [] : picks.map((pick) => all[pick % all.length] as string[]);
        const scan = scanJson(text, wanted, 1000);
        expect(scan.ok).toBe(true);
        if (!scan.ok) return;
        expect(scan.keys).toBe(countKeys(value));
        const tree = parseTree(text) as Node;
        for (const path of wanted) {
          // Every object on the way is recorded too.
          for (let length = 0; length <= path.length; length++) {
            const prefix = path.slice(0, length);
            const layout = scan.objects.get(pathId(prefix));
            const node = findNodeAtLocation(tree, prefix) as Node;
            expect(layout, pathId(prefix)).toBeDefined();
            expect([layout!.start, layout!.end]).toEqual([node.offset, node.offset + node.length - 1]);
            expect(layout!.pairs.map((pair) => [pair.key, pair.keyStart, pair.keyEnd, pair.valueStart, pair.valueEnd])).toEqual(
              (node.children ?? []).map((property) => {
                const [key, item] = property.children as [Node, Node];
                return [key.value, key.offset, key.offset + key.length, item.offset, item.offset + item.length];
              }),
            );
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('refuses nesting past the limit at the first bracket too deep, wherever it is', () => {
    fc.assert(
      fc.property(json, spacing, fc.nat(6), fc.array(fc.nat(), { maxLength: 2 }), (value, spaces, limit, picks) => {
        const text = spaced(value, spaces);
        const all = objectPaths(value);
        const scan = scanJson(text, all.length === 0 ? [] : picks.map((pick) => all[pick % all.length] as string[]), limit);
        const tooDeep = firstTooDeep(parseTree(text) as Node, limit);
        expect(depthOf(value) > limit).toBe(tooDeep !== undefined);
        expect(scan).toEqual(tooDeep === undefined ? expect.objectContaining({ ok: true }) : { ok: false, problem: 'too-deep', offset: tooDeep });
      }),
      { numRuns: 400 },
    );
  });

  it('finds a repeated key anywhere, at its second place', () => {
    fc.assert(
      fc.property(json, spacing, fc.nat(), (value, spaces, pick) => {
        const text = spaced(value, spaces);
        // Repeat one key of one object: its first pair, written again at the object's end.
        const objects = [...text.matchAll(/\{\s*("(?:[^"\\]|\\.)*")\s*:/g)];
        fc.pre(objects.length > 0);
        const chosen = objects[pick % objects.length]!;
        const tree = parseTree(text) as Node;
        const node = findNodeAtLocation(tree, []) === undefined ? undefined : objectAt(tree, chosen.index);
        if (!node) return;
        const close = node.offset + node.length - 1;
        const repeated = `${text.slice(0, close)},${chosen[1]}:0${text.slice(close)}`;
        const scan = scanJson(repeated, [], 1000);
        expect(scan.ok).toBe(true);
        if (!scan.ok) return;
        expect(scan.keys).toBe(countKeys(value) + 1);
        const found = scanJson(repeated, [], 1000, { duplicates: true });
        expect(found).toMatchObject({ ok: false, problem: 'duplicate-key', key: JSON.parse(chosen[1] as string) });
        // The first repeat in the text: at or before the one added.
        expect((found as { offset: number }).offset).toBeLessThanOrEqual(close + 1);
      }),
      { numRuns: 300 },
    );
  });
});

/** The object node whose `{` is at `offset`. */
function objectAt(tree: Node, offset: number): Node | undefined {
  if (tree.type === 'object' && tree.offset === offset) return tree;
  for (const child of tree.children ?? []) {
    const found = objectAt(child, offset);
    if (found) return found;
  }
  return undefined;
}
