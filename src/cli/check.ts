import { displayPath } from '../project/display-path.js';
import { readFile } from 'node:fs/promises';
import { planProject } from '../project/plan.js';
import { printDiagnostics, resolveProject, type ProjectOptions } from './project.js';
import { EXIT } from './terminal.js';

export interface CheckOptions extends ProjectOptions {
  json?: boolean;
}

/** Lines added and removed (as multisets) and the first line that differs. */
export function diffSummary(before: string, after: string): string {
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
  return `+${added} -${removed} lines, first difference at line ${first + 1}`;
}

/** `errcat check`: regenerate in memory and compare with what is on disk; exit 1 when anything is stale or missing. */
export async function checkCommand(catalog: string | undefined, options: CheckOptions): Promise<number> {
  const project = await resolveProject(catalog, options);
  if (!project.config) {
    printDiagnostics(project.diagnostics, project.texts);
    return EXIT.diagnostics;
  }
  const plan = await planProject(project.config);
  printDiagnostics(plan.diagnostics, plan.texts);
  if (plan.diagnostics.some((d) => d.severity === 'error')) return EXIT.diagnostics;
  const results: { path: string; state: 'current' | 'stale' | 'missing'; summary?: string }[] = [];
  for (const file of plan.files) {
    const path = displayPath(file.path);
    const current = await readFile(file.path).catch(() => undefined);
    const content = typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
    if (current === undefined) results.push({ path, state: 'missing' });
    else if (Buffer.compare(current, content) !== 0) results.push({ path, state: 'stale', summary: diffSummary(current.toString('utf8'), Buffer.from(content).toString('utf8')) });
    else results.push({ path, state: 'current' });
  }
  const bad = results.filter((r) => r.state !== 'current');
  if (options.json) process.stdout.write(`${JSON.stringify({ ok: bad.length === 0, files: results }, null, 2)}\n`);
  else {
    for (const r of bad) process.stdout.write(`${r.state.padEnd(8)} ${r.path}${r.summary ? `: ${r.summary}` : ''}\n`);
    process.stdout.write(bad.length === 0 ? `${results.length} files current\n` : `${bad.length} of ${results.length} files out of date; run errcat generate\n`);
  }
  return bad.length === 0 ? EXIT.ok : EXIT.diagnostics;
}
