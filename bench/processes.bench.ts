import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { syntheticCatalog } from './synthetic.js';
import { median, printTable, round } from './table.js';

const CLI = resolve('dist/bundle/cli.cjs');
const TSC = resolve('node_modules/typescript/bin/tsc');
/** Preloaded into each measured process: prints its peak resident memory on exit. */
const PEAK = `data:text/javascript,${encodeURIComponent("process.on('exit', () => process.stderr.write(`\\nPEAK_RSS_KB=${process.resourceUsage().maxRSS}\\n`));")}`;

interface Measured {
  ms: number;
  peakMiB: number;
}

/** One whole process, wall time and peak RSS; it must exit 0. */
function once(args: readonly string[], cwd: string, before?: () => void): Measured {
  before?.();
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--import', PEAK, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 2 ** 28 });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}:\n${run.stdout}\n${run.stderr}`);
  const kb = Number(/PEAK_RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? 0);
  return { ms, peakMiB: kb / 1024 };
}

/** A process to time: its arguments, where it runs, and what to do before each run. */
interface Run {
  args: readonly string[];
  cwd: string;
  before?: () => void;
}


/** The medians of a list of runs (time and memory each). */
const medianOf = (all: readonly Measured[]): Measured => ({ ms: median(all.map((m) => m.ms)), peakMiB: median(all.map((m) => m.peakMiB)) });

interface Paired {
  subject: Measured;
  floor: Measured;
  /** The median of each pair's ratio. */
  ratio: number;
}

/**
 * A process and its floor, run in turn (A B A B …) `runs` times: on this kind of machine a floor
 * drifts by half between minutes, and each pair meets the same drift.
 */
function paired(runs: number, subject: Run, floor: Run): Paired {
  const subjects: Measured[] = [];
  const floors: Measured[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = once(subject.args, subject.cwd, subject.before);
    const b = once(floor.args, floor.cwd, floor.before);
    subjects.push(a);
    floors.push(b);
    ratios.push(a.ms / b.ms);
  }
  return { subject: medianOf(subjects), floor: medianOf(floors), ratio: median(ratios) };
}

/**
 * Whole processes, each beside its floor, run in turn: node's own start, the ts-morph load, tsc
 * on a 16-code errors.ts, one catalog's cold generate. Each row is a median of pairs; `goal` is
 * the ratio issue 14 asks for.
 */
export function benchProcesses(quick: boolean): void {
  // Pairs per row: more for the quick rows, whose pairs' ratios spread widest (lint's from 1.5 to 2.8).
  const pairs = (full: number) => (quick ? Math.max(1, Math.ceil(full / 3)) : full);
  const root = resolve('.');
  const tmp = mkdtempSync(join(tmpdir(), 'errcat-bench-'));
  const node: Run = { args: ['-e', ''], cwd: root };
  const tsMorph: Run = { args: ['-e', "require('ts-morph')"], cwd: root };
  const rows: Record<string, string | number>[] = [];
  const row = (what: string, m: Paired, floorName: string, goal: string) =>
    rows.push({ what, ms: round(m.subject.ms), 'peak MiB': round(m.subject.peakMiB), floor: floorName, 'floor ms': round(m.floor.ms), ratio: round(m.ratio, 2), goal });
  const sandbox = 'specs/sandbox/errors.yaml';
  const out = join(tmp, 'out');
  const cold: Run = { args: [CLI, 'generate', sandbox, '--out', out, '--no-cache'], cwd: root, before: () => rmSync(out, { recursive: true, force: true }) };
  row('lint, sandbox', paired(pairs(21), { args: [CLI, 'lint', sandbox], cwd: root }, node), "node -e ''", '≤ 2.5');
  row('generate, sandbox (cold)', paired(pairs(11), cold, tsMorph), "require('ts-morph')", '≤ 1.3');
  // Every output, a written example per code (issue 14's row); 10× the codes should cost at most 11× the time.
  const bySize = new Map<number, Run>();
  for (const codes of quick ? [1000] : [1000, 10_000]) {
    const file = join(tmp, `synthetic-${codes}.yaml`);
    writeFileSync(file, syntheticCatalog(codes, { examples: true }));
    const generate: Run = { args: [CLI, 'generate', file, '--out', join(tmp, `out-${codes}`), '--no-cache'], cwd: root };
    bySize.set(codes, generate);
    row(`generate, ${codes.toLocaleString('en')} codes with examples`, paired(codes > 1000 ? 3 : pairs(5), generate, tsMorph), "require('ts-morph')", codes > 1000 ? '≤ 5; ≤ 400 MiB' : '');
  }
  const [small, large] = [bySize.get(1000), bySize.get(10_000)];
  if (small && large) row('generate, 10,000 codes with examples', paired(3, large, small), '1,000 codes', '≤ 11');
  // A monorepo: 100 catalogs in one config; then a second run with nothing changed.
  const mono = join(tmp, 'mono');
  for (let i = 0; i < 100; i++) {
    mkdirSync(join(mono, 'apis', `api${i}`), { recursive: true });
    cpSync(sandbox, join(mono, 'apis', `api${i}`, 'errors.yaml'));
  }
  writeFileSync(join(mono, 'errcat.config.yaml'), 'errcat: 1\ncatalogs:\n  - catalog: apis/*/errors.yaml\n    out: out/{name}\n');
  const clean = () => rmSync(join(mono, 'out'), { recursive: true, force: true });
  row('generate, 100 catalogs (cold)', paired(pairs(3), { args: [CLI, 'generate', '--no-cache'], cwd: mono, before: clean }, cold), 'one catalog cold', '≤ 3');
  once([CLI, 'generate'], mono);
  row('generate, 100 catalogs unchanged (skipped)', paired(pairs(7), { args: [CLI, 'generate'], cwd: mono }, cold), 'one catalog cold', '');
  // The type-check cost of errors.ts, beside tsc on the 16-code device-readings file.
  const tscArgs = (file: string) => [TSC, '--strict', '--noEmit', '--skipLibCheck', '--target', 'es2022', '--module', 'nodenext', '--lib', 'es2023,dom', '--types', 'node', file];
  // errors.ts is an ES module: without this, tsc reads the files as CommonJS and reports every export.
  writeFileSync(join(tmp, 'package.json'), '{ "type": "module" }\n');
  const sixteen = join(tmp, 'sixteen.ts');
  cpSync('generated/device-readings/errors.ts', sixteen);
  const tsc16: Run = { args: tscArgs(sixteen), cwd: root };
  for (const codes of quick ? [1000] : [1000, 10_000]) {
    const file = join(tmp, `out-${codes}`, 'errors.ts');
    row(`tsc --strict, errors.ts of ${codes.toLocaleString('en')} codes`, paired(codes > 1000 ? 3 : pairs(7), { args: tscArgs(file), cwd: root }, tsc16), 'tsc, 16 codes', codes > 1000 ? '≤ 3' : '≤ 1.5');
  }
  printTable(`whole processes, each run in turn with its floor (A B A B …), ${quick ? 'a third of ' : ''}21 pairs for lint, 11 for a cold generate, 7 for tsc on 1,000 codes and the skipped run, 5 for 1,000 codes, 3 for the rest; ms: medians; ratio: the median of the pairs' ratios`, rows);
  rmSync(tmp, { recursive: true, force: true });
}
