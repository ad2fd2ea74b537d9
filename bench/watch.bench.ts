import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median, printTable, round } from './table.js';

const CLI = resolve('dist/bundle/cli.cjs');
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A child's stdout as lines, and a wait for the next line that matches. */
function lines(child: ChildProcessWithoutNullStreams) {
  let buffered = '';
  let seen: string[] = [];
  let waiting: { test: RegExp; done: () => void } | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    seen.push(...parts);
    if (waiting && seen.some((line) => waiting?.test.test(line))) waiting.done();
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    /** Forgets what was printed so far: the next `until` waits for a new line. */
    reset: () => {
      seen = [];
    },
    until: (test: RegExp, timeoutMs = 60_000) =>
      new Promise<void>((done, fail) => {
        if (seen.some((line) => test.test(line))) return done();
        const timer = setTimeout(() => fail(new Error(`bench: no line like ${test} within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
        waiting = {
          test,
          done: () => {
            clearTimeout(timer);
            waiting = undefined;
            done();
          },
        };
      }),
  };
}

/**
 * Milliseconds from each save of `catalog` to the child printing a line like `done`, for `saves`
 * saves, each changing what the catalog says; the child is ready once it printed `ready`, and again
 * before each save.
 */
async function saveLatencies(args: readonly string[], cwd: string, catalog: string, saves: number, done: RegExp, ready: RegExp): Promise<number[]> {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: '1' } });
  const out = lines(child);
  const original = readFileSync(catalog, 'utf8');
  const times: number[] = [];
  try {
    await out.until(ready);
    for (let i = 0; i < saves; i++) {
      // Quiet first: no event of the last save may still be on its way.
      await pause(250);
      out.reset();
      const start = performance.now();
      writeFileSync(catalog, original.replace('title: Sandbox API', `title: Sandbox API ${i + 1}`));
      await out.until(done);
      times.push(performance.now() - start);
      await out.until(ready);
    }
  } finally {
    child.kill('SIGTERM');
    writeFileSync(catalog, original);
  }
  return times;
}


/**
 * Watch mode, warm: a project of the sandbox catalog (merged into its spec, as errcat's own config
 * does) under `errcat generate --watch`, saved `saves` times; each time from the write to the run's
 * summary line (printed once every output is written). Beside the floor of any watcher: a process
 * that only watches the same folder and prints a line on the same save.
 */
export async function benchWatch(quick: boolean): Promise<void> {
  const saves = quick ? 9 : 21;
  const tmp = mkdtempSync(join(tmpdir(), 'errcat-watch-bench-'));
  try {
    mkdirSync(join(tmp, 'apis', 'sandbox'), { recursive: true });
    for (const file of ['errors.yaml', 'openapi.yaml']) cpSync(join('specs/sandbox', file), join(tmp, 'apis', 'sandbox', file));
    writeFileSync(join(tmp, 'errcat.config.yaml'), 'errcat: 1\ncatalogs:\n  - catalog: apis/*/errors.yaml\n    out: out/{name}\n    merge:\n      - spec: apis/{name}/openapi.yaml\n        out: out/{name}/openapi.merged.yaml\n');
    const catalog = join(tmp, 'apis', 'sandbox', 'errors.yaml');
    const echo = "const fs = require('node:fs'); fs.watch('apis/sandbox', (_, name) => name === 'errors.yaml' && process.stdout.write('saved\\nready\\n')); process.stdout.write('ready\\n');";
    const floor = await saveLatencies(['-e', echo], tmp, catalog, saves, /^saved$/, /^ready$/);
    const watch = await saveLatencies([CLI, 'generate', '--watch'], tmp, catalog, saves, /^\d+ catalogs?.* in /, /^watching for changes/);
    const rows = [
      { what: 'generate --watch, sandbox: a save to outputs written', ms: round(median(watch)), 'min ms': round(Math.min(...watch)), floor: 'fs.watch echo', 'floor ms': round(median(floor), 1), goal: '≤ 150 ms' },
    ];
    printTable(`watch mode, warm: medians of ${saves} saves (floor: a process that only watches the folder and prints on the same save)`, rows);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
