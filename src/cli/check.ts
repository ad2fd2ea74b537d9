import { hasErrors } from '../diagnostics/diagnostic.js';
import { compareWithDisk } from '../project/check.js';
import { displayPath } from '../project/display-path.js';
import { elapsed, printDiagnostics, reportFormat, writeDiagnostics, type ReportOptions } from './output.js';
import { resolveProject, type ProjectOptions } from './project.js';
import { EXIT } from './terminal.js';

export interface CheckOptions extends ProjectOptions, ReportOptions {}

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
  const plan = await planProject(project.config);
  const { states, diagnostics } = hasErrors(plan.diagnostics) ? { states: [], diagnostics: [] } : await compareWithDisk(plan.files);
  const all = [...plan.diagnostics, ...diagnostics];
  const failed = hasErrors(all);
  if (format !== 'stylish') {
    writeDiagnostics(format, all, plan.texts, { files: states.map((s) => ({ ...s, path: displayPath(s.path) })) });
    return failed ? EXIT.diagnostics : EXIT.ok;
  }
  // Stylish keeps a line per stale file on stdout, and the catalogs' own diagnostics on stderr.
  printDiagnostics(plan.diagnostics, plan.texts);
  if (hasErrors(plan.diagnostics)) return EXIT.diagnostics;
  const bad = states.filter((s) => s.state !== 'current');
  for (const s of bad) process.stdout.write(`${s.state.padEnd(8)} ${displayPath(s.path)}${s.summary ? `: ${s.summary}` : ''}\n`);
  const took = ` in ${elapsed(started)}`;
  process.stdout.write(bad.length === 0 ? `${states.length} files current${took}\n` : `${bad.length} of ${states.length} files out of date${took}; run errcat generate\n`);
  return failed ? EXIT.diagnostics : EXIT.ok;
}
