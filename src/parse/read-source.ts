import { readFile, stat } from 'node:fs/promises';
import { diagnostic, FILE_START, type Diagnostic } from '../diagnostics/diagnostic.js';
import { resolveLimits, sizeOverflow, type Limits } from './limits.js';

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic } | { ok: false; missing: true };

/**
 * Reads a catalog file as UTF-8 text. A missing path is the caller's usage error; anything
 * else that is not a text file becomes a located diagnostic.
 */
export async function readSource(file: string, limits: Partial<Limits> = {}): Promise<ReadResult> {
  let info;
  try {
    info = await stat(file);
  } catch {
    return { ok: false, missing: true };
  }
  if (!info.isFile()) {
    return {
      ok: false,
      diagnostic: diagnostic('not-a-file', `${file} is ${info.isDirectory() ? 'a directory' : 'not a regular file'}; pass the catalog file itself, e.g. ${file.replace(/\/$/, '')}/errors.yaml.`, file, FILE_START),
    };
  }
  // Refused before it is read: a file of gigabytes would not fit in memory.
  const tooLarge = sizeOverflow(info.size, resolveLimits('catalog', limits), 'catalog');
  if (tooLarge !== undefined) return { ok: false, diagnostic: diagnostic('too-large', tooLarge, file, FILE_START) };
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { ok: false, diagnostic: diagnostic('not-a-file', `${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); check its permissions.`, file, FILE_START) };
  }
  return decodeText(file, bytes);
}

export function decodeText(file: string, bytes: Uint8Array): ReadResult {
  const nul = bytes.indexOf(0);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, diagnostic: diagnostic('not-text', 'The file is not UTF-8 text; save the catalog as UTF-8 YAML or JSON.', file, FILE_START) };
  }
  if (nul !== -1) {
    const before = text.slice(0, text.indexOf('\u0000'));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    const at = { line, column };
    return { ok: false, diagnostic: diagnostic('not-text', 'The file holds a NUL byte, so it is binary, not a YAML or JSON catalog.', file, { start: at, end: at }) };
  }
  return { ok: true, text };
}
