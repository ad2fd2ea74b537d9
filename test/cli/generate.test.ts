import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'errcat-generate-'));

describe('errcat generate', () => {
  it('writes openapi.yaml (3.1) and errors.ts and says so, then reports them unchanged on a second run', () => {
    const out = join(tmp(), 'out');
    const first = runCli(['generate', 'specs/sandbox/errors.yaml', '--out', out]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^wrote {5}.*openapi\.yaml \(\d+ bytes\)$/m);
    expect(first.stdout).toMatch(/^wrote {5}.*errors\.ts \(\d+ bytes\)$/m);
    const doc = parse(readFileSync(join(out, 'openapi.yaml'), 'utf8')) as { openapi: string };
    expect(doc.openapi).toBe('3.1.1');
    const second = runCli(['generate', 'specs/sandbox/errors.yaml', '--out', out]);
    expect(second.stdout).toMatch(/^unchanged .*openapi\.yaml/m);
    expect(second.stdout).toMatch(/^unchanged .*errors\.ts/m);
  });

  it.each([
    ['3.0', 'yaml', 'openapi.yaml', 'openapi', '3.0.3'],
    ['2.0', 'yaml', 'openapi.yaml', 'swagger', '2.0'],
    ['3.1', 'json', 'openapi.json', 'openapi', '3.1.1'],
  ])('--openapi %s --format %s writes %s', (version, format, name, key, value) => {
    const out = tmp();
    const run = runCli(['generate', 'specs/prompts/errors.yaml', '--out', out, '--openapi', version, '--format', format]);
    expect(run.status).toBe(0);
    const text = readFileSync(join(out, name), 'utf8');
    const doc = (format === 'json' ? JSON.parse(text) : parse(text)) as Record<string, unknown>;
    expect(doc[key]).toBe(value);
  });

  it('--spec: errors.ts types the errors of each operation of that spec the catalog selects; a missing spec is a usage error', () => {
    const out = mkdtempSync(join(tmpdir(), 'errcat-spec-'));
    const run = runCli(['generate', 'specs/sandbox/errors.yaml', '--out', out, '--spec', 'specs/sandbox/openapi.yaml']);
    expect(run.status).toBe(0);
    const text = readFileSync(join(out, 'errors.ts'), 'utf8');
    expect(text).toContain('export interface OperationStatusErrors');
    expect(text).toMatch(/"runPrompt": \{\n    400: InvalidRequestError \| BudgetExceededError;/);
    expect(runCli(['generate', 'specs/sandbox/errors.yaml', '--out', out, '--spec', 'specs/nope.yaml'])).toMatchObject({ status: 2, stderr: expect.stringContaining('no such file: specs/nope.yaml') });
  });

  it('writes nothing when the catalog has errors, and exits 1 with located diagnostics', () => {
    const dir = tmp();
    const catalog = join(dir, 'errors.yaml');
    writeFileSync(catalog, 'errcat: 1\ninfo: { title: T, version: "1" }\nenvelope: { kind: flat }\nerrors:\n  a: { status: 400, title: A, headers: [Nope] }\n');
    const out = join(dir, 'out');
    const run = runCli(['generate', catalog, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${catalog}:5:41 - error unknown-header`);
    expect(existsSync(out)).toBe(false);
  });

  it('--quiet prints errors only: a catalog with warnings generates in silence', () => {
    const dir = tmp();
    const catalog = join(dir, 'errors.yaml');
    writeFileSync(catalog, 'errcat: 1\ninfo: { title: T, version: "1" }\nenvelope: { kind: flat }\nerrors:\n  a: { status: 400 }\n');
    expect(runCli(['generate', catalog, '--out', join(dir, 'out')]).stderr).toContain('warning missing-description');
    expect(runCli(['generate', catalog, '--out', join(dir, 'out2'), '--quiet'])).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(readdirSync(join(dir, 'out2')).sort()).toEqual(['errors.md', 'errors.ts', 'openapi.yaml']);
  });

  it('leaves an existing output exactly as it was when the catalog fails', () => {
    const dir = tmp();
    const out = join(dir, 'out');
    expect(runCli(['generate', 'specs/tasks/errors.yaml', '--out', out]).status).toBe(0);
    const before = readFileSync(join(out, 'openapi.yaml'), 'utf8');
    const typesBefore = readFileSync(join(out, 'errors.ts'), 'utf8');
    const catalog = join(dir, 'broken.yaml');
    writeFileSync(catalog, readFileSync(join(ROOT, 'specs/tasks/errors.yaml'), 'utf8').replace('status: 401', 'status: 302'));
    expect(runCli(['generate', catalog, '--out', out]).status).toBe(1);
    expect(readFileSync(join(out, 'openapi.yaml'), 'utf8')).toBe(before);
    expect(readFileSync(join(out, 'errors.ts'), 'utf8')).toBe(typesBefore);
    expect(readdirSync(out).sort()).toEqual(['errors.md', 'errors.ts', 'openapi.yaml']);
  });

  it.each([
    [['generate', 'specs/tasks/errors.yaml', '--out', 'x', '--openapi', '4.0'], /--openapi must be one of 3\.1, 3\.0, 2\.0/],
    [['generate', 'specs/tasks/errors.yaml', '--out', 'x', '--format', 'xml'], /the OpenAPI format \(--openapi-format\) must be yaml or json/],
    [['generate', 'test/fixtures/valid/nested-code.yaml'], /errcat\.config\.yaml does not name test\/fixtures\/valid\/nested-code\.yaml; add it to the config, or pass --out/],
    [['generate', 'nope.yaml', '--out', 'x'], /no such file: nope\.yaml/],
  ])('usage error %j exits 2', (args, message) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
