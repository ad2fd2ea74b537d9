import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, documentAliasProblem, jsonDepthOverflow, limitsFromEnvironment, resolveLimits, yamlAliasOverflow, yamlDepthOverflow } from '../../src/parse/limits.js';
import { runCli } from '../helpers.js';

const limits = DEFAULT_LIMITS.catalog;

describe('limits', () => {
  it('are read from the environment as people write sizes, and refused when they are not numbers', () => {
    expect(limitsFromEnvironment('catalog', { ERRCAT_MAX_CATALOG_SIZE: '16MB', ERRCAT_MAX_DEPTH: '1000', ERRCAT_MAX_ALIAS_NODES: '5' })).toEqual({ maxBytes: 16 * 2 ** 20, maxDepth: 1000, maxAliasNodes: 5 });
    expect(limitsFromEnvironment('spec', { ERRCAT_MAX_SPEC_SIZE: '512 KiB', ERRCAT_MAX_CATALOG_SIZE: '1' })).toEqual({ maxBytes: 512 * 1024 });
    expect(limitsFromEnvironment('spec', { ERRCAT_MAX_SPEC_SIZE: '1048576' })).toEqual({ maxBytes: 1048576 });
    for (const bad of ['lots', '0', '-1', '1.5MB', '16TB']) expect(() => limitsFromEnvironment('spec', { ERRCAT_MAX_SPEC_SIZE: bad })).toThrow(/ERRCAT_MAX_SPEC_SIZE must be a positive whole number/);
    expect(resolveLimits('spec', { maxDepth: 7 })).toEqual({ ...DEFAULT_LIMITS.spec, maxDepth: 7 });
  });

  it('find JSON nested too deep at the bracket, skipping strings', () => {
    const text = `{"a": "[[[[\\"[[[", "b": ${'['.repeat(10)}${']'.repeat(10)}}`;
    expect(jsonDepthOverflow(text, 11)).toBe(-1);
    expect(jsonDepthOverflow(text, 10)).toBe(text.indexOf('[', text.indexOf('"b"')) + 9);
    expect(jsonDepthOverflow('{"unterminated": "[[[[', 2)).toBe(-1);
  });

  it('find YAML nested too deep, in flow or block style, and not deep indentation in a block scalar', () => {
    expect(yamlDepthOverflow(`a: ${'['.repeat(300)}${']'.repeat(300)}\n`, 256)).toBeGreaterThan(250);
    expect(yamlDepthOverflow(`${'- '.repeat(300)}x\n`, 256)).toBeGreaterThan(250);
    expect(yamlDepthOverflow(`a: |\n${' '.repeat(400)}deep text\n  b\n`, 256)).toBe(-1);
    expect(yamlDepthOverflow(`a: ${'['.repeat(100)}${']'.repeat(100)}\n`, 256)).toBe(-1);
  });

  it('count what aliases add, and find loops and aliases to nothing', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefg'.split('').map((name, i) => `${name}: &${name} [${Array(10).fill(`*${'abcdefg'[i]}`).join(', ')}]`)].join('\n');
    // b..e add 123,340 nodes; f's aliases of e (111,111 each) cross a million at the eighth.
    const eighth = bomb.indexOf('*e', bomb.indexOf('f: &f')) + 7 * '*e, '.length;
    expect(yamlAliasOverflow(bomb, limits)).toEqual({ problem: { kind: 'over', name: 'e' }, offset: eighth });
    expect(documentAliasProblem(parseDocument(bomb), limits)?.problem).toEqual({ kind: 'over', name: 'e' });
    expect(documentAliasProblem(parseDocument('a: &a [1, *a]'), limits)?.problem).toEqual({ kind: 'cycle', name: 'a' });
    expect(documentAliasProblem(parseDocument('a: *b\nb: &b 1'), limits)?.problem).toEqual({ kind: 'undefined', name: 'b' });
    const shared = 'a: &a { x: 1 }\nb: *a\nc: [*a, *a]\n';
    expect([yamlAliasOverflow(shared, limits), documentAliasProblem(parseDocument(shared), limits)]).toEqual([undefined, undefined]);
    expect(documentAliasProblem(parseDocument(shared), { ...limits, maxAliasNodes: 5 })?.problem).toEqual({ kind: 'over', name: 'a' });
  });

  it('are raised and lowered by the environment on the command line; a value that is not a number is a usage error', () => {
    const deep = 'test/fixtures/invalid/too-deep.yaml';
    expect(runCli(['lint', deep]).stderr).toMatch(/too-deep: .*ERRCAT_MAX_DEPTH=1024/);
    expect(runCli(['lint', deep], { env: { ERRCAT_MAX_DEPTH: '1024' } }).stderr).not.toMatch(/error too-deep/);
    const small = runCli(['lint', 'specs/sandbox/errors.yaml'], { env: { ERRCAT_MAX_CATALOG_SIZE: '1KB' } });
    expect([small.status, small.stderr]).toEqual([1, expect.stringMatching(/errors\.yaml:1:1 - error too-large: The file is \d+ KB, over errcat's limit of 1 KB for a catalog or config; split it, or raise the limit \(ERRCAT_MAX_CATALOG_SIZE=1MB\)/)]);
    const wrong = runCli(['lint', 'specs/sandbox/errors.yaml'], { env: { ERRCAT_MAX_DEPTH: 'deep' } });
    expect([wrong.status, wrong.stderr.trim()]).toEqual([2, 'errcat: ERRCAT_MAX_DEPTH must be a positive whole number, not "deep"']);
  });
});
