import { readFileSync } from 'node:fs';

/** errcat's own version, from its package.json. */
export const ERRCAT_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Colour only for a TTY, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(stream: NodeJS.WriteStream): boolean {
  const noColor = process.env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  if (process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true;
}

export const EXIT = {
  ok: 0,
  /** The catalog (or spec) has errors; the diagnostics say which. */
  diagnostics: 1,
  /** The command line is wrong: unknown flag, missing file. */
  usage: 2,
  /** A bug in errcat. */
  internal: 3,
} as const;

export class UsageError extends Error {}
