import { STATUS_CODES } from 'node:http';
import type { Entry, EntryResponse, Header, JsonValue, Origin, ResponseHeader, RetryPolicy, StatusInfo } from '../model/catalog.js';
import { policyForStatus } from '../model/retry.js';
import { computeValue } from '../model/values.js';
import type { EntryDraft, Facts, StatusDraft } from '../normalize/drafts.js';
import type { NormalizedCatalog } from '../normalize/normalize.js';
import { defineOwn } from '../model/own.js';

/** A fact with the catalog path it was found at. */
interface Found<T> {
  value: T;
  origin: Origin;
}

/** The first scope, most specific first, that states a fact. */
function first<T>(scopes: readonly (Facts | undefined)[], pick: (facts: Facts) => T | undefined, key: string): Found<T> | undefined {
  for (const facts of scopes) {
    const value = facts === undefined ? undefined : pick(facts);
    if (facts !== undefined && value !== undefined) return { value, origin: { path: [...facts.path, key] } };
  }
  return undefined;
}

/** Headers by catalog order, every-error ones first: the names given, each required where the header is. */
function responseHeaders(headers: readonly Header[], names: ReadonlySet<string>, required: (header: Header) => boolean): ResponseHeader[] {
  const everyError = headers.filter((h) => h.everyError);
  const others = headers.filter((h) => !h.everyError && names.has(h.name));
  return [...everyError, ...others].map((h) => ({ name: h.name, required: required(h) }));
}

/** Each status's own facts: its title, its retry policy (for bodies that name no documented code), its headers. */
export function resolveStatuses(catalog: NormalizedCatalog): Omit<StatusInfo, 'examples'>[] {
  return catalog.statuses.map((draft) => resolveStatus(catalog, draft));
}

function resolveStatus(catalog: NormalizedCatalog, draft: StatusDraft): Omit<StatusInfo, 'examples'> {
  const { status, facts } = draft;
  const entries = catalog.entries.filter((d) => d.entry.statuses.includes(status));
  const retry = resolveRetry(catalog, [facts], status);
  const declared = new Set(facts?.headers ?? []);
  const sent = (d: EntryDraft) => new Set([...d.facts.headers, ...(d.perStatus.get(status)?.headers ?? [])]);
  const sentByEntries = entries.map(sent);
  const names = new Set([...declared, ...sentByEntries.flatMap((s) => [...s])]);
  // A header stays required only where every error of the status sends it.
  const always = (h: Header) => h.required && (h.everyError || declared.has(h.name) || (entries.length > 0 && sentByEntries.every((s) => s.has(h.name))));
  const info: Omit<StatusInfo, 'examples'> = {
    status,
    title: facts?.title ?? STATUS_CODES[status] ?? `HTTP ${status}`,
    codes: entries.map((d) => d.entry.code),
    statusOnly: entries.length === 0,
    retry: retry.value,
    headers: responseHeaders(catalog.headers, names, always),
    origins: { retry: retry.origin },
  };
  if (facts?.description !== undefined) info.description = facts.description;
  if (facts?.fix !== undefined) info.fix = facts.fix;
  return info;
}

/** A retry policy: the first scope that states one, else the catalog's defaults for the status, else errcat's. */
function resolveRetry(catalog: NormalizedCatalog, scopes: readonly (Facts | undefined)[], status: number): Found<RetryPolicy> {
  const stated = first(scopes, (f) => f.retry, 'retry');
  if (stated) return stated;
  const { policy, origin } = policyForStatus(status, catalog.retryDefaults);
  return { value: policy, origin };
}

/** An entry answered with each of its statuses: every fact resolved from the most specific scope that states it. */
export function resolveEntry(catalog: NormalizedCatalog, draft: EntryDraft, statuses: readonly Omit<StatusInfo, 'examples'>[]): Entry {
  const statusDrafts = new Map(catalog.statuses.map((s) => [s.status, s.facts]));
  const responses = draft.entry.statuses.map((status): EntryResponse => {
    const own = draft.perStatus.get(status);
    const info = statuses.find((s) => s.status === status);
    const scopes = [own, draft.facts, statusDrafts.get(status)];
    const title = first([own, draft.facts], (f) => f.title, 'title') ?? { value: info?.title ?? `HTTP ${status}`, origin: statusDrafts.get(status)?.title !== undefined ? { path: ['statuses', String(status), 'title'] } : { default: 'the reason phrase' } };
    const retry = resolveRetry(catalog, scopes, status);
    const names = new Set([...(statusDrafts.get(status)?.headers ?? []), ...draft.facts.headers, ...(own?.headers ?? [])]);
    const values: Record<string, JsonValue> = {};
    for (const field of [...catalog.fields, ...draft.entry.fields]) {
      const value = computeValue(field, { entry: draft.entry, status, title: title.value });
      if (value !== undefined) defineOwn(values, field.name, value);
    }
    const response: EntryResponse = {
      status,
      title: title.value,
      retry: retry.value,
      headers: responseHeaders(catalog.headers, names, (h) => h.required),
      values,
      examples: [],
      when: own !== undefined && own.when.length > 0 ? own.when : draft.facts.when,
      origins: { title: title.origin, retry: retry.origin },
    };
    const description = own?.description ?? draft.entry.description;
    const fix = own?.fix ?? draft.entry.fix;
    if (description !== undefined) response.description = description;
    if (fix !== undefined) response.fix = fix;
    return response;
  });
  const sent = new Set(responses.flatMap((r) => r.headers.map((h) => h.name)));
  return { ...draft.entry, headers: responseHeaders(catalog.headers, sent, () => false).map((h) => h.name), responses };
}
