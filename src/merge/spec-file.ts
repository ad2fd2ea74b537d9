import { readFile, stat } from 'node:fs/promises';
import { diagnostic, FILE_START, type Diagnostic } from '../diagnostics/diagnostic.js';
import { resolveLimits, sizeOverflow, type Limits } from '../parse/limits.js';
import { decodeSpecText } from './spec-text.js';

export type SpecFile = { bytes: Buffer; text: string } | { diagnostic: Diagnostic } | { missing: true };

/** Whether a path can be a spec to read: it exists, is a file, and is within the size limit. */
export async function checkSpecFile(path: string, limits: Partial<Limits> = {}): Promise<{ diagnostic: Diagnostic } | { missing: true } | undefined> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    return { diagnostic: diagnostic('not-a-file', `${path} cannot be read (${(error as NodeJS.ErrnoException).code}); check its permissions.`, path, FILE_START) };
  }
  if (!info.isFile()) return { diagnostic: diagnostic('not-a-file', `${path} is ${info.isDirectory() ? 'a directory' : 'not a regular file'}; pass the spec file itself, e.g. ${path.replace(/\/$/, '')}/openapi.yaml.`, path, FILE_START) };
  const tooLarge = sizeOverflow(info.size, resolveLimits('spec', limits), 'spec');
  return tooLarge === undefined ? undefined : { diagnostic: diagnostic('too-large', tooLarge, path, FILE_START) };
}

/**
 * Reads a spec to merge into: its bytes (to compare with when writing it back) and its text,
 * decoded without losing a byte (see spec-text.ts). A folder, a file over the size limit or one
 * that cannot be read is a diagnostic; a path that does not exist is the caller's to report.
 */
export async function readSpecFile(path: string, limits: Partial<Limits> = {}): Promise<SpecFile> {
  const problem = await checkSpecFile(path, limits);
  if (problem) return problem;
  try {
    const bytes = await readFile(path);
    return { bytes, text: decodeSpecText(bytes) };
  } catch (error) {
    return { diagnostic: diagnostic('not-a-file', `${path} cannot be read (${(error as NodeJS.ErrnoException).code}); check its permissions.`, path, FILE_START) };
  }
}
