import { appendFileSync, chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics/codes.js';
import { loadCatalog } from '../../src/load.js';
import { importSpec } from '../../src/import/import.js';
import { mergeSpec } from '../../src/merge/merge.js';
import { mergeFile, type MergeFileOptions } from '../../src/merge/merge-file.js';
import type { WriteFileSystem } from '../../src/write/files.js';
import { loadConfig } from '../../src/project/config.js';
import { compareWithDisk } from '../../src/project/check.js';
import { planProject } from '../../src/project/plan.js';
import { ROOT } from '../helpers.js';

const DIR = join(ROOT, 'test/fixtures/invalid');

/** A fixture says what it must produce on its first line (`# expect: code line:col`, `// expect: …` in a module), or in a `.expect` file beside it. */
function expectation(name: string): { code: string; line: number; column: number } {
  const path = join(DIR, name);
  const sidecar = `${path}.expect`;
  const text = existsSync(sidecar) ? readFileSync(sidecar, 'utf8') : readFileSync(path, 'utf8').split('\n')[0] ?? '';
  const match = /(?:(?:#|\/\/) expect: )?([a-z-]+) (\d+):(\d+)/.exec(text);
  if (!match) throw new Error(`${name} has no expectation`);
  return { code: match[1] ?? '', line: Number(match[2]), column: Number(match[3]) };
}

/** A project config fixture: `<code>.config.yaml`, or a config module `<code>.config.ts` (`.mts`, `.mjs`, `.js`). */
const CONFIG = /\.config\.(ya?ml|json|ts|mts|mjs|js)$/;

const fixtures = readdirSync(DIR).filter((f) => !f.endsWith('.expect')).sort();

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/**
 * What a spec fixture's `# setup:` line does to a copy of it before errcat merges into the copy
 * and writes it: the file-system conditions that the write codes are about.
 */
const SETUPS: Record<string, (spec: string) => MergeFileOptions> = {
  'mode 444': (spec) => {
    chmodSync(spec, 0o444);
    return {};
  },
  // The first look at the spec before writing finds someone else's edit.
  'edited while merging': (spec) => {
    let edited = false;
    const fs: WriteFileSystem = {
      ...nodeFs,
      open: (async (path: Parameters<typeof nodeFs.open>[0], ...rest: unknown[]) => {
        if (!edited && path === spec) {
          edited = true;
          appendFileSync(spec, '# saved by an editor meanwhile\n');
        }
        return (nodeFs.open as (...args: unknown[]) => Promise<nodeFs.FileHandle>)(path, ...rest);
      }) as typeof nodeFs.open,
    };
    return { fs };
  },
  // A lock held by an errcat on another machine sharing the folder.
  locked: (spec) => {
    writeFileSync(join(spec, '..', `.${spec.split('/').pop()}.errcat.lock`), 'elsewhere 1\n');
    return { lockWaitMs: 100 };
  },
  'disk full': () => {
    const fs: WriteFileSystem = {
      ...nodeFs,
      open: (async (path: Parameters<typeof nodeFs.open>[0], ...rest: unknown[]) => {
        const handle = await (nodeFs.open as (...args: unknown[]) => Promise<nodeFs.FileHandle>)(path, ...rest);
        if (!String(path).endsWith('.tmp')) return handle;
        return Object.assign(Object.create(handle) as nodeFs.FileHandle, { writeFile: async () => Promise.reject(enospc()), writev: async () => Promise.reject(enospc()), close: () => handle.close() });
      }) as typeof nodeFs.open,
    };
    return { fs };
  },
};

describe('invalid fixtures', () => {
  it.each(fixtures)('%s reports its code at its position', async (name) => {
    const want = expectation(name);
    if (name.endsWith('.spec.yaml')) {
      // A spec to merge into, with the catalog named on its second line.
      const text = readFileSync(join(DIR, name), 'utf8');
      const catalog = await loadCatalog(join(DIR, /# catalog: (.+)/.exec(text)?.[1] ?? ''));
      if (!catalog.catalog) throw new Error(`${name}: its catalog does not load`);
      const setup = /# setup: (.+)/.exec(text)?.[1];
      if (setup !== undefined) {
        // Merged into a copy and written: the copy must stay as the setup left it, with nothing beside it.
        const dir = mkdtempSync(join(tmpdir(), 'errcat-fixture-'));
        const spec = join(dir, 'openapi.yaml');
        writeFileSync(spec, text);
        const options = (SETUPS[setup] as (spec: string) => MergeFileOptions)(spec);
        const before = readFileSync(spec);
        const result = await mergeFile(catalog.catalog, spec, options);
        expect(result.written).toBeUndefined();
        expect(result.diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column}`)).toContain(`${want.code} ${want.line}:${want.column}`);
        expect(readFileSync(spec).subarray(0, before.length).equals(before)).toBe(true);
        expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
        return;
      }
      const result = await mergeSpec(catalog.catalog, join(DIR, name), text);
      // A warning leaves the merge done; an error leaves nothing.
      expect(result.text === undefined).toBe(DIAGNOSTIC_CODES[want.code as keyof typeof DIAGNOSTIC_CODES]?.severity === 'error');
      expect(result.diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column}`)).toContain(`${want.code} ${want.line}:${want.column}`);
      return;
    }
    if (name.endsWith('.import.yaml')) {
      // A spec to import a catalog from: what import could not read, or guessed, at its place in the spec.
      const file = join(DIR, name);
      const result = importSpec(file, readFileSync(file, 'utf8'));
      expect(result.catalog === undefined).toBe(DIAGNOSTIC_CODES[want.code as keyof typeof DIAGNOSTIC_CODES]?.severity === 'error');
      expect(result.diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column}`)).toContain(`${want.code} ${want.line}:${want.column}`);
      for (const d of result.diagnostics) expect(d.file).toBe(file);
      return;
    }
    if (CONFIG.test(name)) {
      // A project config (YAML, or a module such as errcat.config.ts): its diagnostics may point
      // into the config, a template, or a generated file that `errcat check` finds stale.
      const loaded = await loadConfig(join(DIR, name));
      const plan = loaded.config ? await planProject(loaded.config) : undefined;
      const checked = plan && plan.diagnostics.length === 0 ? (await compareWithDisk(plan.files)).diagnostics : [];
      const diagnostics = plan ? [...plan.diagnostics, ...checked] : loaded.diagnostics;
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
    for (const f of fixtures) expect(f.replace(CONFIG, '').replace(/(\.spec|\.import)?\.(ya?ml|json)$/, '')).toBe(expectation(f).code);
  });

  it('keeps codes kebab-case', () => {
    for (const code of Object.keys(DIAGNOSTIC_CODES)) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('has a directory fixture for not-a-file', () => {
    expect(statSync(join(DIR, 'not-a-file.yaml')).isDirectory()).toBe(true);
  });
});
