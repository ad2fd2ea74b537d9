import type {
  Classified,
  EntryFacts,
  EnvelopeRow,
  ErrorTables,
  HeadersLike,
  JsonValue,
  LevelsRead,
  RetryOptions,
  RetryPolicy,
  WireValue,
} from './contract.js';
import { anyHolds } from './conditions.js';
import { collectItemCodes } from './item-codes.js';
import { deepEqual, hasOwn, own, ownAt, ownPath, plainObject } from './json.js';
import { readLevels, selectedItems } from './locate.js';
import { attemptsLeft, delayMs, overriddenPolicy, policyForStatus } from './retry.js';

/** The error object inside a body: the body, its wrapper's value, or the first error of a list. */
export function errorObjectOf(envelope: EnvelopeRow, body: unknown): unknown {
  const inner = envelope.key === undefined ? body : own(body, envelope.key);
  if (envelope.kind !== 'list' && envelope.kind !== 'array') return inner;
  if (!Array.isArray(inner)) return undefined;
  const items: readonly unknown[] = inner;
  return items[0];
}

/** An entry's facts by its code. */
function factsOf(tables: ErrorTables, code: WireValue): EntryFacts | undefined {
  const key = String(code);
  return hasOwn(tables.entries, key) ? tables.entries[key] : undefined;
}

/**
 * Whether an entry applies at this status: its conditions there, or, at a status it is not documented
 * with, any of its responses'.
 */
function applies(facts: EntryFacts, status: number, error: unknown, headers: HeadersLike | undefined): boolean {
  const response = facts.responses.find((r) => r.status === status);
  if (response !== undefined) return anyHolds(response.when, error, headers);
  return facts.responses.length === 0 || facts.responses.some((r) => anyHolds(r.when, error, headers));
}

/**
 * The first of the candidates for a level's value whose pins agree with what was read (a level
 * the body lacks does not disagree; a chain agrees when the pin is anywhere along it), whose
 * conditions hold and whose guard accepts the error object.
 */
function firstAccepted(
  tables: ErrorTables,
  candidates: readonly WireValue[],
  at: { level: string; value: WireValue } | undefined,
  status: number,
  error: unknown,
  headers: HeadersLike | undefined,
  read: LevelsRead,
): WireValue | undefined {
  return candidates.find((code) => {
    const facts = factsOf(tables, code);
    if (facts === undefined) return false;
    const agree = Object.keys(facts.pins).every((level) => {
      const pinned = facts.pins[level];
      if (level === at?.level) return pinned === at.value;
      return !hasOwn(read.values, level) || (read.values[level] ?? []).includes(pinned as WireValue);
    });
    const guard = tables.guards.get(code);
    return agree && applies(facts, status, error, headers) && guard !== undefined && guard(error);
  });
}

/**
 * The entry a response is: from the finest level read to the coarsest (along a chain, from the
 * deepest value a client understands outwards), then the codeless entries at its status.
 */
function resolveEntry(
  tables: ErrorTables,
  status: number,
  error: unknown,
  headers: HeadersLike | undefined,
  read: LevelsRead,
): WireValue | undefined {
  for (let i = tables.levels.length - 1; i >= 0; i--) {
    const level = tables.levels[i];
    if (level === undefined) continue;
    for (const value of [...(hasOwn(read.values, level.name) ? read.values[level.name] ?? [] : [])].reverse()) {
      const code = firstAccepted(
        tables,
        tables.byValue[i]?.get(value) ?? [],
        { level: level.name, value },
        status,
        error,
        headers,
        read,
      );
      if (code !== undefined) return code;
    }
  }
  return firstAccepted(tables, tables.codeless.get(status) ?? [], undefined, status, error, headers, read);
}

/** The finest level value read: the raw code of a response that is not a documented error. */
function finestRead(tables: ErrorTables, read: LevelsRead): WireValue | undefined {
  for (let i = tables.levels.length - 1; i >= 0; i--) {
    const level = tables.levels[i];
    if (level !== undefined && hasOwn(read.codes, level.name)) return read.codes[level.name];
  }
  return undefined;
}

/**
 * The policy, at this status, of the entry the finest level read names (deepest first along a chain),
 * if one is answered with it.
 */
function namedPolicy(tables: ErrorTables, read: LevelsRead, status: number): RetryPolicy | undefined {
  for (let i = tables.levels.length - 1; i >= 0; i--) {
    const level = tables.levels[i];
    if (level === undefined || !hasOwn(read.values, level.name)) continue;
    for (const value of [...(read.values[level.name] ?? [])].reverse()) {
      for (const code of tables.byValue[i]?.get(value) ?? []) {
        const response = factsOf(tables, code)?.responses.find((r) => r.status === status);
        if (response !== undefined) return response.retry;
      }
    }
    return undefined;
  }
  return undefined;
}

/** A result with its retry decision for a first retry. */
function decided(
  tables: ErrorTables,
  result: Omit<Classified, 'retryable' | 'retryDelayMs'>,
  headers: HeadersLike | undefined,
  options: RetryOptions,
): Classified {
  return {
    ...result,
    retryable: attemptsLeft(overriddenPolicy(result.retry, headers, tables.defaultBackoff), 1),
    retryDelayMs: delayMs(tables.defaultBackoff, result, 1, headers, options),
  };
}

/** Whether a body is a success: under a 2xx status, without the error marker. */
function successBody(envelope: EnvelopeRow, status: number, error: unknown): boolean {
  const marker = envelope.errorWhen;
  if (marker === undefined || status < 200 || status > 299) return false;
  return !(plainObject(error) && hasOwn(error, marker.name) && deepEqual(error[marker.name], marker.value));
}

