import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { resolveProject } from './project.js';
import { generateOnce, type GenerateCommandOptions } from './generate.js';
import { UsageError } from './terminal.js';

/**
 * `errcat generate --watch`: generate, then again whenever a catalog, the config or a template
 * changes. Folders are watched rather than files, because editors save by renaming a new file
 * over the old one. Diagnostics are printed and watching goes on.
 */
export async function watchProject(catalog: string | undefined, options: GenerateCommandOptions): Promise<number> {
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();

  const run = async () => {
    try {
      await generateOnce(catalog, options);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      process.stderr.write(`${error.message}\n`);
    }
    await rewatch();
    if (!options.quiet) process.stdout.write(`watching for changes (Ctrl-C to stop)\n`);
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(run);
    }, 100);
  };

  const rewatch = async () => {
    for (const w of watchers) w.close();
    watchers = [];
    const files = new Set<string>();
    const folders = new Set<string>();
    let templates: string | undefined;
    if (catalog !== undefined) files.add(resolve(catalog));
    const project = await resolveProject(catalog, options).catch(() => undefined);
    if (project?.config) {
      if (catalog === undefined) files.add(resolve(project.config.file));
      for (const target of project.config.targets) files.add(target.catalog);
      templates = project.config.templates;
    } else if (options.config !== undefined) files.add(resolve(options.config));
    for (const file of files) folders.add(dirname(file));
    for (const folder of folders) {
      watchers.push(
        watch(folder, (_, name) => {
          if (name !== null && files.has(join(folder, basename(name)))) schedule();
        }),
      );
    }
    if (templates !== undefined) {
      try {
        watchers.push(watch(templates, { recursive: true }, (_, name) => name?.endsWith('.hbs') && schedule()));
      } catch {
        // No templates folder yet: the defaults apply, and there is nothing to watch.
      }
    }
  };

  await run();
  return new Promise<number>((done) => {
    process.once('SIGINT', () => done(0));
    process.once('SIGTERM', () => done(0));
  }).finally(() => {
    for (const w of watchers) w.close();
  });
}
