import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

function workspace(): { dir: string; spec: string; catalog: string } {
  const dir = mkdtempSync(join(tmpdir(), 'errcat-merge-'));
  cpSync(join(ROOT, 'specs/sandbox/openapi.yaml'), join(dir, 'openapi.yaml'));
  return { dir, spec: join(dir, 'openapi.yaml'), catalog: join(ROOT, 'specs/sandbox/errors.yaml') };
}

describe('errcat merge', () => {
  it('edits the spec in place with one summary line, and a second run leaves it unchanged', () => {
    const { dir, spec, catalog } = workspace();
    const first = runCli(['merge', catalog, '--spec', 'openapi.yaml'], { cwd: dir });
    expect(first.status).toBe(0);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^merged Sandbox API into openapi\.yaml: 5 operations, 32 references added, 0 kept, 0 removed in \d+\.\d\d s\n$/);
    const once = readFileSync(spec, 'utf8');
    expect((parse(once) as { components: { schemas: object } }).components.schemas).toHaveProperty('SandboxNotFoundError');
    expect(runCli(['merge', catalog, '--spec', spec]).stdout).toMatch(/^merged Sandbox API into .*openapi\.yaml \(unchanged\): 5 operations, 0 references added, 0 kept, 0 removed in /);
    expect(readFileSync(spec, 'utf8')).toBe(once);
  });

  it('notes each response of the spec\'s own only with --verbose; --quiet prints nothing', () => {
    const { dir, spec, catalog } = workspace();
    // The spec answers 404 on getSandbox itself: errcat keeps it.
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('        "200": { description: The sandbox. }\n', '        "200": { description: The sandbox. }\n        "404": { description: No such sandbox. }\n'));
    const summary = runCli(['merge', catalog, '--spec', 'openapi.yaml', '--out', 'a.yaml'], { cwd: dir });
    expect(summary.stderr).toBe('');
    expect(summary.stdout).toMatch(/^merged Sandbox API into a\.yaml: 5 operations, 31 references added, 1 kept, 0 removed in \d+\.\d\d s\n$/);
    const verbose = runCli(['merge', catalog, '--spec', 'openapi.yaml', '--out', 'b.yaml', '--verbose'], { cwd: dir });
    expect(verbose.stderr).toBe('note: kept GET /v1/sandboxes/{sandboxId} 404: the spec already answers it (set replace: true on the rule to replace it)\n');
    expect(verbose.stdout).toMatch(/^merged Sandbox API into b\.yaml: .* 1 kept/);
    const quiet = runCli(['merge', catalog, '--spec', 'openapi.yaml', '--output', 'c.yaml', '--quiet'], { cwd: dir });
    expect(quiet).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'c.yaml'), 'utf8')).toBe(readFileSync(join(dir, 'a.yaml'), 'utf8'));
    expect(runCli(['merge', catalog, '--spec', 'openapi.yaml', '--quiet', '--verbose'], { cwd: dir }).status).toBe(2);
  });

  it('warns before adding components that nothing references; --quiet keeps errors only', () => {
    const { dir } = workspace();
    const catalog = join(dir, 'errors.yaml');
    writeFileSync(catalog, readFileSync(join(ROOT, 'specs/sandbox/errors.yaml'), 'utf8').replace(/^operations:\n(?:[ -].*\n|\n)*/m, ''));
    const run = runCli(['merge', 'errors.yaml', '--spec', 'openapi.yaml'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^openapi\.yaml:8:1 - warning unreferenced-components: No operation here will reference the components errcat adds: the catalog has no `operations` rules/);
    expect(run.stdout).toMatch(/^merged Sandbox API into openapi\.yaml: 0 operations, 0 references added, 0 kept, 0 removed in /);
    expect(runCli(['merge', 'errors.yaml', '--spec', 'openapi.yaml', '--quiet'], { cwd: dir })).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  it('writes to --out, or to stdout with --out - (the summary then on stderr), leaving the spec as it was', () => {
    const { dir, spec, catalog } = workspace();
    const before = readFileSync(spec, 'utf8');
    expect(runCli(['merge', catalog, '--spec', spec, '--out', join(dir, 'merged.yaml')]).status).toBe(0);
    const stdout = runCli(['merge', catalog, '--spec', spec, '--out', '-']);
    expect(stdout.stdout).toBe(readFileSync(join(dir, 'merged.yaml'), 'utf8'));
    expect(stdout.stderr).toMatch(/^merged Sandbox API into stdout: 5 operations, 32 references added/);
    expect(readFileSync(spec, 'utf8')).toBe(before);
  });

  it('on a conflict: exit 1, located diagnostic, spec untouched', () => {
    const { spec, catalog } = workspace();
    const text = readFileSync(spec, 'utf8').replace('components:\n', 'components:\n  schemas:\n    SandboxDocumentedError: { type: object }\n');
    writeFileSync(spec, text);
    const run = runCli(['merge', catalog, '--spec', spec]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/openapi\.yaml:\d+:5 - error component-conflict: The spec already has its own `components\.schemas\.SandboxDocumentedError`/);
    expect(readFileSync(spec, 'utf8')).toBe(text);
  });

  it('usage errors exit 2', () => {
    expect(runCli(['merge', 'specs/sandbox/errors.yaml']).status).toBe(2);
    expect(runCli(['merge', 'specs/sandbox/errors.yaml', '--spec', 'nope.yaml']).stderr).toMatch(/no such file: nope\.yaml/);
  });
});
