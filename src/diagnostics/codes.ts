/**
 * Every diagnostic errcat can report: a stable kebab-case code, its severity, and what it means.
 * Codes are a public contract (users filter on them); never rename one, only add.
 */
export const DIAGNOSTIC_CODES = {
  // Reading and parsing
  'not-a-file': { severity: 'error', summary: 'The path is a directory or another non-file, or cannot be read.' },
  'not-text': { severity: 'error', summary: 'The file is binary or not valid UTF-8.' },
  'empty-file': { severity: 'error', summary: 'The file holds no catalog.' },
  'yaml-syntax': { severity: 'error', summary: 'The YAML cannot be parsed.' },
  'json-syntax': { severity: 'error', summary: 'The JSON cannot be parsed.' },
  'duplicate-key': { severity: 'error', summary: 'A mapping has the same key twice.' },
  'not-a-mapping': { severity: 'error', summary: 'The document is not a mapping.' },
  // Limits (src/parse/limits.ts): each can be raised
  'too-large': { severity: 'error', summary: 'The file is larger than errcat reads.' },
  'too-deep': { severity: 'error', summary: 'The data nests deeper than errcat reads.' },
  'alias-limit': { severity: 'error', summary: 'YAML aliases expand without end or beyond the limit.' },
  // Values JavaScript cannot hold as written
  'invalid-key': { severity: 'error', summary: 'A mapping key is null, a list or a mapping.' },
  'unsafe-integer': { severity: 'error', summary: 'An integer beyond 2^53, which JSON tools round.' },
  // Shape (JSON Schema of the catalog)
  'unknown-key': { severity: 'error', summary: 'A key the catalog language does not have.' },
  'missing-key': { severity: 'error', summary: 'A required key is absent.' },
  'wrong-type': { severity: 'error', summary: 'A value has the wrong JSON type.' },
  'invalid-value': { severity: 'error', summary: 'A value is outside what the key allows.' },
  'unsupported-version': { severity: 'error', summary: 'The catalog format version is not one errcat reads.' },
  // Meaning
  'duplicate-code': { severity: 'error', summary: 'Two entries have the same wire code.' },
  'code-type-mismatch': { severity: 'error', summary: 'A code does not have the JSON type the envelope declares.' },
  'code-style': { severity: 'error', summary: "A code breaks the catalog's naming style." },
  'name-collision': { severity: 'error', summary: 'Two entries derive the same TypeScript name.' },
  'invalid-name': { severity: 'error', summary: 'A name override is not a usable identifier.' },
  'status-not-error': { severity: 'error', summary: 'A status outside 400–599 without an explicit allowance.' },
  'ambiguous-status': { severity: 'error', summary: 'Codeless entries that share a status cannot be told apart.' },
  'envelope-conflict': { severity: 'error', summary: 'Envelope settings that contradict each other.' },
  'field-conflict': { severity: 'error', summary: 'A field reuses a name the envelope already uses.' },
  'unknown-header': { severity: 'error', summary: 'A reference to a header the catalog does not declare.' },
  'unknown-field': { severity: 'error', summary: 'A reference to a field the catalog does not declare.' },
  'unknown-code': { severity: 'error', summary: 'A reference to a code the catalog does not have.' },
  'unknown-status': { severity: 'error', summary: 'A reference to a status the catalog does not use.' },
  'missing-field-value': { severity: 'error', summary: 'A per-entry field has no value for an entry.' },
  'unknown-placeholder': { severity: 'error', summary: 'A URL template names a placeholder errcat does not know.' },
  'retry-impossible': { severity: 'error', summary: 'Retry numbers that cannot all hold.' },
  'example-invalid': { severity: 'error', summary: "An example body does not fit its entry's schema." },
  // Project config and templates
  'catalog-not-found': { severity: 'error', summary: 'The config names a catalog that does not exist.' },
  'template-error': { severity: 'error', summary: 'A docs template cannot be compiled or rendered.' },
  // Merging into a spec
  'unsupported-spec': { severity: 'error', summary: 'The spec is not OpenAPI 3.1, 3.0 or Swagger 2.0.' },
  'component-conflict': { severity: 'error', summary: "The spec has its own component under a name errcat needs." },
  'spec-invalid': { severity: 'error', summary: 'The merged spec would not be valid.' },
  'spec-shape': { severity: 'error', summary: 'Where errcat edits, the spec holds something other than a mapping.' },
  // Writing files (src/write/files.ts)
  'not-writable': { severity: 'error', summary: 'The file to write is read-only (--force writes it anyway).' },
  'spec-changed': { severity: 'error', summary: 'The spec changed on disk while errcat merged into it.' },
  'file-locked': { severity: 'error', summary: 'Another errcat process is writing the same file.' },
  'write-failed': { severity: 'error', summary: 'The file system refused the write (full disk, permissions).' },
  'missing-description': { severity: 'warning', summary: 'An entry has no title, description or fix.' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type Severity = 'error' | 'warning';
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function severityOf(code: DiagnosticCode): Severity {
  return DIAGNOSTIC_CODES[code].severity;
}
