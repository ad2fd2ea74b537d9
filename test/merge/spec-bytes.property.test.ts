import fc from 'fast-check';
import { isAlias, isCollection, parse, parseDocument, stringify, visit, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCatalogText } from '../../src/load.js';
import { mergeSpec } from '../../src/merge/merge.js';
import { planMerge, specVersion } from '../../src/merge/plan.js';
import { applyEdits } from '../../src/merge/spec-data.js';
import { specTree } from './yaml-arbitraries.js';

/**
 * Random specs, written in many styles, merged: the merged text reads (with the `yaml` package,
 * not the reader errcat merged with) as exactly the planned data, and every line of the original
 * outside what errcat rewrites is still there, in order, byte for byte — byte-order mark and line
 * ends included.
 */

const { catalog } = loadCatalogText(
  'mini.yaml',
  `errcat: 1
info: { title: Mini, version: "1" }
naming: { componentPrefix: Mini }
envelope: { kind: wrapped }
errors:
  not_found: { status: 404, title: Missing }
  conflict: { status: 409, title: Taken }
operations:
  - match: { all: true }
    errors: [not_found]
  - match: { paths: ["/things/**"], methods: [post, put] }
    errors: [conflict]
`,
);
if (!catalog) throw new Error('the test catalog does not load');

type Json = Record<string, unknown>;

const method = fc.constantFrom('get', 'post', 'put', 'delete');
const segment = fc.constantFrom('things', '{id}', 'a b', 'x-y', '**', 'ünï');
const response = fc.record({ description: fc.string({ maxLength: 8 }) });
const operation = fc.record({
  operationId: fc.string({ minLength: 1, maxLength: 6 }),
  responses: fc.dictionary(fc.constantFrom('200', '201', '404', 'default'), response, { minKeys: 1, maxKeys: 3 }),
  'x-extra': specTree(),
});

/** An OpenAPI 3.0 spec, some of whose operations share one responses object (written as an anchor and aliases). */
const specData = fc
  .tuple(
    fc.dictionary(fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => `/${s.join('/')}`), fc.dictionary(method, operation, { minKeys: 1, maxKeys: 3 }), { minKeys: 1, maxKeys: 4 }),
    specTree(),
    fc.boolean(),
    fc.option(fc.dictionary(fc.constantFrom('User', 'Thing'), fc.constant({ type: 'object' }), { maxKeys: 2 }), { nil: undefined }),
  )
  .map(([paths, extra, share, schemas]) => {
    if (share) {
      const operations = Object.values(paths).flatMap((item) => Object.values(item));
      const shared = operations[0]?.responses;
      for (const op of operations.slice(1)) if (shared) op.responses = shared;
    }
    return { openapi: '3.0.3', info: { title: 'T', version: '1' }, 'x-extra': extra, paths, ...(schemas ? { components: { schemas } } : {}) } as Json;
  });

const style = fc.record({
  indent: fc.integer({ min: 1, max: 4 }),
  flowFrom: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
  comments: fc.boolean(),
  crlf: fc.boolean(),
  bom: fc.boolean(),
} as const);

/** The data as YAML in a style: flow collections from some depth down, comments, CRLF, a BOM. */
function write(value: Json, { flowFrom, comments, crlf, bom, ...options }: typeof style extends fc.Arbitrary<infer S> ? S : never): string {
  const document = parseDocument(stringify(value, { ...options, lineWidth: 0, aliasDuplicateObjects: true }));
  const visit = (node: unknown, depth: number) => {
    if (!isCollection(node)) return;
    if (flowFrom !== undefined && depth >= flowFrom) node.flow = true;
    for (const item of node.items as unknown[]) visit((item as { value?: unknown }).value ?? item, depth + 1);
  };
  visit(document.contents, 0);
  let text = `# spec\n${document.toString({ lineWidth: 0 })}`;
  if (comments) text = text.replace(/\n(?=( *)\S)/g, (newline, indent: string, offset: number) => (offset % 3 === 0 ? `\n${indent}# comment${newline}` : newline));
  if (crlf) text = text.replace(/\n/g, '\r\n');
  return (bom ? '\uFEFF' : '') + text;
}

/**
 * The lines errcat may rewrite: those of each flow mapping or alias on the way to a mapping it
 * edits, and of the aliases of an anchored mapping on that way (written out as they were).
 */
function rewritable(text: string, paths: readonly (readonly string[])[]): Set<number> {
  const document = parseDocument(text.replace(/^\uFEFF/, ' '));
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length - 1;
  const lines = new Set<number>();
  const mark = (node: Node) => {
    for (let line = lineOf((node.range as [number, number, number])[0]); line <= lineOf((node.range as [number, number, number])[1]); line++) lines.add(line);
  };
  const anchors = new Set<string>();
  for (const path of paths) {
    let rewritten = false;
    for (let depth = 0; depth <= path.length; depth++) {
      const node = (depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true)) as Node | null;
      if (!node?.range) break;
      if (node.anchor) anchors.add(node.anchor);
      if (rewritten || !(isAlias(node) || (isCollection(node) && node.flow))) continue;
      mark(node);
      rewritten = true;
    }
  }
  visit(document, { Alias: (_, alias) => void (anchors.has(alias.source) && alias.range && mark(alias)) });
  return lines;
}

