import { existsSync } from 'node:fs';
import { displayPath } from '../project/display-path.js';
import { readFile } from 'node:fs/promises';
import { planProject } from '../project/plan.js';
import { diffContracts, readContract, readSpecData } from '../diff/contract.js';
import { formatReport, jsonReport } from '../diff/report.js';
import type { ProjectConfig } from '../project/config.js';
import { fails, readAtRevision, reportOptions } from './diff.js';
import { printDiagnostics, resolveProject, type ProjectOptions } from './project.js';
import { EXIT, useColor } from './terminal.js';

export interface CheckOptions extends ProjectOptions {
  json?: boolean;
  base?: string;
  failOn?: string;
}

/** Lines added and removed (as multisets) and the first line that differs. */
export function diffSummary(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  const counts = new Map<string, number>();
  for (const line of a) counts.set(line, (counts.get(line) ?? 0) + 1);
  let added = 0;
  for (const line of b) {
    const n = counts.get(line) ?? 0;
    if (n > 0) counts.set(line, n - 1);
    else added++;
  }
  const removed = [...counts.values()].reduce((sum, n) => sum + n, 0);
  let first = 0;
  while (first < a.length && first < b.length && a[first] === b[first]) first++;
  return `+${added} -${removed} lines, first difference at line ${first + 1}`;
}

/** `errcat check`: regenerate in memory and compare with what is on disk; exit 1 when anything is stale or missing. */
export async function checkCommand(catalog: string | undefined, options: CheckOptions): Promise<number> {
  const project = await resolveProject(catalog, options);
  if (!project.config) {
    printDiagnostics(project.diagnostics, project.texts);
    return EXIT.diagnostics;
  }
  const plan = await planProject(project.config);
  printDiagnostics(plan.diagnostics, plan.texts);
  if (plan.diagnostics.some((d) => d.severity === 'error')) return EXIT.diagnostics;
  const results: { path: string; state: 'current' | 'stale' | 'missing'; summary?: string }[] = [];
  for (const file of plan.files) {
    const path = displayPath(file.path);
    const current = await readFile(file.path, 'utf8').catch(() => undefined);
    if (current === undefined) results.push({ path, state: 'missing' });
    else if (current !== file.content) results.push({ path, state: 'stale', summary: diffSummary(current, file.content) });
    else results.push({ path, state: 'current' });
  }
  const bad = results.filter((r) => r.state !== 'current');
  const contract = options.base === undefined ? undefined : await contractChanges(project.config, options.base, options);
  if (options.json) process.stdout.write(`${JSON.stringify({ ok: bad.length === 0 && !contract?.failed, files: results, ...(contract ? { contract: contract.reports } : {}) }, null, 2)}\n`);
  else {
    for (const r of bad) process.stdout.write(`${r.state.padEnd(8)} ${r.path}${r.summary ? `: ${r.summary}` : ''}\n`);
    process.stdout.write(bad.length === 0 ? `${results.length} files current\n` : `${bad.length} of ${results.length} files out of date; run errcat generate\n`);
    for (const text of contract?.texts ?? []) process.stdout.write(text);
  }
  return bad.length === 0 && !contract?.failed ? EXIT.ok : EXIT.diagnostics;
}

/**
 * `check --base REF`: each catalog of the config against itself at REF, its operations those of
 * the first spec it merges into; failed when a change reaches `--fail-on`. A catalog new since
 * REF has nothing to break.
 */
async function contractChanges(config: ProjectConfig, base: string, options: CheckOptions): Promise<{ failed: boolean; texts: string[]; reports: unknown[] }> {
  const { failOn } = reportOptions(options.failOn === undefined ? {} : { failOn: options.failOn });
  const result = { failed: false, texts: [] as string[], reports: [] as unknown[] };
  for (const target of config.targets) {
    const file = displayPath(target.catalog);
    const before = readAtRevision(base, target.catalog);
    if (before === undefined) {
      result.texts.push(`new since ${base}: ${file}\n`);
      continue;
    }
    const old = readContract(`${base}:${file}`, before);
    const next = readContract(file, await readFile(target.catalog, 'utf8'));
    if (!old.catalog || !next.catalog) {
      printDiagnostics([...old.diagnostics, ...next.diagnostics], new Map());
      result.failed = true;
      continue;
    }
    const specFile = target.merge[0]?.spec;
    const spec = specFile !== undefined && existsSync(specFile) ? readSpecData(specFile, await readFile(specFile, 'utf8')) : undefined;
    const findings = diffContracts({ ...old, catalog: old.catalog }, { ...next, catalog: next.catalog }, spec ? { spec } : {});
    const names = { old: old.file, new: next.file };
    result.failed ||= fails(findings, failOn);
    result.texts.push(formatReport(findings, 'human', { ...names, color: useColor(process.stdout) }));
    result.reports.push(jsonReport(findings, names));
  }
  return result;
}
