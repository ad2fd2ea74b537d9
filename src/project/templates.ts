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

/** The default templates, each replaced by a file of the same name in `overrideDir`. */
export async function loadTemplates(overrideDir?: string): Promise<{ templates: TemplateSet; paths: Record<string, string> }> {
  const defaults = await readTemplates(DEFAULT_TEMPLATES_DIR);
  const paths: Record<string, string> = Object.fromEntries(Object.keys(defaults).map((name) => [name, join(DEFAULT_TEMPLATES_DIR, name)]));
  if (overrideDir === undefined || !existsSync(overrideDir)) return { templates: defaults, paths };
  const overrides = await readTemplates(overrideDir);
  for (const name of Object.keys(overrides)) paths[name] = join(overrideDir, name);
  return { templates: { ...defaults, ...overrides }, paths };
}
