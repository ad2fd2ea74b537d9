import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCatalog } from '../src/load.js';
import type { Catalog } from '../src/model/catalog.js';

export const ROOT = resolve(import.meta.dirname, '..');
/** The CLI as installed: `bin` points at the bundle. */
export const CLI = join(ROOT, 'dist', 'bundle', 'cli.cjs');

/** Every catalog the project ships: the seeds in specs/ and the valid fixtures. */
export const SPEC_CATALOGS = readdirSync(join(ROOT, 'specs'))
  .sort()
  .map((api) => join('specs', api, 'errors.yaml'));
export const VALID_FIXTURES = readdirSync(join(ROOT, 'test/fixtures/valid'))
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort()
  .map((f) => join('test/fixtures/valid', f));
export const ALL_CATALOGS = [...SPEC_CATALOGS, ...VALID_FIXTURES];

export async function mustLoad(file: string): Promise<Catalog> {
  const result = await loadCatalog(join(ROOT, file));
  if (!result.catalog) throw new Error(`${file} did not load: ${result.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n')}`);
  return result.catalog;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would. */
export function runCli(args: readonly string[], options: { env?: Record<string, string>; cwd?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Whether every line of `before` appears in `after`, in order: the merge only added lines. */
export function onlyAdded(before: string, after: string): boolean {
  const added = after.split('\n');
  let i = 0;
  for (const line of before.split('\n')) {
    while (i < added.length && added[i] !== line) i++;
    if (i === added.length) return false;
    i++;
  }
  return true;
}

