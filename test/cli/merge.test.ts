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
  it('edits the spec in place, and a second run leaves it unchanged', () => {
    const { spec, catalog } = workspace();
    const first = runCli(['merge', catalog, '--spec', spec]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^wrote {5}.*openapi\.yaml \(\d+ bytes\)$/m);
    const once = readFileSync(spec, 'utf8');
    expect((parse(once) as { components: { schemas: object } }).components.schemas).toHaveProperty('SandboxNotFoundError');
    expect(runCli(['merge', catalog, '--spec', spec]).stdout).toMatch(/^unchanged /m);
    expect(readFileSync(spec, 'utf8')).toBe(once);
  });

  it('writes to --out, or to stdout with --out -, leaving the spec as it was', () => {
    const { dir, spec, catalog } = workspace();
    const before = readFileSync(spec, 'utf8');
    expect(runCli(['merge', catalog, '--spec', spec, '--out', join(dir, 'merged.yaml')]).status).toBe(0);
    const stdout = runCli(['merge', catalog, '--spec', spec, '--out', '-']);
    expect(stdout.stdout).toBe(readFileSync(join(dir, 'merged.yaml'), 'utf8'));
    expect(readFileSync(spec, 'utf8')).toBe(before);
  });

  it('on a conflict: exit 1, located diagnostic, spec untouched', () => {
    const { spec, catalog } = workspace();
    const text = readFileSync(spec, 'utf8').replace('components:\n', 'components:\n  schemas:\n    SandboxApiError: { type: object }\n');
    writeFileSync(spec, text);
    const run = runCli(['merge', catalog, '--spec', spec]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/openapi\.yaml:\d+:5 - error component-conflict: The spec already has its own `components\.schemas\.SandboxApiError`/);
    expect(readFileSync(spec, 'utf8')).toBe(text);
  });

  it('usage errors exit 2', () => {
    expect(runCli(['merge', 'specs/sandbox/errors.yaml']).status).toBe(2);
    expect(runCli(['merge', 'specs/sandbox/errors.yaml', '--spec', 'nope.yaml']).stderr).toMatch(/no such file: nope\.yaml/);
  });
});
