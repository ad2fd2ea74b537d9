import type { SpecMapping } from '../merge/spec-data.js';
import { mappingAt } from '../merge/spec-data.js';
import type { CodeStyle } from '../model/catalog.js';
import { entryTypeNames, errorClassName, isErrcatEntryName, withPrefix, withSuffix } from '../model/names.js';
import { invalidNameReason, matchesStyle, pascalName, words } from '../model/naming.js';
import type { ImportContext } from './context.js';
import type { ImportModel } from './model.js';

/** The names an imported catalog gives: its component prefix, its entries' TypeScript names, its code style. */

const STYLES: readonly CodeStyle[] = ['snake_case', 'UPPER_SNAKE_CASE', 'kebab-case', 'camelCase', 'PascalCase', 'dot.case'];

/** A component prefix no component of the spec starts with, from the API's title. */
export function choosePrefix(data: SpecMapping, title: string): string {
  const sections = [['components', 'schemas'], ['components', 'responses'], ['components', 'headers'], ['components', 'examples'], ['definitions'], ['responses']];
  const names = sections.flatMap((s) => Object.keys(mappingAt(data, s) ?? {}));
  const base = words(title)
    .filter((w) => !['api', 'the', 'rest', 'v1', 'v2', 'v3'].includes(w))
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')
    .replace(/^[^A-Za-z]+/, '');
  for (const prefix of [base, `${base}Errors`, 'Errcat', ...Array.from({ length: 20 }, (_, i) => `Errcat${i + 2}`)]) {
    if (prefix !== '' && /^[A-Za-z][A-Za-z0-9]*$/.test(prefix) && !names.some((n) => n.startsWith(prefix))) return prefix;
  }
  return 'Errcat';
}

/** Entry names TypeScript can use: unique, not errcat's own, not a named type's. */
export function adjustNames(ctx: ImportContext, model: ImportModel): void {
  const suffix = model.naming.typeSuffix ?? 'Error';
  const prefix = model.naming.componentPrefix ?? '';
  // The names load checks entries against (normalize's checkNames): types, their components, the error class.
  const taken = new Set(Object.keys(model.types).flatMap((t) => [t, withPrefix(prefix, t)]));
  taken.add(model.naming.errorClass ?? errorClassName(prefix, model.info.title));
  const naming = { typeSuffix: suffix, componentPrefix: prefix };
  // What load's name check (normalize/entries.ts) refuses.
  const free = (name: string) => {
    const names = entryTypeNames(naming, name);
    return !isErrcatEntryName(names, prefix) && invalidNameReason(names.type) === undefined && !taken.has(names.type) && !taken.has(names.component);
  };
  for (const entry of model.entries) {
    const base = entry.raw.name ?? pascalName(entry.key);
    let name = base;
    for (let i = 2; !free(name); i++) name = `${base}${i}`;
    if (name !== base) {
      entry.raw.name = name;
      ctx.report('import-name-adjusted', `\`${entry.key}\` would be named \`${withSuffix(base, suffix)}\` in TypeScript, a name that is taken; the catalog names it \`${name}\`.`, entry.path);
    }
    const names = entryTypeNames(naming, name);
    taken.add(names.type);
    taken.add(names.component);
  }
}

/** The naming style every string code follows, when they all follow one. */
export function codeStyle(model: ImportModel): CodeStyle | undefined {
  const levels = model.envelope.levels;
  if (levels === undefined || model.envelope.kind === 'codeless') return undefined;
  const codes = model.entries.filter((e) => !e.raw.codeless).map((e) => e.raw.value ?? e.key);
  if (codes.length === 0 || !codes.every((c) => typeof c === 'string')) return undefined;
  return STYLES.find((style) => codes.every((c) => matchesStyle(c as string, style)));
}

