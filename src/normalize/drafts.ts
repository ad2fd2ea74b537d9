import type { Condition, Entry, PathSegment, RetryPolicy } from '../model/catalog.js';
import type { RawExample } from './raw.js';

/**
 * What normalize hands to resolve: every catalog construct checked and in model terms, but the
 * facts that differ by status not yet resolved per status. Nothing outside normalize/ and
 * resolve/ sees these.
 */

/** Facts written for one scope (an entry, one status of an entry, a catalog status), with where they were written. */
export interface Facts {
  title?: string;
  description?: string;
  fix?: string;
  retry?: RetryPolicy;
  /** Declared header names, as the catalog spells the declaration. */
  headers: readonly string[];
  when: readonly Condition[];
  path: readonly PathSegment[];
}

export interface EntryDraft {
  /** The key under `errors`, as written. */
  key: string;
  /** The entry with everything but what resolve computes. */
  entry: Omit<Entry, 'responses' | 'headers'>;
  /** What the entry says for all its statuses. */
  facts: Facts;
  /** What it says for one status (`status: { 429: {…} }`). */
  perStatus: ReadonlyMap<number, Facts>;
  examples: readonly { raw: RawExample; path: readonly PathSegment[]; status: number }[];
}

export interface StatusDraft {
  status: number;
  /** What `statuses.N` says; absent when the catalog does not declare the status. */
  facts?: Facts;
}
