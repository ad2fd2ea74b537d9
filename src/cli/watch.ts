import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { findConfig } from '../project/config.js';
import { resolveProject } from './project.js';
import { generateOnce, type GenerateCommandOptions } from './generate.js';
import { UsageError } from './terminal.js';

/**
 * How long the watched files must stay quiet before a run: one save's events (a truncate and a
 * write, or a write and a rename) come within a few milliseconds; a save that lands during a run
 * schedules another after it, so a longer wait buys nothing but latency.
 */
const SETTLE_MS = 20;

/**
 * `errcat generate --watch`: generate, then again whenever a catalog, the config or a template
 * changes. Folders are watched rather than files, because editors save by renaming a new file
 * over the old one. Diagnostics are printed and watching goes on.
 *
 * Watchers are kept open across runs and only added or closed as the watched set changes: closing
 * and reopening them after each run would lose a save that lands in between.
 */
export async function watchProject(catalog: string | undefined, options: GenerateCommandOptions): Promise<number> {
  const watchers = new Map<string, FSWatcher>();
  let files = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(run);
    }, SETTLE_MS);
  };

  const keep = (key: string, open: () => FSWatcher | undefined, wanted: Set<string>) => {
    wanted.add(key);
    if (watchers.has(key)) return;
    const watcher = open();
    if (watcher) watchers.set(key, watcher);
  };

  const rewatch = async () => {
    const next = new Set<string>();
    let templates: string | undefined;
    if (catalog !== undefined) next.add(resolve(catalog));
    const project = await resolveProject(catalog, options).catch(() => undefined);
    if (project?.config) {
      if (catalog === undefined) next.add(resolve(project.config.file));
      for (const target of project.config.targets) next.add(target.catalog);
      templates = project.config.templates;
    } else {
      // A config with errors: watch it, so that fixing it runs again.
      const config = options.config ?? findConfig(process.cwd());
      if (config !== undefined) next.add(resolve(config));
    }
    files = next;

    const wanted = new Set<string>();
    for (const folder of new Set([...files].map((file) => dirname(file)))) {
      keep(
        `folder:${folder}`,
        () =>
          watch(folder, (_, name) => {
            if (name !== null && files.has(join(folder, basename(name)))) schedule();
          }),
        wanted,
      );
    }
    if (templates !== undefined) {
      const folder = templates;
      keep(
        `templates:${folder}`,
        () => {
          try {
            return watch(folder, { recursive: true }, (_, name) => name?.endsWith('.hbs') && schedule());
          } catch {
            // The folder went away since the config was read: the next run reports it.
            return undefined;
          }
        },
        wanted,
      );
    }
    for (const [key, watcher] of watchers) {
      if (wanted.has(key)) continue;
      watcher.close();
      watchers.delete(key);
    }
  };

  async function run() {
    try {
      await generateOnce(catalog, options);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      process.stderr.write(`${error.message}\n`);
    }
    await rewatch();
    if (!options.quiet) process.stdout.write(`watching for changes (Ctrl-C to stop)\n`);
  }

  await run();
  return new Promise<number>((done) => {
    process.once('SIGINT', () => done(0));
    process.once('SIGTERM', () => done(0));
  }).finally(() => {
    for (const watcher of watchers.values()) watcher.close();
  });
}
