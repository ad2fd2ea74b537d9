import type { Condition, Header, JsonValue, PathSegment } from '../model/catalog.js';
import type { NormalizeContext } from './context.js';
import { checkPattern, dottedPath } from './locators.js';
import { resolveHeader } from './references.js';
import type { RawCondition, RawConditions } from './raw.js';

/** `when`: one condition or a list of them, any of which makes the entry apply. */
export function normalizeConditions(raw: RawConditions | undefined, ctx: NormalizeContext, path: readonly PathSegment[], headers: readonly Header[]): Condition[] {
  if (raw === undefined) return [];
  const list: [RawCondition, readonly PathSegment[]][] = Array.isArray(raw) ? raw.map((c, i) => [c, [...path, i]]) : [[raw, path]];
  return list.map(([c, at]) => normalizeCondition(c, ctx, at, headers)).filter((c) => c !== undefined);
}

function normalizeCondition(raw: RawCondition, ctx: NormalizeContext, path: readonly PathSegment[], headers: readonly Header[]): Condition | undefined {
  if ((raw.header === undefined) === (raw.field === undefined)) {
    ctx.reportKey(raw.header === undefined ? 'missing-key' : 'invalid-value', 'A condition tests one thing: give `header` or `field`.', path);
    return undefined;
  }
  const tests = (['equals', 'pattern', 'present'] as const).filter((k) => raw[k] !== undefined);
  if (tests.length !== 1) {
    ctx.reportKey(tests.length === 0 ? 'missing-key' : 'invalid-value', 'A condition needs one test: `equals`, `pattern` or `present`.', path);
    return undefined;
  }
  const pattern = raw.pattern === undefined ? undefined : checkPattern(raw.pattern, ctx, [...path, 'pattern'], false);
  const test = pattern !== undefined ? { pattern } : raw.present !== undefined ? { present: raw.present } : {};
  if (raw.header !== undefined) {
    const header = resolveHeader(headers, raw.header, ctx, [...path, 'header']);
    if (raw.equals !== undefined && typeof raw.equals !== 'string') {
      ctx.report('wrong-type', 'A header is text: write the value `equals` compares with as a string (`"0"`).', [...path, 'equals']);
    }
    const equals = typeof raw.equals === 'string' ? { equals: raw.equals } : {};
    return { source: 'header', header: header?.name ?? raw.header, ...test, ...equals };
  }
  const equals = raw.equals !== undefined ? { equals: raw.equals as JsonValue } : {};
  return { source: 'body', path: dottedPath(raw.field as string, ctx, [...path, 'field']), ...test, ...equals };
}
