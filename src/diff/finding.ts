import type { PathSegment } from '../model/catalog.js';
import { FINDING_KINDS, worse, type FindingKind, type FindingParams, type Impact, type Words } from './kinds.js';

/** Which catalog a finding points into: NEW for what it has, OLD for what NEW no longer has. */
export type Side = 'old' | 'new';

export interface Finding {
  kind: FindingKind;
  clients: Impact;
  servers: Impact;
  message: string;
  migration: string;
  /** The facts the message is made of, for destinations that write it their own way (Markdown). */
  params: FindingParams;
  /** A path into the catalog the finding is about (`['errors', 'not_found', 'status']`). */
  at: { side: Side; path: readonly PathSegment[] };
  /** `at` resolved to a file position, when the catalog's text is known. */
  location?: { file: string; line: number; column: number };
}

/** The more serious of a finding's two impacts: what `--fail-on` and grouping go by. */
export function impactOf(finding: Pick<Finding, 'clients' | 'servers'>): Impact {
  return worse(finding.clients, finding.servers);
}

const EMPTY: FindingParams = { subjects: [], field: '', header: '', level: '', statuses: [], before: '', after: '', operations: [] };

/** Plain text: values in backticks. */
const TEXT_WORDS: Words = { code: (value) => `\`${value}\``, text: (value) => value };

/** A finding's message and migration note written for a destination. */
export function render(f: Pick<Finding, 'kind' | 'params'>, words: Words): { message: string; migration: string } {
  const spec = FINDING_KINDS[f.kind];
  return { message: spec.message(f.params, words), migration: spec.migration(f.params, words) };
}

/** A finding of a kind, its impacts and words from the kinds table. */
export function finding(kind: FindingKind, params: Partial<FindingParams>, side: Side, path: readonly PathSegment[]): Finding {
  const spec = FINDING_KINDS[kind];
  const full = { ...EMPTY, ...params };
  return { kind, clients: spec.clients, servers: spec.servers, ...render({ kind, params: full }, TEXT_WORDS), params: full, at: { side, path } };
}
