import { HTTP_METHODS, pathMatches, type SpecOperation } from '../merge/operations.js';
import type { RawOperationRule, RawSelector } from '../normalize/raw.js';
import { unitCode, type Attachment } from './model.js';

type Method = (typeof HTTP_METHODS)[number];

const cost = (s: RawSelector | undefined) => (s === undefined ? 0 : (s.all ? 1 : 0) + (s.tags?.length ?? 0) + (s.paths?.length ?? 0) + (s.methods?.length ?? 0) + (s.operationIds?.length ?? 0));

interface Candidate {
  match: RawSelector;
  exclude?: RawSelector;
}

/**
 * Operations no rule can tell apart: the same method on paths merge's matcher reads as one
 * (`/jobs` and `/jobs/`, `/a/{id}` and `/a/{key}`), not all with an operationId. Each such
 * group must answer the same statuses; returns the groups whose attachments differ, after
 * giving each member all of them.
 */
export function unifyIndistinct(attachments: Map<SpecOperation, Set<Attachment>>, operations: readonly SpecOperation[]): SpecOperation[][] {
  const groups = new Map<string, SpecOperation[]>();
  for (const op of operations) {
    const key = `${op.method} ${pathShape(op.path)}`;
    const group = groups.get(key);
    if (group) group.push(op);
    else groups.set(key, [op]);
  }
  const unified: SpecOperation[][] = [];
  for (const group of groups.values()) {
    if (group.length < 2 || group.every((op) => op.operationId !== undefined)) continue;
    const all = new Set(group.flatMap((op) => [...(attachments.get(op) ?? [])]));
    if (group.every((op) => (attachments.get(op)?.size ?? 0) === all.size)) continue;
    for (const op of group) attachments.set(op, new Set(all));
    unified.push(group);
  }
  return unified;
}

/**
 * The fewest rules that give every operation exactly what it answers: units (statuses, or codes
 * where an operation answers with part of a status) that the same operations answer share a
 * rule, and each rule's operations are named the shortest way that selects exactly them — all,
 * by tag, by method, by path pattern, by operationId, or all but a few. Rules attach statuses
 * (every code of the status) and codes, and replace what the spec has.
 */
export function compressRules(attachments: ReadonlyMap<SpecOperation, ReadonlySet<Attachment>>, operations: readonly SpecOperation[]): RawOperationRule[] {
  const groups = new Map<string, { units: Attachment[]; operations: SpecOperation[] }>();
  const all = [...new Set([...attachments.values()].flatMap((s) => [...s]))];
  const units = [...all.filter((u): u is number => typeof u === 'number').sort((a, b) => a - b), ...all.filter((u) => typeof u === 'string').sort()];
  for (const unit of units) {
    const selected = operations.filter((op) => attachments.get(op)?.has(unit));
    const key = selected.map((op) => operations.indexOf(op)).join(',');
    const group = groups.get(key) ?? { units: [], operations: selected };
    group.units.push(unit);
    groups.set(key, group);
  }
  // Broadest rules first: they read as the API's defaults.
  const first = (g: { units: Attachment[] }) => (typeof g.units[0] === 'number' ? g.units[0] : 1000);
  const ordered = [...groups.values()].sort((a, b) => b.operations.length - a.operations.length || first(a) - first(b));
  const matcher = new Matcher(operations);
  return ordered.flatMap((group) => {
    const statuses = group.units.filter((u): u is number => typeof u === 'number');
    const codes = group.units.filter((u): u is string => typeof u === 'string').map(unitCode);
    const attach = { ...(codes.length > 0 ? { errors: codes } : {}), ...(statuses.length > 0 ? { statuses } : {}) };
    return selectorsFor(new Set(group.operations), operations, matcher).map((c) => ({ ...c, ...attach, replace: true }));
  });
}

/**
 * What a selector selects, as merge's rules read it (every criterion named holds; any value of
 * one will do; paths by merge's own matcher), each value's operations computed once.
 */
