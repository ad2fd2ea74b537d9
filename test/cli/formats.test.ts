import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';
import { sarifErrors } from '../judges.js';

/** A folder with a catalog that has a duplicate code, one with only a warning, and a project whose generated file went stale. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'errcat-formats-'));
  mkdirSync(join(dir, 'apis/sandbox'), { recursive: true });
  writeFileSync(join(dir, 'apis/duplicate.yaml'), 'errcat: 1\ninfo: { title: T, version: "1" }\nenvelope: { kind: flat }\nerrors:\n  a: { status: 400, title: A }\n  a: { status: 401, title: B }\n');
  writeFileSync(join(dir, 'apis/warning.yaml'), 'errcat: 1\ninfo: { title: T, version: "1" }\nenvelope: { kind: flat }\nerrors:\n  a: { status: 400 }\n');
  cpSync(join(ROOT, 'specs/sandbox/errors.yaml'), join(dir, 'apis/sandbox/errors.yaml'));
  writeFileSync(join(dir, 'errcat.config.yaml'), 'errcat: 1\ncatalogs:\n  - catalog: apis/sandbox/errors.yaml\n    out: out\n');
  return dir;
}

function stale(dir: string): void {
  expect(runCli(['generate'], { cwd: dir }).status).toBe(0);
  const spec = join(dir, 'out/openapi.yaml');
  writeFileSync(spec, readFileSync(spec, 'utf8').replace('version: 1.0.0', 'version: 0.9.0'));
}

describe('lint --format', () => {
  it('github-actions: a workflow command per diagnostic on stdout, paths relative to the current folder', () => {
    const dir = workspace();
    const run = runCli(['lint', '--format', 'github-actions', join(dir, 'apis/duplicate.yaml'), 'apis/warning.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')).toEqual([
      '::error file=apis/duplicate.yaml,line=6,col=3,endLine=6,endColumn=4,title=duplicate-code::This code already has an entry; merge the two (a code answered with several statuses takes `status: [..]`).%0Aapis/duplicate.yaml:5:3 - note: first defined here',
      expect.stringMatching(/^::warning file=apis\/warning\.yaml,line=5,col=3,endLine=5,endColumn=4,title=missing-description::/),
      '',
    ]);
  });

  it('sarif: valid SARIF 2.1.0 with the related location of the duplicate', async () => {
    const dir = workspace();
    const run = runCli(['lint', '--format', 'sarif', 'apis/duplicate.yaml', 'apis/warning.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; relatedLocations?: unknown[]; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(await sarifErrors(log)).toBe('');
    const results = log.runs[0]?.results ?? [];
    expect(results.map((r) => `${r.ruleId} ${r.locations[0]?.physicalLocation.artifactLocation.uri}`)).toEqual(['duplicate-code apis/duplicate.yaml', 'missing-description apis/warning.yaml']);
    expect(results[0]?.relatedLocations).toHaveLength(1);
  });

  it('json: paths relative to the current folder, the related location included', () => {
    const dir = workspace();
    const run = runCli(['lint', '--json', join(dir, 'apis/duplicate.yaml')], { cwd: dir });
    const report = JSON.parse(run.stdout) as { diagnostics: { file: string; related: { file: string }[] }[]; catalogs: { file: string }[] };
    expect(report.catalogs[0]?.file).toBe('apis/duplicate.yaml');
    expect(report.diagnostics[0]?.file).toBe('apis/duplicate.yaml');
    expect(report.diagnostics[0]?.related[0]?.file).toBe('apis/duplicate.yaml');
  });
});

describe('check --format', () => {
  it('github-actions: a stale file is an annotation at its first difference', () => {
    const dir = workspace();
    stale(dir);
    const run = runCli(['check', '--format', 'github-actions'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=out\/openapi\.yaml,line=6,col=1,endLine=6,endColumn=1,title=stale-output::This generated file is out of date \(\+1 -1 lines, first difference at line 6\); run `errcat generate`/);
  });

  it('sarif: valid SARIF 2.1.0; json: the files and the diagnostics', async () => {
    const dir = workspace();
    stale(dir);
    const sarif = runCli(['check', '--format', 'sarif'], { cwd: dir });
    expect(sarif.status).toBe(1);
    expect(await sarifErrors(JSON.parse(sarif.stdout))).toBe('');
    const json = JSON.parse(runCli(['check', '--json'], { cwd: dir }).stdout) as { ok: boolean; diagnostics: { code: string; file: string }[]; files: { path: string; state: string }[] };
    expect(json.ok).toBe(false);
    expect(json.diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual(['stale-output out/openapi.yaml']);
    expect(json.files).toEqual([
      { path: 'out/openapi.yaml', state: 'stale', summary: '+1 -1 lines, first difference at line 6' },
      { path: 'out/errors.ts', state: 'current' },
      { path: 'out/errors.md', state: 'current' },
    ]);
  });
});