/** The original lines missing from the merged text, outside the given lines, in order. */
function lostLines(before: string, after: string, except: ReadonlySet<number> = new Set(), comma = false): string[] {
  const lines = after.split('\n');
  let at = 0;
  const lost: string[] = [];
  before.split('\n').forEach((line, i) => {
    if (except.has(i)) return;
    // JSON: a line may gain a comma, and an empty object `{}` opens to hold new pairs.
    const json = (candidate: string) => comma && (candidate === line.replace(/(\r?)$/, ',$1') || candidate === line.replace(/\{\}(,?)(\r?)$/, '{$2'));
    const found = lines.findIndex((candidate, j) => j >= at && (candidate === line || json(candidate)));
    if (found === -1) lost.push(line);
    else at = found + 1;
  });
  return lost;
}

/**
 * Given the bytes the text was read from, a merge copies what it keeps from them: the same bytes
 * as encoding the text again. Bytes that are not the text's (here one byte longer) are not used.
 */
async function expectSameBytesFromOriginal(file: string, text: string, encoded: Uint8Array): Promise<void> {
  const original = Buffer.from(text, 'utf8');
  const copied = await mergeSpec(catalog!, file, text, { validate: false, bytes: original });
  expect(Buffer.compare(copied.bytes as Uint8Array, encoded)).toBe(0);
  // The pieces, as written, are the same bytes; what is kept is a view of the bytes given, not a copy.
  const chunks = copied.chunks as readonly Uint8Array[];
  expect(Buffer.compare(Buffer.concat(chunks), encoded)).toBe(0);
  expect(chunks.some((chunk) => chunk.buffer === original.buffer && chunk.byteLength > 0)).toBe(true);
  const mismatched = await mergeSpec(catalog!, file, text, { validate: false, bytes: Buffer.from(`${text} `, 'utf8') });
  expect(Buffer.compare(mismatched.bytes as Uint8Array, encoded)).toBe(0);
}

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const char of long) if (char === short[at]) at++;
  return at === short.length;
}

describe('merging keeps every byte it does not edit (property)', () => {
  it('YAML with comments, anchors, flow style, CRLF and a BOM', async () => {
    await fc.assert(
      fc.asyncProperty(specData, style, async (data, how) => {
        const text = write(data, how);
        const original = parse(text.replace(/^\uFEFF/, '')) as Json;
        const plan = planMerge(catalog, original, specVersion(original) ?? '3.0');
        const result = await mergeSpec(catalog, 'spec.yaml', text, { validate: false });
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const merged = result.text as string;
        expect(parseDocument(merged.replace(/^\uFEFF/, '')).errors).toEqual([]);
        expect(parse(merged.replace(/^\uFEFF/, ''))).toEqual(applyEdits(structuredClone(original), plan.edits));
        expect(lostLines(text, merged, rewritable(text, plan.edits.map((edit) => edit.path)))).toEqual([]);
        expect(merged.startsWith('\uFEFF')).toBe(how.bom);
        if (how.crlf) expect(merged.split('\n').slice(0, -1).every((line) => line.endsWith('\r'))).toBe(true);
        expect(Buffer.from(result.bytes as Uint8Array).toString('utf8')).toBe(merged);
        await expectSameBytesFromOriginal('spec.yaml', text, result.bytes as Uint8Array);
      }),
      { numRuns: 150 },
    );
  }, 180_000);

  it('JSON in any indentation (or none), CRLF, a BOM, and numbers JavaScript cannot hold', async () => {
    const json = fc.record({ data: specData, indent: fc.constantFrom(0, 1, 2, 4, '\t'), crlf: fc.boolean(), bom: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(json, async ({ data, indent, crlf, bom }) => {
        // Numbers as written, which no parse-and-print would keep.
        data['x-numbers'] = 'NUMBERS';
        let text = `${JSON.stringify(data, null, indent)}\n`.replace('"NUMBERS"', '[12345678901234567890, 1e400, 1.0E+2, -0.0]');
        if (crlf) text = text.replace(/\n/g, '\r\n');
        if (bom) text = `\uFEFF${text}`;
        const original = JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
        const plan = planMerge(catalog, original, '3.0');
        const result = await mergeSpec(catalog, 'spec.json', text, { validate: false });
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const merged = result.text as string;
        expect(JSON.parse(merged.replace(/^\uFEFF/, ''))).toEqual(applyEdits(structuredClone(original), plan.edits));
        expect(merged).toContain('[12345678901234567890, 1e400, 1.0E+2, -0.0]');
        // Pairs are inserted only: line by line (a line may gain a comma), or, on one line, character by character.
        if (indent === 0) expect(isSubsequence(text, merged)).toBe(true);
        else expect(lostLines(text, merged, new Set(), true)).toEqual([]);
        expect(merged.startsWith('\uFEFF')).toBe(bom);
        if (crlf) expect(merged.split('\n').slice(0, -1).every((line) => line.endsWith('\r'))).toBe(true);
        await expectSameBytesFromOriginal('spec.json', text, result.bytes as Uint8Array);
      }),
      { numRuns: 150 },
    );
  }, 180_000);
});
