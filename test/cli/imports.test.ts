import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers.js';

/** The CLI as tsc writes it, unbundled: one module per source file. */
const UNBUNDLED_CLI = join(ROOT, 'dist', 'cli.js');

const tmp = mkdtempSync(join(tmpdir(), 'errcat-imports-'));

/** Runs the built CLI with every resolved module recorded; returns them with the exit status. */
function importsOf(cli: string, args: readonly string[], name: string): { status: number | null; modules: string[] } {
  const log = join(tmp, `${name}.log`);
  rmSync(log, { force: true });
  const run = spawnSync(process.execPath, ['--import', join(ROOT, 'test/cli/record-imports.mjs'), cli, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ERRCAT_IMPORT_LOG: log },
  });
  return { status: run.status, modules: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

const loads = (modules: readonly string[], part: string) => modules.some((m) => m.includes(part));
const loaded = (modules: readonly string[], part: string) => modules.filter((m) => m.includes(part));
const HEAVY = ['/node_modules/ts-morph/', '/node_modules/handlebars/', '/node_modules/@apidevtools/swagger-parser/'];

/**
 * The module graph is judged on dist/cli.js, the ES modules the bundle is built from: esbuild
 * runs a bundled module's top level only when its import is reached, so the bundle loads what
 * they load. The bundle itself is judged by the packages it requires when it runs.
 */
describe('each command imports only what it uses', () => {
  it('generate of one catalog loads ts-morph and handlebars (the recording sees what it should), but no merge code', () => {
    const run = importsOf(UNBUNDLED_CLI, ['generate', 'specs/sandbox/errors.yaml', '--out', join(tmp, 'out')], 'generate');
    expect(run.status).toBe(0);
    expect(loads(run.modules, '/dist/cli/generate.js')).toBe(true);
    expect(loads(run.modules, '/node_modules/ts-morph/')).toBe(true);
    expect(loads(run.modules, '/node_modules/handlebars/')).toBe(true);
    // Nothing is merged: no merge code, no swagger-parser.
    expect([...loaded(run.modules, '/dist/merge/merge.js'), ...loaded(run.modules, '/node_modules/@apidevtools/swagger-parser/')]).toEqual([]);
  });

  it('lint loads no ts-morph, swagger-parser, handlebars or emitter', () => {
    const run = importsOf(UNBUNDLED_CLI, ['lint', 'specs/sandbox/errors.yaml'], 'lint');
    expect(run.status).toBe(0);
    expect(loads(run.modules, '/dist/cli/lint.js')).toBe(true);
    expect(loads(run.modules, '/dist/load.js')).toBe(true);
    for (const heavy of [...HEAVY, '/dist/emit/', '/dist/merge/']) expect(loaded(run.modules, heavy)).toEqual([]);
  });

  it('the bundled CLI runs from its one file, and requires the heavy packages only where the command uses them', () => {
    const lint = importsOf(CLI, ['lint', 'specs/sandbox/errors.yaml'], 'bundle-lint');
    expect(lint.status).toBe(0);
    expect(loads(lint.modules, '/dist/bundle/cli.cjs')).toBe(true);
    const errcatDist = pathToFileURL(join(ROOT, 'dist')).href;
    expect(lint.modules.filter((m) => m.startsWith(errcatDist) && !m.includes('/dist/bundle/'))).toEqual([]);
    for (const heavy of HEAVY) expect(loaded(lint.modules, heavy)).toEqual([]);
    const generate = importsOf(CLI, ['generate', 'specs/sandbox/errors.yaml', '--out', join(tmp, 'bundle-out')], 'bundle-generate');
    expect(generate.status).toBe(0);
    expect(loads(generate.modules, '/node_modules/ts-morph/')).toBe(true);
    expect(loads(generate.modules, '/node_modules/handlebars/')).toBe(true);
    expect(loaded(generate.modules, '/node_modules/@apidevtools/swagger-parser/')).toEqual([]);
  });

  it('the launcher turns on Node\'s compile cache, once and before ts-morph loads, where Node has one', () => {
    const log = join(tmp, 'compile-cache.log');
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, ['--require', join(ROOT, 'test/cli/compile-cache-probe.cjs'), CLI, 'generate', 'specs/sandbox/errors.yaml', '--out', join(tmp, 'cache-out'), '--no-cache'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
    rmSync(log, { force: true });
    const cached = run({ ERRCAT_COMPILE_CACHE_LOG: log });
    expect(cached.status, cached.stderr).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('before ts-morph\n');
    // A Node whose cache throws (an unwritable folder, say) still runs the command.
    const refused = spawnSync(process.execPath, ['-e', `require('node:module').enableCompileCache = () => { throw new Error('no cache'); }; process.argv.splice(1, 0, ${JSON.stringify(CLI)}); require(${JSON.stringify(CLI)});`, 'generate', 'specs/sandbox/errors.yaml', '--out', join(tmp, 'cache-out-2'), '--no-cache'], { cwd: ROOT, encoding: 'utf8' });
    expect(refused.status, refused.stderr).toBe(0);
  });

  it('the launcher caps how far the heap of generate and check grows, unless node was given its own cap', () => {
    const log = join(tmp, 'v8-flags.log');
    const flagsOf = (nodeFlags: readonly string[], args: readonly string[], env: NodeJS.ProcessEnv = {}) => {
      rmSync(log, { force: true });
      const run = spawnSync(process.execPath, [...nodeFlags, '--require', join(ROOT, 'test/cli/v8-flags-probe.cjs'), CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ERRCAT_V8_FLAGS_LOG: log, ...env } });
      expect(run.status, run.stderr).toBe(0);
      return existsSync(log) ? readFileSync(log, 'utf8') : '';
    };
    const generate = ['generate', 'specs/sandbox/errors.yaml', '--out', join(tmp, 'flags-out'), '--no-cache'];
    expect(flagsOf([], generate)).toBe('--heap-growing-percent=30\n');
    expect(flagsOf([], ['check', 'specs/sandbox/errors.yaml', '--no-cache'])).toBe('--heap-growing-percent=30\n');
    expect(flagsOf([], ['lint', 'specs/sandbox/errors.yaml'])).toBe('');
    // The user's own setting, in either spelling V8 takes, is left as given.
    expect(flagsOf(['--heap-growing-percent=80'], generate)).toBe('');
    expect(flagsOf(['--heap_growing_percent=0'], generate)).toBe('');
    // A runtime that refuses the flag still runs the command.
    expect(flagsOf([], generate, { ERRCAT_V8_FLAGS_REFUSED: '1' })).toBe('--heap-growing-percent=30\n');
  });
});
