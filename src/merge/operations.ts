import { load } from 'js-yaml';
import { entryOf } from '../model/values.js';
import { isJsonText } from '../parse/parse-document.js';
import type { Catalog, OperationSelector } from '../model/catalog.js';

/** One operation of a spec, as the catalog's operation rules see it. */
export interface SpecOperation {
  path: string;
  method: string;
  operationId?: string;
  tags: readonly string[];
}

/** What a status response of an operation should hold: the codes, and whether to replace a response already there. */
export interface AttachedStatus {
  status: number;
  codes: readonly (string | number)[];
  replace: boolean;
}

/** How errcat names an operation: its operationId, else `METHOD /path`. */
export function operationKey(operation: Pick<SpecOperation, 'operationId' | 'method' | 'path'>): string {
  return operation.operationId ?? `${operation.method.toUpperCase()} ${operation.path}`;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Every operation under a spec's `paths`, in document order. */
export function listOperations(spec: { paths?: unknown }): SpecOperation[] {
  const paths = spec.paths;
  if (typeof paths !== 'object' || paths === null) return [];
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries(paths as Record<string, unknown>)) {
    if (typeof item !== 'object' || item === null) continue;
    for (const [method, operation] of Object.entries(item as Record<string, unknown>)) {
      if (!(HTTP_METHODS as readonly string[]).includes(method) || typeof operation !== 'object' || operation === null) continue;
      const { operationId, tags } = operation as { operationId?: unknown; tags?: unknown };
      operations.push({
        path,
        method,
        ...(typeof operationId === 'string' ? { operationId } : {}),
        tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [],
      });
    }
  }
  return operations;
}

/** The operations of a spec's text (JSON or YAML); none when it does not parse. */
export function specOperations(file: string, text: string): SpecOperation[] {
  try {
    const data: unknown = isJsonText(file, text) ? JSON.parse(text) : load(text);
    return typeof data === 'object' && data !== null ? listOperations(data as { paths?: unknown }) : [];
  } catch {
    return [];
  }
}

const isParameter = (segment: string) => /^\{[^{}]+\}$/.test(segment);

/** One segment of a pattern against one of a path. */
function segmentMatches(segment: string, actual: string): boolean {
  return segment === '*' || segment === actual || (isParameter(segment) && isParameter(actual));
}

/**
 * A path pattern: segments match literally, except `*` (any one segment), `**` (any number of
 * segments, none included) and `{name}` (any path parameter, whatever the spec calls it).
 * With `**`, matched as a table over (pattern segment, path segment), row by row: time is the
 * product of the two lengths, whatever the pattern (a backtracking matcher is exponential in
 * its `**`s).
 */
export function pathMatches(pattern: string, path: string): boolean {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (!want.includes('**')) {
    if (want.length !== have.length) return false;
    for (let i = 0; i < want.length; i++) if (!segmentMatches(want[i] as string, have[i] as string)) return false;
    return true;
  }
  // reach[j]: the pattern's segments so far match the path's first j segments.
  let reach = new Uint8Array(have.length + 1);
  let next = new Uint8Array(have.length + 1);
  reach[0] = 1;
  for (const segment of want) {
    next.fill(0);
    for (let j = 0; j <= have.length; j++) {
      if (segment === '**') next[j] = reach[j] || (j > 0 ? (next[j - 1] as number) : 0);
      else if (j > 0 && reach[j - 1]) next[j] = segmentMatches(segment, have[j - 1] as string) ? 1 : 0;
    }
    [reach, next] = [next, reach];
  }
  return reach[have.length] === 1;
}

/** Every criterion a selector names must hold (any value within one criterion will do). */
export function selects(selector: OperationSelector, operation: SpecOperation): boolean {
  if (selector.all) return true;
  if (selector.tags.length > 0 && !selector.tags.some((t) => operation.tags.includes(t))) return false;
  if (selector.paths.length > 0 && !selector.paths.some((p) => pathMatches(p, operation.path))) return false;
  if (selector.methods.length > 0 && !selector.methods.includes(operation.method)) return false;
  if (selector.operationIds.length > 0 && (operation.operationId === undefined || !selector.operationIds.includes(operation.operationId))) return false;
  return selector.tags.length + selector.paths.length + selector.methods.length + selector.operationIds.length > 0;
}

/** The indexes of the catalog's operation rules that apply to an operation (its `exclude` not naming it). */
export function matchingRules(catalog: Catalog, operation: SpecOperation): number[] {
  const matching: number[] = [];
  catalog.operations.forEach((rule, i) => {
    if (selects(rule.match, operation) && !(rule.exclude && selects(rule.exclude, operation))) matching.push(i);
  });
  return matching;
}

/** The error responses that a set of the catalog's rules give (see `attachedStatuses`). */
export function rulesStatuses(catalog: Catalog, rules: readonly number[]): AttachedStatus[] {
  const byStatus = new Map<number, { codes: Set<string | number>; replace: boolean }>();
  const add = (status: number, code: string | number | undefined, replace: boolean) => {
    const slot = byStatus.get(status) ?? { codes: new Set(), replace: false };
    if (code !== undefined) slot.codes.add(code);
    slot.replace ||= replace;
    byStatus.set(status, slot);
  };
  for (const index of rules) {
    const rule = catalog.operations[index] as Catalog['operations'][number];
    for (const code of rule.codes) {
      for (const status of entryOf(catalog, code)?.statuses ?? []) add(status, code, rule.replace);
    }
    for (const status of rule.statuses) {
      const info = catalog.statuses.find((s) => s.status === status);
      if (!info || info.codes.length === 0) add(status, undefined, rule.replace);
      for (const code of info?.codes ?? []) add(status, code, rule.replace);
    }
  }
  const order = new Map(catalog.entries.map((e, i) => [e.code, i]));
  return [...byStatus.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, slot]) => ({ status, codes: [...slot.codes].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)), replace: slot.replace }));
}

/**
 * The error responses the catalog's rules give one operation, by status in ascending order,
 * codes in catalog order. Rules add up; a rule's `exclude` removes it from the operations it names.
 */
export function attachedStatuses(catalog: Catalog, operation: SpecOperation): AttachedStatus[] {
  return rulesStatuses(catalog, matchingRules(catalog, operation));
}
