import { isMapping, mappingAt, type SpecMapping } from '../merge/spec-data.js';
import { REGISTRY_KEY } from '../merge/plan.js';
import { DOCUMENTED_ERROR, ERROR_SHAPE, withPrefix } from '../model/names.js';
import { DEFAULT_BACKOFF } from '../model/retry.js';
import type { RawBackoff, RawCondition, RawConditions, RawHint, RawLevel, RawRetryPolicy } from '../normalize/raw.js';
import type { Spec, SpecPath } from './spec.js';

/**
 * errcat's own output in a spec (a merged spec, or `generate`'s components file): its
 * components carry the `x-errcat-*` extensions that say what OpenAPI cannot, so import reads the
 * catalog back from them instead of guessing.
 */
export interface ErrcatOutput {
  /** The catalog title the spec's registry records. */
  title?: string;
  prefix: string;
  /** The status each of errcat's response components documents, by component name. */
  responses: ReadonlyMap<string, number>;
  /** The response components that hold part of a status's codes, for the operations that answer with only those. */
  subsets: ReadonlySet<string>;
  /** The schema components with `x-errcat-code`, in component order: the catalog's entries in catalog order. */
  entries: readonly { name: string; schema: SpecMapping; path: SpecPath }[];
  /** The shape every error shares (`<prefix>ErrorShape`; `<prefix>UnknownError` before errcat 0.3). */
  unknown: { schema: SpecMapping; path: SpecPath };
  schemaSection: SpecPath;
  /** Success schemas an earlier merge joined errors to (`oneOf: [success, error]`), as JSON pointers. */
  wrapped: readonly string[];
}

/** The schemas errcat always emits, by which its output is found: the shared shape and the union, under today's names and the earlier ones. */
const SIGNATURES = [
  { shape: ERROR_SHAPE, union: DOCUMENTED_ERROR },
  { shape: 'UnknownError', union: 'ApiError' },
];

