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
  'unsafe-integer': { severity: 'error', summary: 'An integer beyond 2^53 (a code, a key or a number in a catalog), which JSON tools round.' },
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
  'unknown-level': { severity: 'error', summary: 'A reference to a code level the envelope does not have.' },
  'unknown-type': { severity: 'error', summary: 'A reference to a type the catalog does not declare.' },
  'type-cycle': { severity: 'error', summary: 'A type requires itself, so no finite value fits it.' },
  'missing-field-value': { severity: 'error', summary: 'A per-entry field has no value for an entry.' },
  'unknown-placeholder': { severity: 'error', summary: 'A URL template names a placeholder errcat does not know.' },
  'retry-impossible': { severity: 'error', summary: 'Retry numbers that cannot all hold.' },
  'example-invalid': { severity: 'error', summary: "An example body does not fit its entry's schema." },
  // Project config and templates
  'catalog-not-found': { severity: 'error', summary: 'The config names a catalog that does not exist.' },
  'config-error': { severity: 'error', summary: 'A config module (errcat.config.ts, .mts, .mjs, .js) cannot be loaded, or exports no config.' },
  'templates-not-found': { severity: 'error', summary: 'The config names a templates folder that does not exist.' },
  'template-error': { severity: 'error', summary: 'A docs template cannot be compiled or rendered.' },
  'stale-output': { severity: 'error', summary: 'A generated file is missing, or differs from what its catalog generates now.' },
  // Merging into a spec
  'unsupported-spec': { severity: 'error', summary: 'The spec is not OpenAPI 3.1, 3.0 or Swagger 2.0.' },
  'component-conflict': { severity: 'error', summary: "The spec has its own component under a name errcat needs." },
  'spec-invalid': { severity: 'error', summary: 'The merged spec would not be valid.' },
  'unreferenced-components': { severity: 'warning', summary: 'A merge adds components that no operation of the spec references.' },
  'missing-component-prefix': { severity: 'warning', summary: 'A merge adds components under unprefixed names, since the catalog sets no componentPrefix.' },
  // Importing a catalog from a spec: what import could not read, and each guess it made
  'import-no-errors': { severity: 'error', summary: 'The spec documents no error response with a JSON body that import can read.' },
  'import-unresolved-ref': { severity: 'warning', summary: 'A `$ref` import cannot follow (outside the document, or to nothing); what it leads to is left out.' },
  'import-no-body': { severity: 'info', summary: 'Error responses without a JSON body: left to the spec.' },
  'import-mixed-envelope': { severity: 'warning', summary: 'Error responses whose body has another shape than the envelope: left to the spec.' },
  'import-status-guess': { severity: 'info', summary: 'A `default` or `4XX`/`5XX` response read as one status.' },
  'import-guess': { severity: 'info', summary: 'A guess import made (the envelope, the code field, a retry policy); the catalog marks it with a comment.' },
  'import-codes-from-examples': { severity: 'info', summary: 'Codes read from examples, which the schemas do not list.' },
  'import-operation-codes': { severity: 'warning', summary: "Operations answer one status with different codes; each now documents all of the status's codes." },
  'import-operations-merged': { severity: 'warning', summary: "Operations errcat's rules cannot tell apart get the same error responses." },
  'import-field-merged': { severity: 'warning', summary: 'A property or header declared differently in different responses; one declaration kept.' },
  'import-example-dropped': { severity: 'info', summary: 'An example that does not fit the imported schema, left out.' },
  'import-schema-approximated': { severity: 'info', summary: 'A schema construct the catalog language does not have, approximated.' },
  'import-name-adjusted': { severity: 'info', summary: 'A code, name or value import changed to make a valid catalog.' },
  'spec-shape': { severity: 'error', summary: 'Where errcat edits, the spec holds something other than a mapping.' },
  // Writing files (src/write/files.ts)
  'not-writable': { severity: 'error', summary: 'The file to write is read-only (--force writes it anyway).' },
  'spec-changed': { severity: 'error', summary: 'The spec changed on disk while errcat merged into it.' },
  'file-locked': { severity: 'error', summary: 'Another errcat process is writing the same file.' },
  'write-failed': { severity: 'error', summary: 'The file system refused the write (full disk, permissions).' },
  'missing-description': { severity: 'warning', summary: 'An entry has no title, description or fix.' },
  'unregistered-status': { severity: 'warning', summary: 'An HTTP status no RFC registers: probably a typo.' },
  'ignored-retry-header': { severity: 'warning', summary: 'A 5xx sends Retry-After, but its retry policy never reads it.' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type Severity = 'error' | 'warning' | 'info';
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function severityOf(code: DiagnosticCode): Severity {
  return DIAGNOSTIC_CODES[code].severity;
}