function classifyBody(
  tables: ErrorTables,
  status: number,
  body: unknown,
  headers: HeadersLike | undefined,
  options: RetryOptions,
): Classified {
  const error = errorObjectOf(tables.envelope, body);
  if (successBody(tables.envelope, status, error)) {
    return decided(
      tables,
      {
        known: false,
        code: undefined,
        status,
        error: undefined,
        codes: {},
        itemCodes: [],
        retry: { strategy: 'never' },
      },
      headers,
      options,
    );
  }
  const read = readLevels(tables.levels, error, headers);
  const { codes } = read;
  const itemCodes = collectItemCodes(tables.itemCodes, error);
  const code = read.agree ? resolveEntry(tables, status, error, headers, read) : undefined;
  const meta = code === undefined ? undefined : factsOf(tables, code);
  if (code !== undefined && meta !== undefined) {
    const response = meta.responses.find((r) => r.status === status);
    const retry = response?.retry ?? policyForStatus(tables, status);
    return decided(
      tables,
      {
        known: true,
        code,
        status,
        statusDocumented: response !== undefined,
        error,
        meta,
        response,
        codes,
        itemCodes,
        retry,
      },
      headers,
      options,
    );
  }
  const retry = namedPolicy(tables, read, status) ?? policyForStatus(tables, status);
  return decided(
    tables,
    {
      known: false,
      code: finestRead(tables, read),
      status,
      error: tables.sharedShape(error) ? error : undefined,
      codes,
      itemCodes,
      retry,
    },
    headers,
    options,
  );
}

/**
 * Classifies an error response per the catalog: reads every level (the body first, an echoing
 * header when the body lacks it) and every item code, then resolves the finest level that names
 * an entry whose pins, conditions and guard agree, then coarser levels, then the codeless entries
 * of the status. Never throws: a hostile body or headers object is simply not a documented error.
 */
export function classify(
  tables: ErrorTables,
  status: number,
  body: unknown,
  headers: HeadersLike | undefined,
  options: RetryOptions,
): Classified {
  try {
    return classifyBody(tables, status, body, headers, options);
  } catch {
    const retry = policyForStatus(tables, status);
    return decided(
      tables,
      { known: false, code: undefined, status, error: undefined, codes: {}, itemCodes: [], retry },
      undefined,
      options,
    );
  }
}

type EntryGuard = (value: unknown) => boolean;

/** A level whose value the body carries, with the guards of the entries at each of its values. */
interface IndexedLevel {
  /** The path to the level's value, split once. */
  readonly field: readonly string[];
  /** The array whose items carry it (`errors[].code`), with the items it selects. */
  readonly in: IndexedItems | undefined;
  readonly guards: ReadonlyMap<unknown, readonly EntryGuard[]>;
}

interface IndexedItems {
  readonly path: string;
  readonly where: { readonly [property: string]: JsonValue };
}

interface GuardIndex {
  readonly tables: ErrorTables;
  readonly levels: readonly IndexedLevel[];
  readonly unindexed: readonly EntryGuard[];
}

let guardIndexCache: GuardIndex | undefined;

/**
 * The tables' guards by level and value, built on the first check: a check then makes one map
 * lookup per level, not a lookup of codes and then one of each code's guard. The lookup is its own
 * small function, which V8 inlines into the hot path; the building is not.
 */
function guardIndex(tables: ErrorTables): GuardIndex {
  return guardIndexCache !== undefined && guardIndexCache.tables === tables ? guardIndexCache : indexGuards(tables);
}

function indexGuards(tables: ErrorTables): GuardIndex {
  // Each function once: codes whose guard is the same check (the shared shape's) are tried once.
  const guardsOf = (codes: readonly WireValue[]): EntryGuard[] => [
    ...new Set(
      codes.flatMap((code) => {
        const guard = tables.guards.get(code);
        return guard === undefined ? [] : [guard];
      }),
    ),
  ];
  const levels: IndexedLevel[] = [];
  tables.levels.forEach((level, i) => {
    const byValue = tables.byValue[i];
    const { at } = level;
    if (byValue === undefined || 'header' in at || at.chain !== undefined || at.pattern !== undefined) return;
    const guards = new Map<unknown, readonly EntryGuard[]>();
    byValue.forEach((codes, value) => guards.set(value, guardsOf(codes)));
    levels.push({ field: at.field.split('.'), in: at.in === undefined ? undefined : { path: at.in, where: at.where ?? {} }, guards });
  });
  guardIndexCache = { tables, levels, unindexed: guardsOf(tables.unindexed) };
  return guardIndexCache;
}

/**
 * Whether a value is some entry's error object: the entries its body codes name (every item
 * `where` selects, as `contains` would), then those whose guard cannot see their code.
 */
export function acceptedByAny(tables: ErrorTables, value: unknown): boolean {
  // Loops rather than closures and arrays: guards are called once per body, and this is their hot path.
  const index = guardIndex(tables);
  for (let i = 0; i < index.levels.length; i++) {
    const level = index.levels[i] as IndexedLevel;
    if (level.in === undefined) {
      if (anyAccepts(level.guards.get(ownAt(value, level.field)), value)) return true;
      continue;
    }
    for (const item of selectedItems(ownPath(value, level.in.path), level.in.where)) {
      if (anyAccepts(level.guards.get(ownAt(item, level.field)), value)) return true;
    }
  }
  return anyAccepts(index.unindexed, value);
}

/** Whether one of the guards accepts the value. */
function anyAccepts(guards: readonly EntryGuard[] | undefined, value: unknown): boolean {
  if (guards === undefined) return false;
  for (let i = 0; i < guards.length; i++) {
    if ((guards[i] as EntryGuard)(value)) return true;
  }
  return false;
}
