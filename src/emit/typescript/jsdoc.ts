import type { Entry } from '../../model/catalog.js';
import { describeRetry } from '../../model/retry.js';
import { docText } from './literals.js';

/** The JSDoc of an entry's type: what it means, what to do, where it is answered, how to retry. */
export function entryDoc(entry: Entry): string {
  const lines: string[] = [];
  if (entry.title !== undefined) lines.push(entry.title);
  if (entry.description !== undefined) lines.push('', entry.description);
  if (entry.fix !== undefined) lines.push('', `Fix: ${entry.fix}`);
  lines.push('', `Code: \`${String(entry.code)}\` · HTTP ${entry.statuses.join(', ')} · Retry: ${describeRetry(entry.retry)}`);
  if (entry.docUrl !== undefined) lines.push(`@see ${entry.docUrl}`);
  if (entry.since !== undefined) lines.push(`@since ${entry.since}`);
  if (entry.deprecated) {
    const { message, replacedBy } = entry.deprecated;
    const replacement = replacedBy === undefined || message?.includes(replacedBy) ? undefined : `Use \`${replacedBy}\` instead.`;
    const note = [message, replacement].filter((s) => s !== undefined).join(' ');
    lines.push(`@deprecated${note ? ` ${note}` : ''}`);
  }
  return lines.map((l) => (l.startsWith('@') ? `@${docText(l.slice(1))}` : docText(l))).join('\n').replace(/^\n+/, '');
}
