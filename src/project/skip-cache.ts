import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateSet } from '../emit/docs/render.js';
import { contentBlocks, contentSize, type OutputFile } from '../write/files.js';
import type { ProjectConfig, Target } from './config.js';

/**
 * The skip cache: a target whose inputs hash as on the last successful run, and whose outputs
 * still hold exactly what that run wrote, is not generated again. One entry per target, in
 * `.errcat-cache/` beside the config (`.gitignore` it), written through the safe writes.
 */
export const CACHE_DIR = '.errcat-cache';

/** What a run remembers of a target: the hash of its inputs and of each output it wrote. */
interface CacheEntry {
  key: string;
  outputs: { path: string; sha256: string; bytes: number }[];
}

export interface SkippedTarget {
  target: Target;
  outputs: { path: string; bytes: number }[];
}

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** errcat's own code and the runtime errors.ts inlines (src/runtime, shipped), so that a rebuilt errcat is never fooled by an entry of another build. */
let codeHash: Promise<string> | undefined;
function errcatCodeHash(): Promise<string> {
  codeHash ??= (async () => {
    const hash = createHash('sha256');
    for (const dir of [fileURLToPath(new URL('..', import.meta.url)), fileURLToPath(new URL('../../src/runtime/', import.meta.url)), fileURLToPath(new URL('../../package.json', import.meta.url))]) {
      const files = dir.endsWith('.json') ? [dir] : (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && /\.(js|ts)$/.test(e.name) && !e.name.endsWith('.d.ts')).map((e) => join(e.parentPath, e.name));
      for (const file of files.sort()) hash.update(`${relative(dir, file)}\0`).update(await readFile(file)).update('\0');
    }
    return hash.digest('hex');
  })();
  return codeHash;
}

/** The entry's file: named by the target's catalog and output folder. */
function entryPath(config: ProjectConfig, target: Target): string {
  return join(config.root, CACHE_DIR, `${sha256(`${target.catalog}\0${target.outDir}`).slice(0, 32)}.json`);
}

/**
 * Whether a target can be skipped at all: not when a merge edits its spec in place, nor when
 * another target merges into the same output (a chain starts from the earlier merge's result).
 */
function cacheable(config: ProjectConfig, target: Target): boolean {
  return target.merge.every((m) => m.out !== m.spec && config.targets.every((other) => other === target || other.merge.every((o) => o.out !== m.out && o.spec !== m.out)));
}

/**
 * The hash of everything a target's outputs are computed from: errcat's code and version, the
 * config (its text and the target as resolved), the catalog text, the templates (when it has
 * docs) and every spec it reads. Undefined when it cannot be cached or an input cannot be read.
 */
export async function targetKey(config: ProjectConfig, target: Target, templates: TemplateSet): Promise<string | undefined> {
  if (!cacheable(config, target)) return undefined;
  const read = (file: string) => readFile(file).catch(() => undefined);
  const inputs = [target.catalog, ...(target.typescript ? target.typescript.operations : []), ...target.merge.map((m) => m.spec)];
  const hash = createHash('sha256').update(await errcatCodeHash());
  hash.update(JSON.stringify({ target, templatesDir: config.templates ?? null, templates: target.docs ? templates : null }));
  hash.update((await read(config.file)) ?? '(no config file)');
  for (const file of inputs) {
    const bytes = await read(file);
    if (bytes === undefined) return undefined;
    hash.update(`\0${file}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

/** The target's outputs as the last run wrote them, if its key matches and every output still holds those bytes. */
export async function cachedOutputs(config: ProjectConfig, target: Target, key: string): Promise<SkippedTarget['outputs'] | undefined> {
  const text = await readFile(entryPath(config, target), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let entry: CacheEntry;
  try {
    entry = JSON.parse(text) as CacheEntry;
  } catch {
    return undefined;
  }
  if (entry.key !== key || !Array.isArray(entry.outputs) || entry.outputs.length === 0) return undefined;
  for (const output of entry.outputs) {
    const bytes = await readFile(output.path).catch(() => undefined);
    if (bytes === undefined || bytes.length !== output.bytes || sha256(bytes) !== output.sha256) return undefined;
  }
  return entry.outputs.map(({ path, bytes }) => ({ path, bytes }));
}

/** The entry to write once a target's outputs are on disk. */
export function cacheEntry(config: ProjectConfig, target: Target, key: string, outputs: readonly OutputFile[]): OutputFile {
  const entry: CacheEntry = {
    key,
    outputs: outputs.map((o) => {
      const hash = createHash('sha256');
      for (const block of contentBlocks(o.content)) hash.update(block);
      return { path: o.path, sha256: hash.digest('hex'), bytes: contentSize(o.content) };
    }),
  };
  return { path: entryPath(config, target), content: `${JSON.stringify(entry, null, 2)}\n` };
}
