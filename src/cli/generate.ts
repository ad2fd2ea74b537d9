import { displayPath } from '../project/display-path.js';
import { planProject } from '../project/plan.js';
import { writeFilesAtomically } from '../write/files.js';
import { describeWritten, printDiagnostics, resolveProject, type ProjectOptions } from './project.js';
import { EXIT } from './terminal.js';

export interface GenerateCommandOptions extends ProjectOptions {
  quiet?: boolean;
  json?: boolean;
  watch?: boolean;
  /** Write read-only outputs too. */
  force?: boolean;
}

/** One run: plan everything in memory, then write it all or nothing. */
export async function generateOnce(catalog: string | undefined, options: GenerateCommandOptions): Promise<number> {
  const project = await resolveProject(catalog, options);
  if (!project.config) {
    printDiagnostics(project.diagnostics, project.texts);
    return EXIT.diagnostics;
  }
  // Progress goes to stderr, on a terminal only, and only when there is enough to wait for.
  const progress = process.stderr.isTTY && !options.quiet && !options.json && project.config.targets.length > 3;
  const plan = await planProject(project.config, progress ? (done, total, target) => process.stderr.write(`\r[${done + 1}/${total}] ${displayPath(target.catalog)}\u001b[K`) : undefined);
  if (progress) process.stderr.write('\r\u001b[K');
  printDiagnostics(plan.diagnostics, plan.texts);
  if (plan.diagnostics.some((d) => d.severity === 'error')) {
    if (options.json) process.stdout.write(`${JSON.stringify({ ok: false, diagnostics: plan.diagnostics, files: [] }, null, 2)}\n`);
    return EXIT.diagnostics;
  }
  const { written, diagnostics } = await writeFilesAtomically(plan.files, { force: options.force === true });
  if (diagnostics.length > 0) {
    const shown = diagnostics.map((d) => ({ ...d, file: displayPath(d.file) }));
    printDiagnostics(shown, new Map());
    if (options.json) process.stdout.write(`${JSON.stringify({ ok: false, diagnostics: shown, files: [] }, null, 2)}\n`);
    return EXIT.diagnostics;
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ok: true, diagnostics: plan.diagnostics, files: written }, null, 2)}\n`);
  } else if (!options.quiet) {
    for (const w of written) process.stdout.write(`${describeWritten(w)}\n`);
    const changed = written.filter((w) => w.outcome === 'written').length;
    process.stdout.write(`${plan.catalogs} catalog${plan.catalogs === 1 ? '' : 's'}, ${written.length} files: ${changed} written, ${written.length - changed} unchanged\n`);
  }
  return EXIT.ok;
}

export async function generateCommand(catalog: string | undefined, options: GenerateCommandOptions): Promise<number> {
  if (!options.watch) return generateOnce(catalog, options);
  const { watchProject } = await import('./watch.js');
  return watchProject(catalog, options);
}
