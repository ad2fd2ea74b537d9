import { describe, expect, it } from 'vitest';
import { formatDiagnostic, summarizeDiagnostics } from '../../src/diagnostics/format.js';
import { diagnostic } from '../../src/diagnostics/diagnostic.js';

const d = diagnostic('unknown-key', 'Unknown key `titel`. Did you mean `title`?', 'errors.yaml', {
  start: { line: 2, column: 3 },
  end: { line: 2, column: 8 },
});

describe('formatDiagnostic', () => {
  it('prints path:line:col, severity, code and message, then a code frame under the node', () => {
    const text = formatDiagnostic(d, { color: false, sourceText: 'a:\n  titel: x\n' });
    expect(text.split('\n')[0]).toBe('errors.yaml:2:3 - error unknown-key: Unknown key `titel`. Did you mean `title`?');
    expect(text).toContain('2 |   titel: x');
    expect(text).toContain('  |   ~~~~~');
  });

  it('uses no escape codes without colour, and some with it', () => {
    expect(formatDiagnostic(d, { color: false })).not.toContain('\u001b[');
    expect(formatDiagnostic(d, { color: true })).toContain('\u001b[');
  });

  it('summarizes counts', () => {
    expect(summarizeDiagnostics([d, { ...d, severity: 'warning' }])).toBe('1 error, 1 warning');
  });
});
