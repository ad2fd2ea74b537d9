import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnostic, FILE_START, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';

/** Config files that are modules: evaluated, not parsed. */
export const MODULE_CONFIG = /\.(ts|mts|mjs|js)$/i;

// A config imports `defineConfig` from 'errcat' or 'errcat/config': always this errcat, so that a
// config loads the same under npx, a global install or a local one.
const ALIASES = {
  'errcat/config': fileURLToPath(new URL('./define-config.js', import.meta.url)),
  errcat: fileURLToPath(new URL('../index.js', import.meta.url)),
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where in the config a load error happened: a syntax error names it in its message (0-based column), a thrown error in its stack. */
function errorSpan(file: string, error: Error): Span {
  const at = new RegExp(`${escapeRegExp(file)}:(\\d+):(\\d+)`);
  const syntax = at.exec(error.message);
  const frame = syntax ? undefined : at.exec(error.stack ?? '');
  const match = syntax ?? frame;
  if (!match) return FILE_START;
  const position = { line: Number(match[1]), column: Number(match[2]) + (syntax ? 1 : 0) };
  return { start: position, end: position };
}

/**
 * Evaluates errcat.config.ts (or .mts, .mjs, .js) without a build step, with jiti, and returns its
 * default export. Nothing is cached, so `generate --watch` sees every edit.
 */
export async function importConfigModule(file: string): Promise<{ value?: unknown; diagnostics: Diagnostic[] }> {
  // jiti is loaded only for a config module: a YAML config never pays for it.
  const { createJiti } = await import('jiti');
  const jiti = createJiti(import.meta.url, { moduleCache: false, fsCache: false, interopDefault: false, alias: ALIASES });
  const path = resolve(file);
  let module: Record<string, unknown>;
  try {
    module = await jiti.import<Record<string, unknown>>(path);
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    const reason = (failure.message.split('\n')[0] ?? '').replace(/^ParseError: /, '').trim();
    return { diagnostics: [diagnostic('config-error', `The config could not be loaded: ${reason}. Fix it so that it runs and ends with \`export default defineConfig({ … })\`.`, file, errorSpan(path, failure))] };
  }
  if (!('default' in module) || module['default'] === undefined) {
    return { diagnostics: [diagnostic('config-error', 'The config exports no default; end it with `export default defineConfig({ … })` (`defineConfig` comes from `errcat/config`).', file, FILE_START)] };
  }
  return { value: module['default'], diagnostics: [] };
}