/** errcat's output in the spec, when there is some: found by its registry, else by its `<prefix>ErrorShape` and `<prefix>DocumentedError` pair. */
export function findErrcatOutput(spec: Spec): { output?: ErrcatOutput; titles: string[] } {
  const schemaSection = spec.version === '2.0' ? ['definitions'] : ['components', 'schemas'];
  const responseSection = spec.version === '2.0' ? ['responses'] : ['components', 'responses'];
  const schemas = mappingAt(spec.data, schemaSection) ?? {};
  const registry = mappingAt(spec.data, [REGISTRY_KEY]) ?? {};
  const titles = Object.keys(registry).filter((t) => isMapping(registry[t]));
  const owned = titles.length > 0 ? (registry[titles[0] as string] as SpecMapping) : undefined;
  const list = (key: string) => (owned && Array.isArray(owned[key]) ? (owned[key] as unknown[]).filter((n): n is string => typeof n === 'string') : undefined);
  const ownedSchemas = list('schemas') ?? list('definitions');
  let found: { prefix: string; shape: string } | undefined;
  for (const name of ownedSchemas ?? Object.keys(schemas)) {
    const signature = SIGNATURES.find((s) => name.endsWith(s.shape) && isMapping(schemas[name]) && Object.hasOwn(schemas, withPrefix(name.slice(0, -s.shape.length), s.union)));
    if (signature) {
      found = { prefix: name.slice(0, -signature.shape.length), shape: name };
      break;
    }
  }
  if (!found) return { titles };
  const { prefix, shape: unknownName } = found;
  const names = ownedSchemas ?? Object.keys(schemas);
  const entries = names
    .filter((name) => Object.hasOwn(schemas, name) && isMapping(schemas[name]) && (schemas[name] as SpecMapping)['x-errcat-code'] !== undefined)
    .map((name) => ({ name, schema: schemas[name] as SpecMapping, path: [...schemaSection, name] }));
  const responses = new Map<string, number>();
  const subsets = new Set<string>();
  const responseComponents = mappingAt(spec.data, responseSection) ?? {};
  const named = new RegExp(`^${escapeRegExp(prefix)}(?:Status(\\d{3})(\\w*)Response|Error(\\d{3}))$`);
  for (const name of list('responses') ?? Object.keys(responseComponents)) {
    const match = named.exec(name);
    if (!match || !isMapping(responseComponents[name])) continue;
    responses.set(name, Number(match[1] ?? match[3]));
    if (match[2]) subsets.add(name);
  }
  const output: ErrcatOutput = {
    prefix,
    responses,
    subsets,
    entries,
    unknown: { schema: schemas[unknownName] as SpecMapping, path: [...schemaSection, unknownName] },
    schemaSection,
    wrapped: list('wrapped') ?? [],
  };
  if (titles[0] !== undefined) output.title = titles[0];
  return { output, titles };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A backoff as the catalog writes it, without what errcat would default anyway. */
function rawBackoff(data: SpecMapping): RawBackoff {
  const backoff: RawBackoff = {};
  if (isNumber(data['maxAttempts']) && data['maxAttempts'] !== DEFAULT_BACKOFF.maxAttempts) backoff.maxAttempts = data['maxAttempts'];
  if (isNumber(data['baseDelayMs']) && data['baseDelayMs'] !== DEFAULT_BACKOFF.baseDelayMs) backoff.baseDelayMs = data['baseDelayMs'];
  if (isNumber(data['factor']) && data['factor'] !== DEFAULT_BACKOFF.factor) backoff.factor = data['factor'];
  const maxDelay = Math.max(DEFAULT_BACKOFF.maxDelayMs, isNumber(data['baseDelayMs']) ? data['baseDelayMs'] : 0);
  if (isNumber(data['maxDelayMs']) && data['maxDelayMs'] !== maxDelay) backoff.maxDelayMs = data['maxDelayMs'];
  const jitter = data['jitter'];
  if ((jitter === 'none' || jitter === 'equal' || jitter === 'full') && jitter !== DEFAULT_BACKOFF.jitter) backoff.jitter = jitter;
  return backoff;
}

function rawHint(data: unknown): RawHint | undefined {
  if (!isMapping(data)) return undefined;
  const hint: RawHint = {};
  for (const key of ['header', 'field', 'in', 'chain', 'pattern'] as const) if (typeof data[key] === 'string') hint[key] = data[key] as string;
  if (isMapping(data['where'])) hint.where = data['where'];
  const format = data['format'];
  const defaultFormat = hint.header !== undefined ? 'delay' : 'seconds';
  if (typeof format === 'string' && format !== defaultFormat) hint.format = format as NonNullable<RawHint['format']>;
  const when = rawConditions(data['when']);
  if (when !== undefined) hint.when = when;
  return hint.header !== undefined || hint.field !== undefined ? hint : undefined;
}

/** `x-errcat-retry` back to a catalog policy, the shortest way the catalog can write it. */
export function rawRetry(data: unknown): RawRetryPolicy | undefined {
  if (!isMapping(data)) return undefined;
  const shouldRetry = isMapping(data['shouldRetry']) && typeof data['shouldRetry']['header'] === 'string' ? { shouldRetry: { header: data['shouldRetry']['header'] } } : {};
  const short = Object.keys(shouldRetry).length === 0;
  switch (data['strategy']) {
    case 'never':
      return short ? 'never' : { strategy: 'never', ...shouldRetry };
    case 'backoff': {
      const backoff = rawBackoff(data);
      return short && Object.keys(backoff).length === 0 ? 'backoff' : { strategy: 'backoff', ...backoff, ...shouldRetry };
    }
    case 'retry-after': {
      const written = Array.isArray(data['hints']) ? data['hints'] : [data];
      const hints = written.map(rawHint).filter((h): h is RawHint => h !== undefined);
      const fallback = isMapping(data['fallback']) ? rawBackoff(data['fallback']) : {};
      const policy: Exclude<RawRetryPolicy, string> = { strategy: 'retry-after' };
      const [only] = hints;
      const plainField = only?.field !== undefined && only.in === undefined && only.chain === undefined && only.pattern === undefined && only.format === undefined && only.when === undefined;
      if (hints.length === 1 && only?.header !== undefined && only.pattern === undefined && only.format === undefined && only.when === undefined) policy.header = only.header;
      else if (hints.length === 1 && plainField) policy.field = only?.field as string;
      else if (hints.length > 0) policy.hints = hints as [RawHint, ...RawHint[]];
      if (isNumber(data['maxAttempts']) && data['maxAttempts'] !== (fallback.maxAttempts ?? DEFAULT_BACKOFF.maxAttempts)) policy.maxAttempts = data['maxAttempts'];
      if (Object.keys(fallback).length > 0) policy.fallback = fallback;
      return { ...policy, ...shouldRetry };
    }
    default:
      return undefined;
  }
}

/** `x-errcat-when` back to conditions. */
export function rawConditions(data: unknown): RawConditions | undefined {
  if (!Array.isArray(data)) return undefined;
  const conditions = data.filter(isMapping).map((c) => {
    const condition: RawCondition = {};
    for (const key of ['header', 'field', 'pattern'] as const) if (typeof c[key] === 'string') condition[key] = c[key] as string;
    if (c['equals'] !== undefined) condition.equals = c['equals'];
    if (typeof c['present'] === 'boolean') condition.present = c['present'];
    return condition;
  });
  const [first] = conditions;
  if (!first) return undefined;
  return conditions.length === 1 ? first : (conditions as [RawCondition, ...RawCondition[]]);
}

/**
 * A per-status extension (`x-errcat-retry`, `x-errcat-when`) as one value or one per status:
 * errcat writes one value when every status agrees, else `{ "403": …, "429": … }`.
 */
export function perStatus(data: unknown, statuses: readonly number[], isValue: (v: unknown) => boolean): Map<number, unknown> {
  const map = new Map<number, unknown>();
  if (data === undefined) return map;
  const keyed = isMapping(data) && !isValue(data) && statuses.every((s) => Object.hasOwn(data, String(s)));
  for (const s of statuses) map.set(s, keyed ? (data as SpecMapping)[String(s)] : data);
  return map;
}

/** A level's place as `describeLocator` words it (`x-errcat-located`), back to the catalog's keys. */
export function rawLocation(words: string): Omit<RawLevel, 'name'> | undefined {
  const through = / \(through \/(.*)\/\)$/.exec(words);
  const text = through ? words.slice(0, through.index) : words;
  const pattern = through ? { pattern: through[1] as string } : {};
  if (text.startsWith('header ')) return { header: text.slice('header '.length), ...pattern };
  const match = /^(?:(.+?)\[(.*?)\]\.)?(?:(.+?)…\(innermost\)\.)?(.+)$/.exec(text);
  if (!match) return undefined;
  const [, items, where, chain, field] = match;
  const location: Omit<RawLevel, 'name'> = { field: field as string, ...pattern };
  if (items !== undefined && where !== undefined) {
    location.in = items;
    location.where = Object.fromEntries(where.split(', ').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
  }
  if (chain !== undefined) location.chain = chain;
  return location;
}