class Matcher {
  private readonly cache = new Map<string, Set<SpecOperation>>();
  /** Operations by path with parameters unnamed (`/a/{}`): a pattern without wildcards selects exactly these. */
  private readonly byShape = new Map<string, SpecOperation[]>();
  /** Operations by each leading part of that path: `/a/**` selects those under `a`. */
  private readonly byPrefix = new Map<string, SpecOperation[]>();
  constructor(private readonly operations: readonly SpecOperation[]) {
    const add = (map: Map<string, SpecOperation[]>, key: string, op: SpecOperation) => {
      const list = map.get(key);
      if (list) list.push(op);
      else map.set(key, [op]);
    };
    for (const op of operations) {
      const shape = pathShape(op.path);
      add(this.byShape, shape, op);
      const segments = shape.split('/');
      for (let n = 0; n <= segments.length; n++) add(this.byPrefix, segments.slice(0, n).join('/'), op);
    }
  }

  private by(key: string, test: (op: SpecOperation) => boolean): Set<SpecOperation> {
    let set = this.cache.get(key);
    if (!set) this.cache.set(key, (set = new Set(this.operations.filter(test))));
    return set;
  }

  private byPath(pattern: string): Set<SpecOperation> {
    const segments = pattern.split('/').filter(Boolean);
    if (!segments.some(hasWildcard)) return new Set(this.byShape.get(pathShape(pattern)) ?? []);
    if (segments[segments.length - 1] === '**' && !segments.slice(0, -1).some(hasWildcard)) return new Set(this.byPrefix.get(pathShape(`/${segments.slice(0, -1).join('/')}`)) ?? []);
    return this.by(`path:${pattern}`, (op) => pathMatches(pattern, op.path));
  }

  select(s: RawSelector): Set<SpecOperation> {
    if (s.all) return new Set(this.operations);
    const criteria: Set<SpecOperation>[] = [];
    const union = (values: readonly string[] | undefined, kind: string, test: (v: string) => (op: SpecOperation) => boolean) => {
      if (!values || values.length === 0) return;
      const set = new Set<SpecOperation>();
      for (const v of values) for (const op of kind === 'path' ? this.byPath(v) : this.by(`${kind}:${v}`, test(v))) set.add(op);
      criteria.push(set);
    };
    union(s.tags, 'tag', (v) => (op) => op.tags.includes(v));
    union(s.paths, 'path', () => () => false);
    union(s.methods, 'method', (v) => (op) => op.method === v);
    union(s.operationIds, 'id', (v) => (op) => op.operationId === v);
    const [first, ...rest] = criteria;
    return new Set([...(first ?? [])].filter((op) => rest.every((c) => c.has(op))));
  }

  /** Whether a candidate selects exactly the wanted operations. */
  exact(candidate: Candidate, wanted: ReadonlySet<SpecOperation>): boolean {
    const selected = this.select(candidate.match);
    if (candidate.exclude) for (const op of this.select(candidate.exclude)) selected.delete(op);
    return selected.size === wanted.size && [...selected].every((op) => wanted.has(op));
  }
}

/** One selector (with an exclusion at most) for a set of operations, or several rules when none fits. */
function selectorsFor(wanted: ReadonlySet<SpecOperation>, operations: readonly SpecOperation[], matcher: Matcher): Candidate[] {
  const others = operations.filter((op) => !wanted.has(op));
  const candidates: Candidate[] = [];
  if (others.length === 0) candidates.push({ match: { all: true } });
  for (const simple of simpleSelectors(wanted, operations)) candidates.push({ match: simple });
  for (const simple of simpleSelectors(new Set(others), operations)) candidates.push({ match: { all: true }, exclude: simple });
  const best = candidates.filter((c) => matcher.exact(c, wanted)).sort((a, b) => cost(a.match) + cost(a.exclude) - cost(b.match) - cost(b.exclude))[0];
  if (best) return [best];
  // No one selector says it: one rule per method, by path.
  const byMethod = new Map<string, SpecOperation[]>();
  for (const op of wanted) byMethod.set(op.method, [...(byMethod.get(op.method) ?? []), op]);
  return [...byMethod].map(([method, ops]) => ({ match: { paths: [...new Set(ops.map((op) => literalPath(op.path)))], methods: [method as Method] } }));
}

