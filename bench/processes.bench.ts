import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { syntheticCatalog } from './synthetic.js';
import { printTable, round } from './table.js';

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

/** The median of `runs` runs (time and memory each). */
function median(runs: number, args: readonly string[], cwd: string, before?: () => void): Measured {
  const all = Array.from({ length: runs }, () => once(args, cwd, before));
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  return { ms: mid(all.map((m) => m.ms)), peakMiB: mid(all.map((m) => m.peakMiB)) };
}

/**
 * Whole processes beside floors measured in the same run: node's own start, the ts-morph load,
 * and tsc on a 16-code errors.ts. Each row is a median; `goal` is the ratio issue 14 asks for.
 */
export function benchProcesses(quick: boolean): void {
  const runs = quick ? 3 : 5;
  const root = resolve('.');
  const tmp = mkdtempSync(join(tmpdir(), 'errcat-bench-'));
  const node = median(runs, ['-e', ''], root);
  const tsMorph = median(runs, ['-e', "require('ts-morph')"], root);
  const rows: Record<string, string | number>[] = [];
  const row = (what: string, m: Measured, floorName: string, floor: Measured, goal: string) =>
    rows.push({ what, ms: round(m.ms), 'peak MiB': round(m.peakMiB), floor: floorName, 'floor ms': round(floor.ms), ratio: round(m.ms / floor.ms, 2), goal });
  const sandbox = 'specs/sandbox/errors.yaml';
  const out = join(tmp, 'out');
  const fresh = () => rmSync(out, { recursive: true, force: true });
  row('lint, sandbox', median(runs, [CLI, 'lint', sandbox], root), "node -e ''", node, '≤ 2.5');
  const cold = median(runs, [CLI, 'generate', sandbox, '--out', out, '--no-cache'], root, fresh);
  row('generate, sandbox (cold)', cold, "require('ts-morph')", tsMorph, '≤ 1.3');
  // Every output, a written example per code (issue 14's row); 10× the codes should cost at most 11× the time.
  const bySize = new Map<number, Measured>();
  for (const codes of quick ? [1000] : [1000, 10_000]) {
    const file = join(tmp, `synthetic-${codes}.yaml`);
    writeFileSync(file, syntheticCatalog(codes, { examples: true }));
    const measured = median(codes > 1000 ? 3 : runs, [CLI, 'generate', file, '--out', join(tmp, `out-${codes}`), '--no-cache'], root);
    bySize.set(codes, measured);
    row(`generate, ${codes.toLocaleString('en')} codes with examples`, measured, "require('ts-morph')", tsMorph, codes > 1000 ? '≤ 5; ≤ 400 MiB' : '');
  }
  const [small, large] = [bySize.get(1000), bySize.get(10_000)];
  if (small && large) row('generate, 10,000 codes with examples', large, '1,000 codes', small, '≤ 11');
  // A monorepo: 100 catalogs in one config; then a second run with nothing changed.
  const mono = join(tmp, 'mono');
  for (let i = 0; i < 100; i++) {
    mkdirSync(join(mono, 'apis', `api${i}`), { recursive: true });
    cpSync(sandbox, join(mono, 'apis', `api${i}`, 'errors.yaml'));
  }
  writeFileSync(join(mono, 'errcat.config.yaml'), 'errcat: 1\ncatalogs:\n  - catalog: apis/*/errors.yaml\n    out: out/{name}\n');
  const clean = () => rmSync(join(mono, 'out'), { recursive: true, force: true });
  row('generate, 100 catalogs (cold)', median(quick ? 1 : 3, [CLI, 'generate', '--no-cache'], mono, clean), 'one catalog cold', cold, '≤ 3');
  once([CLI, 'generate'], mono);
  row('generate, 100 catalogs unchanged (skipped)', median(runs, [CLI, 'generate'], mono), 'one catalog cold', cold, '');
  // The type-check cost of errors.ts, beside tsc on the 16-code device-readings file.
  const tscArgs = (file: string) => [TSC, '--strict', '--noEmit', '--skipLibCheck', '--target', 'es2022', '--module', 'nodenext', '--lib', 'es2023,dom', '--types', 'node', file];
  // errors.ts is an ES module: without this, tsc reads the files as CommonJS and reports every export.
  writeFileSync(join(tmp, 'package.json'), '{ "type": "module" }\n');
  const sixteen = join(tmp, 'sixteen.ts');
  cpSync('generated/device-readings/errors.ts', sixteen);
  const tsc16 = median(runs, tscArgs(sixteen), root);
  for (const codes of quick ? [1000] : [1000, 10_000]) {
    const file = join(tmp, `out-${codes}`, 'errors.ts');
    row(`tsc --strict, errors.ts of ${codes.toLocaleString('en')} codes`, median(codes > 1000 ? 3 : runs, tscArgs(file), root), 'tsc, 16 codes', tsc16, codes > 1000 ? '≤ 3' : '≤ 1.5');
  }
  printTable(`whole processes, medians of ${runs} (floors: node -e '' ${round(node.ms)} ms, ts-morph load ${round(tsMorph.ms)} ms, tsc on 16 codes ${round(tsc16.ms)} ms)`, rows);
  rmSync(tmp, { recursive: true, force: true });
}
