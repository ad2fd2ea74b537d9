import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateSet } from '../emit/docs/render.js';

/** The templates shipped in the package (`templates/`). */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));

async function readTemplates(dir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.hbs')) continue;
    const path = join(entry.parentPath, entry.name);
    found[relative(dir, path).split(sep).join('/')] = await readFile(path, 'utf8');
  }
  return found;
}

/** The shipped templates, read once per process: they are part of errcat, like its code (watch mode does not watch them). */
let shipped: Promise<Record<string, string>> | undefined;

/** The last set loaded for each override folder: an unchanged set is returned as the same object, so that its compiled templates are reused (watch mode). */
const lastSets = new Map<string, { templates: TemplateSet; paths: Record<string, string> }>();

const sameSources = (a: TemplateSet, b: TemplateSet) => {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((name) => Object.hasOwn(b, name) && a[name] === b[name]);
};

/** The default templates, each replaced by a file of the same name in `overrideDir`. */
export async function loadTemplates(overrideDir?: string): Promise<{ templates: TemplateSet; paths: Record<string, string> }> {
  const defaults = await (shipped ??= readTemplates(DEFAULT_TEMPLATES_DIR));
  const paths: Record<string, string> = Object.fromEntries(Object.keys(defaults).map((name) => [name, join(DEFAULT_TEMPLATES_DIR, name)]));
  let loaded = { templates: defaults as TemplateSet, paths };
  if (overrideDir !== undefined && existsSync(overrideDir)) {
    const overrides = await readTemplates(overrideDir);
    for (const name of Object.keys(overrides)) paths[name] = join(overrideDir, name);
    loaded = { templates: { ...defaults, ...overrides }, paths };
  }
  const key = overrideDir ?? '';
  const last = lastSets.get(key);
  if (last && sameSources(last.templates, loaded.templates) && sameSources(last.paths, loaded.paths)) return last;
  lastSets.set(key, loaded);
  return loaded;
}
