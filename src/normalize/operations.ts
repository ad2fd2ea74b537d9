import type { OperationRule, OperationSelector, PathSegment } from '../model/catalog.js';
import { didYouMean } from '../validate/suggest.js';
import type { NormalizeContext } from './context.js';
import type { EntryDraft } from './drafts.js';
import type { RawOperationRule, RawSelector } from './raw.js';

export function normalizeOperations(
  raw: readonly RawOperationRule[],
  entries: readonly EntryDraft[],
  statuses: readonly number[],
  ctx: NormalizeContext,
): OperationRule[] {
  const codes = entries.map((d) => d.key);
  return raw.map((rule, i) => {
    const path = ['operations', i];
    const ruleCodes: (string | number)[] = [];
    (rule.errors ?? []).forEach((code, j) => {
      const draft = entries.find((d) => d.key === String(code));
      if (!draft) ctx.report('unknown-code', `\`${code}\` is not a code in this catalog.${didYouMean(String(code), codes)}`, [...path, 'errors', j]);
      else ruleCodes.push(draft.entry.code);
    });
    (rule.statuses ?? []).forEach((status, j) => {
      if (!statuses.includes(status)) {
        ctx.report('unknown-status', `No entry or \`statuses\` declaration uses ${status}; add it to the catalog or remove it here.`, [...path, 'statuses', j]);
      }
    });
    if (ruleCodes.length === 0 && (rule.statuses ?? []).length === 0 && rule.errors === undefined && rule.statuses === undefined) {
      ctx.reportKey('missing-key', 'A rule attaches nothing; add `errors: [..]` or `statuses: [..]`.', [...path, 'match']);
    }
    const normalized: OperationRule = {
      match: selector(rule.match, ctx, [...path, 'match']),
      codes: ruleCodes,
      statuses: rule.statuses ?? [],
      replace: rule.replace ?? false,
    };
    if (rule.exclude) normalized.exclude = selector(rule.exclude, ctx, [...path, 'exclude']);
    return normalized;
  });
}

function selector(raw: RawSelector, ctx: NormalizeContext, path: readonly PathSegment[]): OperationSelector {
  const result: OperationSelector = {
    all: raw.all ?? false,
    tags: raw.tags ?? [],
    paths: raw.paths ?? [],
    methods: raw.methods ?? [],
    operationIds: raw.operationIds ?? [],
  };
  const criteria = result.tags.length + result.paths.length + result.methods.length + result.operationIds.length;
  if (!result.all && criteria === 0) {
    ctx.report('invalid-value', 'An empty selector matches nothing; use `all: true` or name `tags`, `paths`, `methods` or `operationIds`.', path);
  }
  if (result.all && criteria > 0) {
    ctx.report('invalid-value', '`all: true` already matches every operation; drop the other criteria, or drop `all`.', [...path, 'all']);
  }
  return result;
}
