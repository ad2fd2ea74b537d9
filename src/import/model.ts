import type { SpecOperation } from '../merge/operations.js';
import type { RawCatalog, RawEntry, RawEnvelope, RawField, RawFieldShape, RawHeader, RawRetryPolicy, RawStatus } from '../normalize/raw.js';
import type { SpecPath } from './spec.js';

/** An example body found in the spec, for an entry at one of its statuses. */
export interface ExampleCandidate {
  status: number;
  name?: string;
  summary?: string;
  body: unknown;
  path: SpecPath;
}

export interface ImportedEntry {
  /** The entry's key under `errors`: its code (a number for an integer level). */
  key: string | number;
  /** The entry as the catalog writes it, examples apart. */
  raw: RawEntry;
  examples: ExampleCandidate[];
  /** Where the spec describes it. */
  path: SpecPath;
}

/** What import read from a spec, in catalog terms; the catalog text is written from it. */
export interface ImportModel {
  info: RawCatalog['info'];
  naming: NonNullable<RawCatalog['naming']>;
  docUrl?: string;
  envelope: RawEnvelope;
  types: Record<string, RawFieldShape>;
  fields: Record<string, RawField>;
  headers: Record<string, RawHeader>;
  retry: Record<string, RawRetryPolicy>;
  statuses: Record<string, RawStatus>;
  entries: ImportedEntry[];
  /** What each operation answers with: whole statuses, or single codes where it gets part of one. */
  attachments: Map<SpecOperation, Set<Attachment>>;
}

/**
 * A unit of an operation's errors: a status (every code at it) as a number, or one code, for an
 * operation that answers with part of a status, as the string `codeUnit` makes.
 */
export type Attachment = number | string;

export const codeUnit = (code: string | number): string => `code:${JSON.stringify(code)}`;
export const unitCode = (unit: string): string | number => JSON.parse(unit.slice('code:'.length)) as string | number;
