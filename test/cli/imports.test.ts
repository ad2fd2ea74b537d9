import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'errcat-imports-'));

/** Runs the built CLI with every resolved module recorded; returns them with the exit status. */
function importsOf(args: readonly string[], name: string): { status: number | null; modules: string[] } {
  const log = join(tmp, `${name}.log`);
  rmSync(log, { force: true });
  const run = spawnSync(process.execPath, ['--import', join(ROOT, 'test/cli/record-imports.mjs'), CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ERRCAT_IMPORT_LOG: log },
  });
  return { status: run.status, modules: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

/** errcat's modules inside the bundle's chunks, by chunk URL (the bundle's metafile says which chunk holds which). */
const META = JSON.parse(readFileSync(join(ROOT, 'dist/bundle/meta.json'), 'utf8')) as Metafile;
const INPUTS_BY_CHUNK = new Map(Object.entries(META.outputs).map(([chunk, output]) => [pathToFileURL(join(ROOT, chunk)).href, Object.keys(output.inputs)]));

/** What a run loaded: each module recorded, with the modules inside each chunk of the bundle in place of the chunk. */
const loadedModules = (recorded: readonly string[]): string[] => recorded.flatMap((url) => INPUTS_BY_CHUNK.get(url)?.map((input) => `/${input}`) ?? [url]);

const loads = (modules: readonly string[], part: string) => loadedModules(modules).some((m) => m.includes(part));
const loaded = (modules: readonly string[], part: string) => loadedModules(modules).filter((m) => m.includes(part));
const HEAVY = ['/node_modules/ts-morph/', '/node_modules/handlebars/', '/node_modules/@apidevtools/swagger-parser/'];

describe('each command imports only what it uses', () => {
  it('the bundle is what runs, and its chunks are known', () => {
    const run = importsOf(['lint', 'specs/sandbox/errors.yaml'], 'bundle');
    const chunks = run.modules.filter((url) => url.includes('/dist/bundle/'));
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) expect(INPUTS_BY_CHUNK.has(chunk)).toBe(true);
  });

  it('generate of one catalog loads ts-morph and handlebars (the recording sees what it should), but no merge code', () => {
    const run = importsOf(['generate', 'specs/sandbox/errors.yaml', '--out', join(tmp, 'out')], 'generate');
    expect(run.status).toBe(0);
    expect(loads(run.modules, '/dist/cli/generate.js')).toBe(true);
    expect(loads(run.modules, '/node_modules/ts-morph/')).toBe(true);
    expect(loads(run.modules, '/node_modules/handlebars/')).toBe(true);
    // Nothing is merged: no merge code, no swagger-parser.
    expect([...loaded(run.modules, '/dist/merge/merge.js'), ...loaded(run.modules, '/node_modules/@apidevtools/swagger-parser/')]).toEqual([]);
  });

  it('lint loads no ts-morph, swagger-parser, handlebars or emitter', () => {
    const run = importsOf(['lint', 'specs/sandbox/errors.yaml'], 'lint');
    expect(run.status).toBe(0);
    expect(loads(run.modules, '/dist/cli/lint.js')).toBe(true);
    expect(loads(run.modules, '/dist/load.js')).toBe(true);
    for (const heavy of [...HEAVY, '/dist/emit/', '/dist/merge/']) expect(loaded(run.modules, heavy)).toEqual([]);
  });
});
