import { displayPath } from '../project/display-path.js';
import { writeFilesAtomically, type WrittenFile } from '../write/files.js';
import { elapsed, printDiagnostics, reportFormat, writeDiagnostics } from './output.js';
import { describeWritten, resolveProject, type ProjectOptions } from './project.js';
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
  const started = performance.now();
  const format = reportFormat({ ...(options.json ? { json: true } : {}), ...(options.quiet ? { quiet: true } : {}) });
  const project = await resolveProject(catalog, options);
  if (!project.config) {
    writeDiagnostics(format, project.diagnostics, project.texts, { files: [] });
    return EXIT.diagnostics;
  }
  // Loaded once the command line is known to be right: a usage error costs no ts-morph.
  const { planProject } = await import('../project/plan.js');
  // Progress goes to stderr, on a terminal only, and only when there is enough to wait for.
  const progress = process.stderr.isTTY && format === 'stylish' && !options.quiet && project.config.targets.length > 3;
  const plan = await planProject(project.config, progress ? (done, total, target) => process.stderr.write(`\r[${done + 1}/${total}] ${displayPath(target.catalog)}\u001b[K`) : undefined, { cache: options.cache !== false });
  if (progress) process.stderr.write('\r\u001b[K');
  const failed = plan.diagnostics.some((d) => d.severity === 'error');
  const write = failed ? { written: [], diagnostics: [] } : await writeFilesAtomically(plan.files, { force: options.force === true });
  // A refused write (read-only output, full disk) changes no file; its diagnostics come after the plan's.
  const diagnostics = [...plan.diagnostics, ...write.diagnostics];
  // The skip cache learns a target only once its outputs are on disk; an entry that cannot be written is only a later miss.
  // Written while the report prints (watch mode reports a save the sooner), and awaited before returning.
  const remembered = !failed && write.diagnostics.length === 0 && plan.cacheEntries.length > 0 ? writeFilesAtomically(plan.cacheEntries) : undefined;
  const skipped = plan.skipped.flatMap((s) => s.outputs.map((o): WrittenFile => ({ ...o, outcome: 'unchanged' })));
  const written = write.diagnostics.length > 0 ? [] : [...write.written, ...skipped];
  if (format === 'json') {
    writeDiagnostics('json', diagnostics, plan.texts, { files: written.map((w) => ({ ...w, path: displayPath(w.path) })), skipped: plan.skipped.map((s) => displayPath(s.target.catalog)) });
    await remembered;
    return failed || write.diagnostics.length > 0 ? EXIT.diagnostics : EXIT.ok;
  }
  // --quiet: errors only.
  printDiagnostics(options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics, plan.texts);
  if (failed || write.diagnostics.length > 0) return EXIT.diagnostics;
  if (!options.quiet) {
    for (const w of written) process.stdout.write(`${describeWritten(w)}\n`);
    const changed = written.filter((w) => w.outcome === 'written').length;
    const skippedNote = plan.skipped.length > 0 ? ` (${plan.skipped.length} skipped: unchanged since the last run)` : '';
    process.stdout.write(`${plan.catalogs} catalog${plan.catalogs === 1 ? '' : 's'}${skippedNote}, ${written.length} files: ${changed} written, ${written.length - changed} unchanged in ${elapsed(started)}\n`);
  }
  await remembered;
  return EXIT.ok;
}

export async function generateCommand(catalog: string | undefined, options: GenerateCommandOptions): Promise<number> {
  if (!options.watch) return generateOnce(catalog, options);
  const { watchProject } = await import('./watch.js');
  return watchProject(catalog, options);
}
