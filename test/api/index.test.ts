import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

describe("the package's public API", () => {
  it('loads, generates and writes from the built package entry point', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: { '.': { default: string } } };
    const api = (await import(join(ROOT, pkg.exports['.'].default))) as typeof import('../../src/index.js');
    const { catalog, diagnostics } = await api.loadCatalog(join(ROOT, 'specs/sandbox/errors.yaml'));
    expect(diagnostics).toEqual([]);
    if (!catalog) throw new Error('no catalog');
    const { templates } = await api.loadTemplates();
    const out = mkdtempSync(join(tmpdir(), 'errcat-api-'));
    const files = api.generate(catalog, { outDir: out, templates });
    expect(files.map((f) => f.path.slice(out.length + 1))).toEqual(['openapi.yaml', 'errors.ts', 'errors.md']);
    const { written, diagnostics: problems } = await api.writeFilesAtomically(files);
    expect(problems).toEqual([]);
    expect(written.map((w) => w.outcome)).toEqual(['written', 'written', 'written']);
    expect(readFileSync(join(out, 'errors.ts'), 'utf8')).toBe(files[1]?.content);
    expect(Object.keys(api.DIAGNOSTIC_CODES)).toContain('unknown-key');
    const spec = readFileSync(join(ROOT, 'specs/sandbox/openapi.yaml'), 'utf8');
    const merged = await api.merge(catalog, 'openapi.yaml', spec);
    expect(merged.diagnostics).toEqual([]);
    expect(merged.text).toBe(readFileSync(join(ROOT, 'generated/sandbox/openapi.merged.yaml'), 'utf8'));
    expect(merged.counts).toEqual({ operations: 5, added: 32, kept: 0, replaced: 0, removed: 0 });
    const config = { catalogs: [{ catalog: 'errors.yaml', out: 'generated' }] };
    expect(api.defineConfig(config)).toBe(config);
    const light = (await import(join(ROOT, 'dist/project/define-config.js'))) as { defineConfig: unknown };
    expect(light.defineConfig).toBe(api.defineConfig);
  });
});
