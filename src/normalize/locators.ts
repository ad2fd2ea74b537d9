import type { JsonValue, Locator, PathSegment } from '../model/catalog.js';
import type { NormalizeContext } from './context.js';

/** The keys that say where a value sits, shared by levels, retry hints and conditions. */
export interface RawLocation {
  field?: string;
  in?: string;
  where?: Record<string, unknown>;
  chain?: string;
  header?: string;
  pattern?: string;
}

/** `a.b.c` → ['a', 'b', 'c'], or a diagnostic at `path` when a segment is empty. */
export function dottedPath(text: string, ctx: NormalizeContext, path: readonly PathSegment[]): string[] {
  const segments = text.split('.');
  if (segments.some((s) => s === '')) {
    ctx.report('invalid-value', `\`${text}\` is not a usable path; write property names joined by dots, e.g. \`meta.code\`.`, path);
  }
  return segments;
}

/** A regular expression the catalog wrote, checked to compile (and, for a locator, to capture once). */
export function checkPattern(pattern: string, ctx: NormalizeContext, path: readonly PathSegment[], capture: boolean): string | undefined {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'u');
  } catch {
    ctx.report('invalid-value', '`pattern` is not a valid regular expression; write an ECMAScript (u-mode) pattern.', path);
    return undefined;
  }
  if (capture && new RegExp(`${regex.source}|`, 'u').exec('')?.length !== 2) {
    ctx.report('invalid-value', '`pattern` must have exactly one capture group: the part that is the value, e.g. `#(.+)$`.', path);
    return undefined;
  }
  return pattern;
}

/**
 * Where a value sits: a header, or a body path — plain, inside the array item that `where`
 * selects, or at the end of a `chain` — optionally through a `pattern`.
 */
export function normalizeLocator(raw: RawLocation, ctx: NormalizeContext, path: readonly PathSegment[], defaultField?: string): Locator | undefined {
  const pattern = raw.pattern === undefined ? undefined : checkPattern(raw.pattern, ctx, [...path, 'pattern'], true);
  const withPattern = <T extends Locator>(locator: T): T => (pattern === undefined ? locator : { ...locator, pattern });
  if (raw.header !== undefined) {
    for (const key of ['field', 'in', 'where', 'chain'] as const) {
      if (raw[key] !== undefined) ctx.report('invalid-value', `\`${key}\` locates a value in the body, and \`header\` says it is in a header; keep one of them.`, [...path, key]);
    }
    return withPattern({ source: 'header', header: raw.header });
  }
  const field = raw.field ?? defaultField;
  if (field === undefined) {
    ctx.reportKey('missing-key', 'Say where the value is: `field` (a path in the error object), or `header`.', path);
    return undefined;
  }
  if ((raw.in === undefined) !== (raw.where === undefined)) {
    const missing = raw.in === undefined ? 'in' : 'where';
    ctx.report('missing-key', `\`in\` and \`where\` go together: \`in\` names the array, \`where\` the item's properties that select it; add \`${missing}\`.`, [...path, raw.in === undefined ? 'where' : 'in']);
  }
  if (raw.chain !== undefined && raw.in !== undefined) {
    ctx.report('invalid-value', 'A value is either at the end of a `chain` or in an array item (`in`), not both; keep one.', [...path, 'chain']);
  }
  const locator: Locator = { source: 'body', path: dottedPath(field, ctx, [...path, 'field']) };
  if (raw.in !== undefined && raw.where !== undefined) locator.items = { path: dottedPath(raw.in, ctx, [...path, 'in']), where: raw.where as Record<string, JsonValue> };
  if (raw.chain !== undefined) locator.chain = raw.chain;
  return withPattern(locator);
}
