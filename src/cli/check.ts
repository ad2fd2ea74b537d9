import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { diffContracts, readContract, readSpecData } from '../diff/contract.js';
import type { Finding } from '../diff/finding.js';
import { formatReport, jsonReport } from '../diff/report.js';
import type { ProjectConfig } from '../project/config.js';
import { compareWithDisk, type OutputState } from '../project/check.js';
import { displayPath } from '../project/display-path.js';
import { elapsed, printDiagnostics, reportFormat, writeDiagnostics, type ReportOptions } from './output.js';
import { resolveProject, type ProjectOptions } from './project.js';
import { fails, readAtRevision, reportOptions } from './diff.js';
import { EXIT, useColor } from './terminal.js';

export interface CheckOptions extends ProjectOptions, ReportOptions {
  /** Also diff each catalog against itself at this git revision. */
  base?: string;
  failOn?: string;
}

/** `errcat check`: regenerate in memory and compare with what is on disk; exit 1 when anything is stale or missing. */
export async function checkCommand(catalog: string | undefined, options: CheckOptions): Promise<number> {
  const started = performance.now();
  const format = reportFormat(options);
  const project = await resolveProject(catalog, options);
  if (!project.config) {
    writeDiagnostics(format, project.diagnostics, project.texts, { files: [] });
    return EXIT.diagnostics;
  }
  // Loaded once the command line is known to be right: a usage error costs no ts-morph.
  const { planProject } = await import('../project/plan.js');
  const plan = await planProject(project.config, undefined, { cache: options.cache !== false });
  const compared = hasErrors(plan.diagnostics) ? { states: [], diagnostics: [] } : await compareWithDisk(plan.files);
  // A skipped target's outputs hold what the last run wrote from these very inputs: current.
  const states = [...compared.states, ...plan.skipped.flatMap((s) => s.outputs.map((o): OutputState => ({ path: o.path, state: 'current' })))];
  const diagnostics = compared.diagnostics;
  const all = [...plan.diagnostics, ...diagnostics];
  const contract = options.base === undefined || hasErrors(plan.diagnostics) ? undefined : await contractChanges(project.config, options.base, options.failOn);
  const failed = hasErrors(all) || contract?.failed === true;
  if (format !== 'stylish') {
    writeDiagnostics(format, all, plan.texts, { files: states.map((s) => ({ ...s, path: displayPath(s.path) })), skipped: plan.skipped.map((s) => displayPath(s.target.catalog)), ...(contract ? { contract: contract.diffs.map((d) => jsonReport(d.findings, d.names)) } : {}) });
    if (format === 'github-actions') for (const d of contract?.diffs ?? []) process.stdout.write(formatReport(d.findings, 'github-actions', d.names));
    return failed ? EXIT.diagnostics : EXIT.ok;
  }
  // Stylish keeps a line per stale file on stdout, and the catalogs' own diagnostics on stderr.
  printDiagnostics(plan.diagnostics, plan.texts);
  if (hasErrors(plan.diagnostics)) return EXIT.diagnostics;
  const bad = states.filter((s) => s.state !== 'current');
  for (const s of bad) process.stdout.write(`${s.state.padEnd(8)} ${displayPath(s.path)}${s.summary ? `: ${s.summary}` : ''}\n`);
  const took = ` in ${elapsed(started)}`;
  process.stdout.write(bad.length === 0 ? `${states.length} files current${took}\n` : `${bad.length} of ${states.length} files out of date${took}; run errcat generate\n`);
  for (const note of contract?.notes ?? []) process.stdout.write(note);
  for (const d of contract?.diffs ?? []) process.stdout.write(formatReport(d.findings, 'human', { ...d.names, color: useColor(process.stdout) }));
  return failed ? EXIT.diagnostics : EXIT.ok;
}

interface ContractDiff {
  findings: Finding[];
  names: { old: string; new: string };
}

/**
 * `check --base REF`: each catalog of the config against itself at REF, its operations those of
 * the first spec it merges into; failed when a change reaches `--fail-on`. A catalog new since
 * REF has nothing to break.
 */
async function contractChanges(config: ProjectConfig, base: string, failOn: string | undefined): Promise<{ failed: boolean; diffs: ContractDiff[]; notes: string[] }> {
  const threshold = reportOptions(failOn === undefined ? {} : { failOn }).failOn;
  const result = { failed: false, diffs: [] as ContractDiff[], notes: [] as string[] };
  for (const target of config.targets) {
    const file = displayPath(target.catalog);
    const before = readAtRevision(base, target.catalog);
    if (before === undefined) {
      result.notes.push(`new since ${base}: ${file}\n`);
      continue;
    }
    const old = readContract(`${base}:${file}`, before);
    const next = readContract(file, await readFile(target.catalog, 'utf8'));
    if (!old.catalog || !next.catalog) {
      printDiagnostics([...old.diagnostics, ...next.diagnostics]);
      result.failed = true;
      continue;
    }
    const specFile = target.merge[0]?.spec;
    const spec = specFile !== undefined && existsSync(specFile) ? readSpecData(specFile, await readFile(specFile, 'utf8')) : undefined;
    const findings = diffContracts({ ...old, catalog: old.catalog }, { ...next, catalog: next.catalog }, spec ? { spec } : {});
    result.failed ||= fails(findings, threshold);
    result.diffs.push({ findings, names: { old: old.file, new: next.file } });
  }
  return result;
}
