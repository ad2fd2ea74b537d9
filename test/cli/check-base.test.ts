import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

describe('errcat check --base', () => {
  // A project in its own git repository (OpenAPI output and a merge only: no TypeScript to wait for).
  let repo: string;
  const change = (edit: (catalog: string) => string) => {
    writeFileSync(join(repo, 'errors.yaml'), edit(readFileSync(join(repo, 'errors.yaml'), 'utf8')));
    expect(runCli(['generate', '--quiet'], { cwd: repo }).status).toBe(0);
  };
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'errcat-check-base-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'pipe' });
    cpSync(join(ROOT, 'test/fixtures/diff/base.yaml'), join(repo, 'errors.yaml'));
    cpSync(join(ROOT, 'test/fixtures/diff/spec.yaml'), join(repo, 'openapi.yaml'));
    writeFileSync(
      join(repo, 'errcat.config.yaml'),
      'errcat: 1\ncatalogs:\n  - catalog: errors.yaml\n    out: generated\n    typescript: false\n    docs: false\n    merge:\n      - spec: openapi.yaml\n        out: generated/openapi.merged.yaml\n',
    );
    expect(runCli(['generate', '--quiet'], { cwd: repo }).status).toBe(0);
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'project');
  }, 120_000);

  it('passes an additive change, and reports it in JSON', () => {
    change((t) => t.replace('  param:\n', '  trace_id: { type: string }\n  param:\n'));
    expect(runCli(['check', '--base', 'HEAD'], { cwd: repo }).status).toBe(0);
    const json = JSON.parse(runCli(['check', '--base', 'HEAD', '--format', 'json'], { cwd: repo }).stdout) as { contract: { findings: { kind: string }[] }[] };
    expect(json.contract[0]?.findings.map((f) => f.kind)).toEqual(['field-added-optional']);
    expect(runCli(['check', '--base', 'HEAD', '--fail-on', 'info'], { cwd: repo }).status).toBe(1);
  });

  it('fails on a breaking change since the revision, after the staleness check', () => {
    change((t) => t.replace(/ {2}gone:\n( {4}.*\n)+/, ''));
    const run = runCli(['check', '--base', 'HEAD'], { cwd: repo });
    expect(run.stdout).toMatch(/files current in /);
    expect(run.stdout).toContain('errcat diff HEAD:errors.yaml → errors.yaml: 1 breaking');
    expect(run.stdout).toContain('The code `gone` is gone.');
    expect(run.status).toBe(1);
    expect(runCli(['check', '--base', 'HEAD', '--fail-on', 'none'], { cwd: repo }).status).toBe(0);
  });
});
