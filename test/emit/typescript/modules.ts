import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { emitTypeScript } from '../../../src/emit/typescript/index.js';
import type { Catalog } from '../../../src/model/catalog.js';
import { mustLoad, ROOT } from '../../helpers.js';
import { TMP } from '../../judges.js';

/** What every generated module exports, loosely typed for tests that run over many catalogs. */
export interface GeneratedModule {
  ERROR_CODES: readonly (string | number)[];
  ERRORS: Record<string, { statuses: number[]; retry: { strategy: string }; name: string }>;
  isErrorBody(value: unknown): boolean;
  isApiError(value: unknown): boolean;
  isUnknownError(value: unknown): boolean;
  isErrorCode(value: unknown): boolean;
  hasErrorCode?(body: unknown, code: unknown): boolean;
  classifyError(status: number, body: unknown, headers?: unknown): { known: boolean; code: unknown; status: number; error: unknown; retryable: boolean; retryDelayMs: number | undefined; statusDocumented?: boolean };
  retryDelayMs(error: unknown, attempt: number, headers?: unknown, options?: { random?: () => number; now?: () => number }): number | undefined;
  isRetryable(error: unknown, attempt?: number): boolean;
  retryPolicyFor(status: number): { strategy: string };
  [name: string]: unknown;
}

export function label(file: string): string {
  return file.replace(/\/errors\.yaml$/, '').replace(/\.yaml$/, '').replace(/[/]/g, '-');
}

/** Emits a catalog's errors.ts under test/.tmp and imports it. */
export async function generatedModule(file: string): Promise<{ module: GeneratedModule; catalog: Catalog; path: string }> {
  const catalog = await mustLoad(file);
  const dir = join(TMP, 'modules', label(file));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'errors.ts');
  writeFileSync(path, emitTypeScript(catalog, 'test build'));
  const module = (await import(pathToFileURL(path).href)) as GeneratedModule;
  return { module, catalog, path };
}

export const GENERATED = (api: string) => join(ROOT, 'generated', api, 'errors.ts');
