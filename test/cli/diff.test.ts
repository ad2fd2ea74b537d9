import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

const OLD = 'test/fixtures/diff/base.yaml';
const NEW = 'test/fixtures/diff/changed.yaml';
const SPEC = 'test/fixtures/diff/spec.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'errcat-diff-'));

/** base.yaml with one edit: a catalog whose only change is that edit. */
function variant(name: string, edit: (text: string) => string): string {
  const path = join(tmp, name);
  writeFileSync(path, edit(readFileSync(join(ROOT, OLD), 'utf8')));
  return path;
}
const deprecated = variant('deprecated.yaml', (t) => t.replace('    title: The resource was deleted.\n', '    title: The resource was deleted.\n    deprecated: Use not_found.\n'));
const optionalField = variant('optional-field.yaml', (t) => t.replace('  param:\n', '  trace_id: { type: string }\n  param:\n'));

describe('errcat diff', () => {
  it('prints the Markdown report of the golden file, byte for byte, and exits 1 on breaking changes', () => {
    const run = runCli(['diff', OLD, NEW, '--spec', SPEC, '--format', 'markdown']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(readFileSync(join(ROOT, 'test/fixtures/diff/report.md'), 'utf8'));
    expect(run.status).toBe(1);
  });

  it('groups the human report by impact; colour only on request, never with NO_COLOR', () => {
    const plain = runCli(['diff', OLD, NEW]);
    expect(plain.stdout).toMatch(/^errcat diff test\/fixtures\/diff\/base\.yaml → test\/fixtures\/diff\/changed\.yaml: \d+ breaking/);
    expect(plain.stdout).toContain('\nBreaking (');
    expect(plain.stdout).not.toContain('\u001b[');
    const forced = runCli(['diff', OLD, NEW], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[31m');
    expect(runCli(['diff', OLD, NEW], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('prints JSON with a summary, and GitHub Actions commands on the catalog lines', () => {
    const json = JSON.parse(runCli(['diff', OLD, NEW, '--format', 'json']).stdout) as { summary: Record<string, number>; findings: { kind: string; location: { file: string; line: number } }[] };
    expect(json.summary['breaking']).toBeGreaterThan(0);
    expect(json.findings.find((f) => f.kind === 'code-removed')?.location).toMatchObject({ file: OLD, line: 83 });
    const actions = runCli(['diff', OLD, NEW, '--format', 'github-actions']).stdout.trimEnd().split('\n');
    expect(actions.length).toBe(json.findings.length);
    expect(actions).toContain(
      `::error file=${OLD},line=83,col=3,title=errcat diff%3A code-removed (clients breaking%2C servers breaking)::The code \`gone\` is gone. Clients drop their handling of \`gone\` (its generated types and guards are gone); servers stop sending it.`,
    );
  });

  it('exits by --fail-on: 0 below the threshold, 1 at or above it', () => {
    expect(runCli(['diff', OLD, OLD]).status).toBe(0);
    expect(runCli(['diff', OLD, NEW, '--fail-on', 'none']).status).toBe(0);
    // A deprecation is a warning: not breaking.
    expect(runCli(['diff', OLD, deprecated]).status).toBe(0);
    expect(runCli(['diff', OLD, deprecated, '--fail-on', 'warning']).status).toBe(1);
    // An optional field is information only.
    expect(runCli(['diff', OLD, optionalField, '--fail-on', 'warning']).status).toBe(0);
    expect(runCli(['diff', OLD, optionalField, '--fail-on', 'info']).status).toBe(1);
  });

  it('exits 2 on usage errors', () => {
    for (const args of [['diff', OLD], ['diff', OLD, NEW, '--format', 'xml'], ['diff', OLD, NEW, '--fail-on', 'sometimes'], ['diff', OLD, 'nope.yaml'], ['diff', '--base', 'HEAD', OLD, NEW]]) {
      const run = runCli(args);
      expect({ args, status: run.status }).toEqual({ args, status: 2 });
      expect(run.stderr).toMatch(/^errcat: /);
    }
  });

  it('exits 1 with located diagnostics when a side does not load', () => {
    const broken = join(tmp, 'broken.yaml');
    writeFileSync(broken, 'errcat: 2\ninfo: { title: x, version: "1" }\nenvelope: { kind: flat }\nerrors:\n  a: { status: 400, title: A, level: nope }\n');
    const run = runCli(['diff', OLD, broken]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/broken\.yaml:5:38 - error unknown-level/);
  });

  it('diffs two specs, each imported in memory, its findings located in the spec', () => {
    const before = join(ROOT, 'test/fixtures/import/flat.yaml');
    const after = join(tmp, 'flat-changed.yaml');
    writeFileSync(after, readFileSync(before, 'utf8').replace('enum: [invalid_sku, missing_quantity]', 'enum: [invalid_sku]'));
    const run = runCli(['diff', before, after, '--format', 'json']);
    const report = JSON.parse(run.stdout) as { findings: { kind: string; location?: { file: string; line: number } }[] };
    expect(report.findings.map((f) => f.kind)).toEqual(['code-removed']);
    expect(report.findings[0]?.location).toMatchObject({ file: before, line: 59 });
    expect(run.status).toBe(1);
  });

  it('reads OLD from git with --base, in the repository of NEW', () => {
    const repo = mkdtempSync(join(tmpdir(), 'errcat-git-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    cpSync(join(ROOT, OLD), join(repo, 'errors.yaml'));
    git('add', '.');
    git('commit', '-qm', 'catalog');
    writeFileSync(join(repo, 'errors.yaml'), readFileSync(join(ROOT, NEW), 'utf8'));
    const run = runCli(['diff', '--base', 'HEAD', join(repo, 'errors.yaml'), '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { old: string; findings: { kind: string }[] };
    expect(report.old).toBe(`HEAD:${join(repo, 'errors.yaml')}`);
    expect(report.findings.map((f) => f.kind)).toContain('code-removed');
    expect(runCli(['diff', '--base', 'HEAD', join(repo, 'errors.yaml')], { cwd: repo }).status).toBe(1);
    writeFileSync(join(repo, 'new.yaml'), readFileSync(join(ROOT, OLD), 'utf8'));
    const missing = runCli(['diff', '--base', 'HEAD', join(repo, 'new.yaml')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('does not exist at HEAD');
  });
});
