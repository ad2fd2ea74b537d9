import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { displayPath } from '../project/display-path.js';
import { writeFilesAtomically } from '../write/files.js';
import { printDiagnostics } from './output.js';
import { EXIT } from './terminal.js';

const STARTER_CATALOG = `# yaml-language-server: $schema=node_modules/errcat/schema/catalog.schema.json
#
# The error catalog: every error your API returns, in one place. errcat compiles it into
# OpenAPI components, TypeScript types and guards, and a Markdown reference.
errcat: 2
info:
  title: My API
  version: 1.0.0

naming:
  codeStyle: snake_case

envelope:
  kind: wrapped          # { "error": { "code": ..., "message": ... } }
  code: { field: code }
  message: { field: message }

fields:
  request_id:
    type: string
    required: true
    description: The request's id; quote it to support.
    example: req_123

headers:
  Retry-After:
    type: integer
    description: Seconds to wait before retrying.
    example: 30

retry:
  4xx: never
  429: { strategy: retry-after, header: Retry-After }
  5xx: backoff

errors:
  invalid_request:
    status: 400
    title: The request is malformed.
    fix: Correct the request as the message says.
  unauthorized:
    status: 401
    title: The API key is missing or invalid.
    fix: "Send a valid key in the Authorization header."
  not_found:
    status: 404
    title: The resource does not exist.
    fix: Check the id.
  rate_limited:
    status: 429
    title: Too many requests.
    fix: Wait Retry-After seconds, then retry.
    headers: [Retry-After]
  internal_error:
    status: 500
    title: Something went wrong on our side.
    fix: Retry with backoff; contact support with the request_id if it persists.
`;

const STARTER_CONFIG = `# yaml-language-server: $schema=node_modules/errcat/schema/config.schema.json
#
# Run \`errcat generate\` to write the outputs, \`errcat check\` in CI to fail on stale ones.
errcat: 1
catalogs:
  - catalog: errors.yaml
    out: generated
    openapi: { file: openapi.yaml, version: "3.1" }
    typescript: { file: errors.ts }
    docs: { file: errors.md }
`;

/** `errcat init`: a starter catalog and config that lint clean, so `errcat generate` works right after. */
export async function initCommand(options: { dir?: string }): Promise<number> {
  const dir = resolve(options.dir ?? '.');
  const files = [
    { path: join(dir, 'errors.yaml'), content: STARTER_CATALOG },
    { path: join(dir, 'errcat.config.yaml'), content: STARTER_CONFIG },
  ];
  const existing = files.filter((f) => existsSync(f.path));
  if (existing.length > 0) {
    process.stderr.write(`errcat: ${existing.map((f) => displayPath(f.path)).join(' and ')} already exist${existing.length === 1 ? 's' : ''}; nothing written\n`);
    return EXIT.diagnostics;
  }
  const { diagnostics } = await writeFilesAtomically(files);
  if (diagnostics.length > 0) {
    printDiagnostics(diagnostics, new Map());
    return EXIT.diagnostics;
  }
  for (const f of files) process.stdout.write(`wrote     ${displayPath(f.path)}\n`);
  process.stdout.write('next: errcat generate\n');
  return EXIT.ok;
}
