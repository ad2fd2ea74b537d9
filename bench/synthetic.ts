/** A synthetic catalog of `codes` codes over many statuses, shaped like the seeds (wrapped, shared fields, headers). */
export function syntheticCatalog(codes: number): string {
  const lines = [
    'errcat: 1',
    `info: { title: Synthetic ${codes}, version: 1.0.0 }`,
    'naming: { codeStyle: snake_case, componentPrefix: Syn }',
    'docUrl: https://errors.example.com/{code}',
    'envelope: { kind: wrapped, code: { field: code } }',
    'fields:',
    '  request_id: { type: string, required: true, example: req_1 }',
    '  doc_url: { type: string, format: uri, required: true, value: docUrl }',
    '  status: { type: integer, required: true, value: status }',
    '  param: { type: string, nullable: true }',
    'headers:',
    '  X-Request-Id: { everyError: true, required: true, example: req_1 }',
    '  Retry-After: { type: integer, example: 30 }',
    'retry:',
    '  4xx: never',
    '  429: { strategy: retry-after, header: Retry-After }',
    '  5xx: backoff',
    'errors:',
  ];
  const statuses = [400, 401, 403, 404, 409, 422, 429, 500, 502, 503];
  for (let i = 0; i < codes; i++) {
    const status = statuses[i % statuses.length];
    lines.push(`  error_number_${i}:`, `    status: ${status}`, `    title: Error number ${i}`, `    fix: Do thing ${i}.`);
    if (status === 429) lines.push('    headers: [Retry-After]');
  }
  return `${lines.join('\n')}\n`;
}
