import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { emitTypeScript } from '../../../src/emit/typescript/index.js';
import type { Catalog } from '../../../src/model/catalog.js';
import { mustLoad, ROOT } from '../../helpers.js';
import { TMP } from '../../judges.js';

export interface Classification {
  known: boolean;
  code: unknown;
  status: number;
  statusDocumented?: boolean;
  error: unknown;
  codes: Record<string, unknown>;
  itemCodes: unknown[];
  retry: { strategy: string };
  retryable: boolean;
  retryDelayMs: number | undefined;
}

export interface Clock {
  random?: () => number;
  now?: () => number;
}

/** What every generated module exports, loosely typed for tests that run over many catalogs. */
export interface GeneratedModule {
  ERROR_CODES: readonly (string | number)[];
  ERRORS: Record<string, { statuses: number[]; retry: { strategy: string }; name: string }>;
  isErrorBody(value: unknown): boolean;
  isDocumentedError(value: unknown): boolean;
  isErrorShape(value: unknown): boolean;
  isErrorCode(value: unknown): boolean;
  hasErrorCode?(body: unknown, code: unknown): boolean;
  classifyError(status: number, body: unknown, headers?: unknown, options?: Clock): Classification;
  retryDelayMs(error: unknown, attempt: number, headers?: unknown, options?: Clock): number | undefined;
  isRetryable(error: unknown, attempt?: number): boolean;
  shouldRetry(error: unknown, attempt?: number, headers?: unknown): boolean;
  retryPolicyFor(status: number): { strategy: string };
  [name: string]: unknown;
}

export function label(file: string): string {
  return file.replace(/\/errors\.yaml$/, '').replace(/\.(ya?ml|json)$/, '').replace(/[/]/g, '-');
}

let imports = 0;

/** Writes a catalog's errors.ts under test/.tmp and imports it. */
export async function moduleOf(catalog: Catalog, name: string): Promise<{ module: GeneratedModule; path: string; text: string }> {
  const dir = join(TMP, 'modules', name);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'errors.ts');
  const text = emitTypeScript(catalog, 'test build');
  writeFileSync(path, text);
  // A query per import: a module rewritten under the same path is imported afresh.
  const module = (await import(`${pathToFileURL(path).href}?v=${++imports}`)) as GeneratedModule;
  return { module, path, text };
}

/** Emits a catalog file's errors.ts under test/.tmp and imports it. */
export async function generatedModule(file: string): Promise<{ module: GeneratedModule; catalog: Catalog; path: string; text: string }> {
  const catalog = await mustLoad(file);
  return { catalog, ...(await moduleOf(catalog, label(file))) };
}

export const GENERATED = (api: string) => join(ROOT, 'generated', api, 'errors.ts');
