/**
 * A synthetic catalog of `codes` codes over many statuses, shaped like the seeds (wrapped, shared
 * fields, headers); with `examples`, each code has a written example (as issue 14's 10k row asks),
 * its message varied so that YAML output meets quoting, colons, '#' and non-ASCII text.
 */
export function syntheticCatalog(codes: number, options: { examples?: boolean } = {}): string {
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
    if (options.examples) lines.push(...writtenExample(i, status as number));
  }
  return `${lines.join('\n')}\n`;
}

const MESSAGES = ['Error number {i}: see the docs.', "It's #{i} - don't retry", '"Quoted" {i}', 'Fehler Nr. {i} – über {i} ✓', 'yes', '{i}', 'null: {i}', ' leading space {i}'];

/** One written example for code `i`: every field, its message one of a few varied strings. */
function writtenExample(i: number, status: number): string[] {
  const message = (MESSAGES[i % MESSAGES.length] as string).replaceAll('{i}', String(i));
  const param = i % 3 === 0 ? 'null' : `field_${i}`;
  return [
    '    examples:',
    `      - summary: Example of error ${i}`,
    '        body:',
    '          error:',
    `            code: error_number_${i}`,
    `            message: ${JSON.stringify(message)}`,
    `            request_id: req_${i}`,
    `            doc_url: https://errors.example.com/error_number_${i}`,
    `            status: ${status}`,
    `            param: ${param}`,
  ];
}
