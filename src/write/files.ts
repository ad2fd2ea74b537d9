import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface OutputFile {
  path: string;
  content: string;
}

export type WriteOutcome = 'written' | 'unchanged';

export interface WrittenFile {
  path: string;
  bytes: number;
  outcome: WriteOutcome;
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Writes every file or none: each changed file goes to a temporary file beside its target,
 * and only when all of them are written are they renamed into place. Unchanged files are not
 * touched, so timestamps stay put and watchers stay quiet.
 */
export async function writeFilesAtomically(files: readonly OutputFile[]): Promise<WrittenFile[]> {
  const plan: { file: OutputFile; temp?: string; outcome: WriteOutcome }[] = [];
  for (const file of files) {
    const current = await readIfExists(file.path);
    plan.push({ file, outcome: current === file.content ? 'unchanged' : 'written' });
  }
  const temps: string[] = [];
  try {
    for (const step of plan) {
      if (step.outcome === 'unchanged') continue;
      await mkdir(dirname(step.file.path), { recursive: true });
      step.temp = `${step.file.path}.${randomBytes(6).toString('hex')}.tmp`;
      temps.push(step.temp);
      await writeFile(step.temp, step.file.content, 'utf8');
    }
    for (const step of plan) if (step.temp) await rename(step.temp, step.file.path);
  } catch (error) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw error;
  }
  return plan.map((s) => ({ path: s.file.path, bytes: Buffer.byteLength(s.file.content), outcome: s.outcome }));
}