/** Selectors of one kind for a set of operations: tags, methods, path patterns (with methods), operationIds. */
function simpleSelectors(wanted: ReadonlySet<SpecOperation>, operations: readonly SpecOperation[]): RawSelector[] {
  if (wanted.size === 0) return [];
  const list = [...wanted];
  const result: RawSelector[] = [];
  const tags = [...new Set(list.flatMap((op) => op.tags))].filter((tag) => operations.every((op) => !op.tags.includes(tag) || wanted.has(op)));
  if (tags.length > 0) result.push({ tags });
  const methods = [...new Set(list.map((op) => op.method))] as Method[];
  result.push({ methods });
  const paths = pathPatterns(wanted, operations);
  result.push({ paths });
  result.push({ paths, methods });
  if (list.every((op) => op.operationId !== undefined)) result.push({ operationIds: list.map((op) => op.operationId as string) });
  return result;
}

/**
 * Path patterns that cover the wanted operations' paths: a whole subtree (`/v1/things/**`) where
 * every operation under it is wanted, the path itself otherwise.
 */
function pathPatterns(wanted: ReadonlySet<SpecOperation>, operations: readonly SpecOperation[]): string[] {
  const below = operationsBelow(operations);
  const under = (prefix: string) => below.get(prefix) ?? [];
  const patterns: string[] = [];
  const covered = new Set<string>();
  for (const op of wanted) {
    if (covered.has(op.path)) continue;
    const segments = op.path.split('/').filter(Boolean);
    let chosen: string | undefined;
    for (let n = 1; n <= segments.length; n++) {
      const prefix = `/${segments.slice(0, n).join('/')}`;
      const ops = under(prefix);
      if (ops.length > 1 && ops.every((o) => wanted.has(o)) && !segments.slice(0, n).some(hasWildcard)) {
        chosen = `${prefix}/**`;
        for (const o of ops) covered.add(o.path);
        break;
      }
    }
    if (chosen === undefined) {
      chosen = literalPath(op.path);
      covered.add(op.path);
    }
    if (!patterns.includes(chosen)) patterns.push(chosen);
  }
  return patterns;
}

const belowCache = new WeakMap<readonly SpecOperation[], Map<string, SpecOperation[]>>();

/** The operations under each leading part of their paths (`/v1`, `/v1/things`, …), computed once per list. */
function operationsBelow(operations: readonly SpecOperation[]): Map<string, SpecOperation[]> {
  let below = belowCache.get(operations);
  if (below) return below;
  below = new Map();
  for (const op of operations) {
    const segments = op.path.split('/').filter(Boolean);
    for (let n = 1; n <= segments.length; n++) {
      const prefix = `/${segments.slice(0, n).join('/')}`;
      const list = below.get(prefix);
      if (list) list.push(op);
      else below.set(prefix, [op]);
    }
  }
  belowCache.set(operations, below);
  return below;
}

const hasWildcard = (segment: string) => segment === '*' || segment === '**';
/** A path with its parameters unnamed, as merge's matcher compares them: `/a/{id}` and `/a/{key}` alike. */
const pathShape = (path: string) =>
  path
    .split('/')
    .filter(Boolean)
    .map((s) => (/^\{[^{}]+\}$/.test(s) ? '{}' : s))
    .join('/');
/** A path as a pattern: `*` segments are wildcards to the matcher, so such paths are matched by operationId or not at all. */
const literalPath = (path: string) => (path.startsWith('/') ? path : `/${path}`);
