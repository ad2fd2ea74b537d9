import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, watch } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { CLI } from '../helpers.js';

/**
 * The kill tests' harness (kill-generate.test.ts, kill-merge.test.ts). SIGKILL at random moments of a run: afterwards every output holds its old bytes or its new
 * ones, the only other files are errcat's own temporary files and locks (named so the next run
 * finds them), and after the next run there are none. Half the kills land anywhere in the run,
 * half while it writes (once a temporary file or lock appears), where the danger is.
 */

const ERRCAT_LEFTOVER = /^\.(.+)\.errcat(-[A-Za-z0-9]+-\d+-[0-9a-f]+\.tmp|\.lock)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

const leftovers = (dir: string) => filesUnder(dir).filter((path) => ERRCAT_LEFTOVER.test(path.split('/').pop() as string));
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A run of the CLI: killed after `delay` ms, or `delay` ms after its first temporary file appears in `watched` (its own name its process id). */
export async function run(args: readonly string[], cwd: string, watched: readonly string[], kill?: { delay: number; whileWriting: boolean }): Promise<{ exit: number | null; duration: number; writing: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: 'ignore' });
  let exit: number | null | undefined;
  const exited = new Promise<void>((done) => child.on('exit', (code) => done(void (exit = code))));
  const own = `-${child.pid}-`;
  let writing = -1;
  let wrote = () => {};
  const writingStarted = new Promise<void>((done) => (wrote = done));
  // File events rather than polling: a run's writing (temporary files, then renames) can be over in a few milliseconds.
  const watchers = watched.map((dir) =>
    watch(dir, (_, name) => {
      if (writing === -1 && exit === undefined && name?.includes(own)) {
        writing = performance.now();
        wrote();
      }
    }),
  );
  const writingOrExit = Promise.race([writingStarted, exited]);
  if (kill) {
    if (kill.whileWriting) await writingOrExit;
    await sleep(kill.delay);
    child.kill('SIGKILL');
  }
  await exited;
  for (const watcher of watchers) watcher.close();
  const ended = performance.now();
  return { exit: exit ?? null, duration: ended - started, writing: writing === -1 ? 0 : ended - writing };
}

/** Kills per command: enough to land in each phase of a run (half of them while it writes) in a suite kept short. */
const KILLS = 4;

/**
 * Kills a run KILLS times, after each kill checking each output is its old or its new bytes. A
 * full run first measures how long a run takes and how long it writes: half the kills fall
 * anywhere in a run, half in its writing.
 */
export async function killRepeatedly(options: { cwd: string; args: readonly string[]; outputs: string[]; watched: string[]; reset: () => void; old: Map<string, Buffer>; fresh: Map<string, Buffer> }): Promise<void> {
  options.reset();
  const full = await run(options.args, options.cwd, options.watched);
  expect(full.exit).toBe(0);
  expect(full.writing).toBeGreaterThan(0);
  for (const output of options.outputs) expect(readFileSync(join(options.cwd, output)).equals(options.fresh.get(output) as Buffer)).toBe(true);
  const isLeftover = (path: string) => ERRCAT_LEFTOVER.test(path.split('/').pop() as string);
  const before = new Set(filesUnder(options.cwd));
  const fractions = fc.sample(fc.double({ min: 0, max: 1.1, noNaN: true }), { numRuns: KILLS, seed: 11 });
  for (const [i, fraction] of fractions.entries()) {
    options.reset();
    const whileWriting = i % 2 === 1;
    await run(options.args, options.cwd, options.watched, { delay: fraction * (whileWriting ? full.writing : full.duration), whileWriting });
    for (const output of options.outputs) {
      const bytes = readFileSync(join(options.cwd, output));
      const state = bytes.equals(options.old.get(output) as Buffer) ? 'old' : bytes.equals(options.fresh.get(output) as Buffer) ? 'new' : 'torn';
      expect(`${output}: ${state}`).not.toBe(`${output}: torn`);
    }
    // Nothing else appeared but errcat's own leftovers, which the next run recognises.
    expect(filesUnder(options.cwd).filter((path) => !before.has(path) && !isLeftover(path))).toEqual([]);
  }
  // The next run cleans up after all of them.
  expect((await run(options.args, options.cwd, options.watched)).exit).toBe(0);
  expect(leftovers(options.cwd)).toEqual([]);
  expect(filesUnder(options.cwd)).toEqual([...before].sort());
  for (const output of options.outputs) expect(readFileSync(join(options.cwd, output)).equals(options.fresh.get(output) as Buffer)).toBe(true);
}

