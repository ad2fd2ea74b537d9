import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics/codes.js';
import { loadCatalog } from '../../src/load.js';
import { mergeSpec } from '../../src/merge/merge.js';
import { loadConfig } from '../../src/project/config.js';
import { planProject } from '../../src/project/plan.js';
import { ROOT } from '../helpers.js';

const DIR = join(ROOT, 'test/fixtures/invalid');

/** A fixture says what it must produce on its first line (`# expect: code line:col`), or in a `.expect` file beside it. */
function expectation(name: string): { code: string; line: number; column: number } {
  const path = join(DIR, name);
  const sidecar = `${path}.expect`;
  const text = existsSync(sidecar) ? readFileSync(sidecar, 'utf8') : readFileSync(path, 'utf8').split('\n')[0] ?? '';
  const match = /(?:# expect: )?([a-z-]+) (\d+):(\d+)/.exec(text);
  if (!match) throw new Error(`${name} has no expectation`);
  return { code: match[1] ?? '', line: Number(match[2]), column: Number(match[3]) };
}

const fixtures = readdirSync(DIR).filter((f) => !f.endsWith('.expect')).sort();

describe('invalid fixtures', () => {
  it.each(fixtures)('%s reports its code at its position', async (name) => {
    const want = expectation(name);
    if (name.endsWith('.spec.yaml')) {
      // A spec to merge into, with the catalog named on its second line.
      const text = readFileSync(join(DIR, name), 'utf8');
      const catalog = await loadCatalog(join(DIR, /# catalog: (.+)/.exec(text)?.[1] ?? ''));
      if (!catalog.catalog) throw new Error(`${name}: its catalog does not load`);
      const result = await mergeSpec(catalog.catalog, join(DIR, name), text);
      expect(result.text).toBeUndefined();
      expect(result.diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column}`)).toContain(`${want.code} ${want.line}:${want.column}`);
      return;
    }
    if (name.endsWith('.config.yaml')) {
      // A project config: its diagnostics may point into the config or into a template.
      const loaded = await loadConfig(join(DIR, name));
      const diagnostics = loaded.config ? (await planProject(loaded.config)).diagnostics : loaded.diagnostics;
      expect(diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column}`)).toContain(`${want.code} ${want.line}:${want.column}`);
      return;
    }
    // A `# limits: maxBytes=300` line lowers a limit, so that a small fixture can exceed it.
    const head = statSync(join(DIR, name)).isFile() ? readFileSync(join(DIR, name), 'utf8').slice(0, 500) : '';
    const limits = Object.fromEntries([...(/# limits: (.+)/.exec(head)?.[1] ?? '').matchAll(/(\w+)=(\d+)/g)].map((m) => [m[1], Number(m[2])]));
    const result = await loadCatalog(join(DIR, name), { limits });
    expect(result.catalog === undefined).toBe(DIAGNOSTIC_CODES[want.code as keyof typeof DIAGNOSTIC_CODES]?.severity === 'error');
    expect(result.diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column}`)).toContain(`${want.code} ${want.line}:${want.column}`);
    for (const d of result.diagnostics) expect(d.file).toBe(join(DIR, name));
  });

  it('covers every diagnostic code with a fixture named after it', () => {
    const covered = new Set(fixtures.map((f) => expectation(f).code));
    expect([...Object.keys(DIAGNOSTIC_CODES)].filter((code) => !covered.has(code))).toEqual([]);
    for (const f of fixtures) expect(f.replace(/(\.config|\.spec)?\.(ya?ml|json)$/, '')).toBe(expectation(f).code);
  });

  it('keeps codes kebab-case', () => {
    for (const code of Object.keys(DIAGNOSTIC_CODES)) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('has a directory fixture for not-a-file', () => {
    expect(statSync(join(DIR, 'not-a-file.yaml')).isDirectory()).toBe(true);
  });
});
