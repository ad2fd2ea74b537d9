import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, SPEC_CATALOGS } from '../helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'errcat-lint-'));
function file(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

/** A stack trace looks like `    at fn (file:line:col)`. */
const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;

describe('errcat lint', () => {
  it('passes every bundled catalog and summarizes each', () => {
    const run = runCli(['lint', ...SPEC_CATALOGS]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const spec of SPEC_CATALOGS) expect(run.stdout).toContain(`ok  ${spec}: `);
    expect(run.stdout).toMatch(new RegExp(`^${SPEC_CATALOGS.length} catalogs: 0 errors, 0 warnings in \\d+\\.\\d\\d s$`, 'm'));
    expect(run.stdout).toMatch(/specs\/device-readings\/errors\.yaml: 16 codes, 9 statuses \(400 401 403 404 413\* 422 429 500 501\), wrapped envelope under "error"/);
  });

  const malformed: [string, string, string | Uint8Array][] = [
    ['empty.yaml', 'empty-file', ''],
    ['whitespace.yaml', 'empty-file', '\n  \n'],
    ['scalar.yaml', 'not-a-mapping', 'just a string\n'],
    ['list.json', 'not-a-mapping', '[1, 2]'],
    ['broken.yaml', 'yaml-syntax', 'errcat: 1\ninfo: [unclosed\n'],
    ['broken.json', 'json-syntax', '{"errcat": 1,, }'],
    ['comment.json', 'json-syntax', '{"errcat": 1 // no\n}'],
    ['binary.yaml', 'not-text', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff])],
    ['nul.yaml', 'not-text', 'errcat: 1\n\u0000\u0001'],
    ['tab.yaml', 'yaml-syntax', 'errcat: 1\n\tinfo: x\n'],
  ];

  it.each(malformed)('%s: exit 1, located %s, no stack trace', (name, code, content) => {
    const path = file(name, content);
    const run = runCli(['lint', path]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ - error ${code}: `, 'm'));
    expect(run.stderr + run.stdout).not.toMatch(STACK_TRACE);
  });

  it('a directory: exit 1 and a located message', () => {
    const dir = join(tmp, 'a-dir');
    mkdirSync(dir, { recursive: true });
    const run = runCli(['lint', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${dir}:1:1 - error not-a-file: `);
  });

  it('warnings alone exit 0', () => {
    const path = file('warn.yaml', 'errcat: 1\ninfo: { title: T, version: "1" }\nenvelope: { kind: flat }\nerrors:\n  a: { status: 400 }\n');
    const run = runCli(['lint', path]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('warning missing-description');
  });

  it.each([
    [['lint', join(tmp, 'missing.yaml')], /^errcat: no such file: .*missing\.yaml\n$/],
    [['lint', '--bogus', 'x.yaml'], /unknown option '--bogus'/],
    [['lint', '--format', 'xml', 'x.yaml'], /--format must be one of stylish, json, github-actions, sarif, not "xml"/],
    [['lint', '--json', '--format', 'sarif', 'x.yaml'], /--json is --format json; it cannot go with --format sarif/],
    [['lint', '--quiet', '--format', 'json', 'x.yaml'], /--quiet applies to the stylish format only/],
    [['lint', '--config', 'errcat.config.yaml', 'specs/sandbox/errors.yaml'], /--config applies only when no catalog is given/],
    [['frobnicate'], /unknown command/],
  ])('usage error %j: exit 2 with one clear line', (args, message) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it.each([['--json'], ['--format', 'json']])('prints a JSON report with %s', (...flags) => {
    const path = file('bad.yaml', 'errcat: 1\ninfo: { title: T, version: "1" }\nenvelope: { kind: flat }\nerrors:\n  a: { status: 400, titel: A }\n');
    const run = runCli(['lint', ...flags, path]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { ok: boolean; errors: number; diagnostics: { code: string; file: string; start: { line: number; column: number } }[]; catalogs: { file: string; ok: boolean }[] };
    expect(report).toMatchObject({ ok: false, errors: 1, warnings: 0, catalogs: [{ file: path, ok: false }] });
    expect(report.diagnostics[0]).toMatchObject({ code: 'unknown-key', file: path, start: { line: 5, column: 21 } });
  });

  it('prints the error count once, in one summary line with the time taken', () => {
    const path = file('once.yaml', 'errcat: 1\ninfo: { title: T, version: "1" }\nenvelope: { kind: flat }\nerrors:\n  a: { status: 400, titel: A }\n');
    const run = runCli(['lint', path]);
    expect(run.stdout).toMatch(new RegExp(`^fail  ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n1 catalog: 1 error, 0 warnings in \\d+\\.\\d\\d s\n$`));
    expect((run.stdout + run.stderr).match(/1 error, 0 warnings/g)).toHaveLength(1);
  });

  it('prints a duplicate with a note at its first definition', () => {
    const path = file('dup.yaml', 'errcat: 1\ninfo: { title: T, version: "1" }\nenvelope: { kind: flat }\nerrors:\n  a: { status: 400, title: A }\n  a: { status: 401, title: B }\n');
    const run = runCli(['lint', path]);
    expect(run.stderr).toContain(`${path}:6:3 - error duplicate-code: This code already has an entry; merge the two (a code answered with several statuses takes \`status: [..]\`).\n  ${path}:5:3 - note: first defined here\n`);
  });

  it('colours only when asked for and never with NO_COLOR', () => {
    const path = file('colour.yaml', 'errcat: 1\n');
    expect(runCli(['lint', path]).stderr).not.toContain('\u001b[');
    expect(runCli(['lint', path], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stderr).toContain('\u001b[');
    expect(runCli(['lint', path], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stderr).not.toContain('\u001b[');
  });
});
