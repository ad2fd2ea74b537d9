import * as nodeFs from 'node:fs/promises';
import { diagnostic, FILE_START, type Diagnostic } from '../diagnostics/diagnostic.js';
import { contentBytes, holds, type OutputFile } from '../write/files.js';

export interface OutputState {
  path: string;
  state: 'current' | 'stale' | 'missing';
  /** For a stale file: `+3 -1 lines, first difference at line 40`. */
  summary?: string;
}

/** Lines added and removed (as multisets), and the first line (1-based) that differs. */
export function diffLines(before: string, after: string): { added: number; removed: number; first: number } {
  const a = before.split('\n');
  const b = after.split('\n');
  const counts = new Map<string, number>();
  for (const line of a) counts.set(line, (counts.get(line) ?? 0) + 1);
  let added = 0;
  for (const line of b) {
    const n = counts.get(line) ?? 0;
    if (n > 0) counts.set(line, n - 1);
    else added++;
  }
  const removed = [...counts.values()].reduce((sum, n) => sum + n, 0);
  let first = 0;
  while (first < a.length && first < b.length && a[first] === b[first]) first++;
  return { added, removed, first: first + 1 };
}

/**
 * Compares the files a plan would write with those on disk: a state per file, and a
 * `stale-output` diagnostic for each missing file and for each stale one, at its first
 * difference.
 */
export async function compareWithDisk(files: readonly OutputFile[]): Promise<{ states: OutputState[]; diagnostics: Diagnostic[] }> {
  const states: OutputState[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    // The file is read whole only when it differs, for the summary of how.
    if (await holds(nodeFs, file.path, file.content)) {
      states.push({ path: file.path, state: 'current' });
      continue;
    }
    const current = await nodeFs.readFile(file.path).catch(() => undefined);
    const content = contentBytes(file.content);
    if (current === undefined) {
      states.push({ path: file.path, state: 'missing' });
      diagnostics.push(diagnostic('stale-output', 'This generated file is missing; run `errcat generate` to write it.', file.path, FILE_START));
    } else if (Buffer.compare(current, content) !== 0) {
      const { added, removed, first } = diffLines(current.toString('utf8'), Buffer.from(content).toString('utf8'));
      const summary = `+${added} -${removed} lines, first difference at line ${first}`;
      states.push({ path: file.path, state: 'stale', summary });
      const at = { line: first, column: 1 };
      diagnostics.push(diagnostic('stale-output', `This generated file is out of date (${summary}); run \`errcat generate\`, and do not edit it by hand.`, file.path, { start: at, end: at }));
    } else states.push({ path: file.path, state: 'current' });
  }
  return { states, diagnostics };
}
