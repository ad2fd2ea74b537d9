import type { FieldConstraints } from '../model/catalog.js';

/**
 * The catalog as written, after it passed the JSON Schema: every key optional where the
 * schema allows, nothing resolved yet.
 */
export interface RawField extends FieldConstraints {
  type: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';
  description?: string;
  required?: boolean;
  nullable?: boolean;
  enum?: (string | number)[];
  items?: RawField;
  properties?: Record<string, RawField>;
  additionalProperties?: boolean;
  example?: unknown;
  value?: 'status' | 'code' | 'title' | 'docUrl' | 'per-entry' | { template?: string; const?: unknown };
  default?: unknown;
}

export interface RawHeader {
  description?: string;
  type?: 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  required?: boolean;
  example?: string | number;
  everyError?: boolean;
}

export type RawRetry =
  | 'never'
  | 'backoff'
  | 'retry-after'
  | ({
      strategy: 'never' | 'backoff' | 'retry-after';
      header?: string;
      field?: string;
      fallback?: RawBackoff;
    } & RawBackoff);

export interface RawBackoff {
  maxAttempts?: number;
  baseDelayMs?: number;
  factor?: number;
  maxDelayMs?: number;
  jitter?: 'none' | 'full' | 'equal';
}

export interface RawStatus {
  title?: string;
  description?: string;
  fix?: string;
  retry?: RawRetry;
  headers?: string[];
  allowNonError?: boolean;
}

export interface RawExample {
  name?: string;
  summary?: string;
  body: unknown;
  headers?: Record<string, string | number>;
}

export interface RawEntry {
  status: number | number[];
  name?: string;
  title?: string;
  description?: string;
  fix?: string;
  docUrl?: string;
  fields?: Record<string, RawField>;
  values?: Record<string, unknown>;
  headers?: string[];
  retry?: RawRetry;
  examples?: RawExample[];
  deprecated?: boolean | string;
  replacedBy?: string | number;
  since?: string;
  tags?: string[];
  allowNonError?: boolean;
}

export interface RawSelector {
  all?: boolean;
  tags?: string[];
  paths?: string[];
  methods?: string[];
  operationIds?: string[];
}

export interface RawOperationRule {
  match: RawSelector;
  exclude?: RawSelector;
  errors?: (string | number)[];
  statuses?: number[];
  replace?: boolean;
}

export interface RawCatalog {
  errcat: number;
  info: { title: string; version: string; description?: string; docsUrl?: string };
  naming?: { codeStyle?: import('../model/catalog.js').CodeStyle; componentPrefix?: string; typeSuffix?: string };
  docUrl?: string;
  envelope: {
    kind: import('../model/catalog.js').EnvelopeKind;
    key?: string;
    contentType?: string;
    code?: { field?: string; type?: 'string' | 'integer'; description?: string };
    message?: { field?: string; required?: boolean; description?: string };
    additionalProperties?: boolean;
  };
  fields?: Record<string, RawField>;
  headers?: Record<string, RawHeader>;
  retry?: Record<string, RawRetry>;
  statuses?: Record<string, RawStatus>;
  errors: Record<string, RawEntry>;
  operations?: RawOperationRule[];
}
