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
  /** The statuses each operation answers with the catalog's errors. */
  attachments: Map<SpecOperation, Set<number>>;
}
