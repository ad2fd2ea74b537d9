import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const FLAT = 'test/fixtures/import/flat.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'errcat-import-'));

describe('errcat import', () => {
  it('prints the catalog, and what it guessed on stderr at the spec lines', () => {
    const run = runCli(['import', FLAT]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^# yaml-language-server: \$schema=/);
    expect(run.stdout).toContain('\nerrcat: 2\n');
    expect(run.stderr).toContain(`${FLAT}:13:18 - info import-status-guess:`);
    // What it printed lints.
    const written = join(tmp, 'printed.yaml');
    writeFileSync(written, run.stdout);
    expect(runCli(['lint', written]).status).toBe(0);
  });

  it('writes a new file with --out (or --output), never over an existing one', () => {
    const out = join(tmp, 'errors.yaml');
    const run = runCli(['import', FLAT, '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^wrote     ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 4 codes, `));
    const text = readFileSync(out, 'utf8');
    const again = runCli(['import', FLAT, '--output', out]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists; nothing written');
    expect(readFileSync(out, 'utf8')).toBe(text);
  });

  it('exits 1 with a located diagnostic when there is nothing to import, and writes nothing', () => {
    const spec = join(tmp, 'bodiless.yaml');
    writeFileSync(spec, 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n  /a:\n    get:\n      responses:\n        "404": { description: Missing. }\n');
    const out = join(tmp, 'none.yaml');
    const run = runCli(['import', spec, '-o', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${spec}:7:16 - error import-no-errors:`);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 for a missing spec, and 1 for a file that is not one', () => {
    expect(runCli(['import', 'nope.yaml']).status).toBe(2);
    const notSpec = join(tmp, 'not-spec.yaml');
    writeFileSync(notSpec, 'asyncapi: 2.0.0\n');
    const run = runCli(['import', notSpec]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('unsupported-spec');
  });
});
