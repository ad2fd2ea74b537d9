import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setupServer } from 'msw/node';
import type { HttpHandler } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachedStatuses, specOperations } from '../../../src/merge/operations.js';
import { mustLoad, ROOT } from '../../helpers.js';
import { tmpDir } from '../../judges.js';
import { writeMocksModule } from './mocks-module.js';

const dir = tmpDir('mocks');
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('MSW handlers (an opt-in output)', () => {
  it('force every code of one operation, with the catalog example body and headers; the classifier reads each back as that code', async () => {
    const catalog = await mustLoad('specs/sandbox/errors.yaml');
    const specFile = join(ROOT, 'specs/sandbox/openapi.yaml');
    const operations = specOperations(specFile, readFileSync(specFile, 'utf8'));
    // Type-checked with the rest of the TypeScript output, in types.test.ts's one tsc run.
    await writeMocksModule(dir);
    const mocks = (await import(pathToFileURL(join(dir, 'mocks.ts')).href)) as { errorHandler(operation: string, code: string, options?: object): HttpHandler };
    const errors = (await import(pathToFileURL(join(dir, 'errors.ts')).href)) as { classifyError(status: number, body: unknown, headers?: Headers): { known: boolean; code: unknown; status: number } };
    const runPrompt = operations.find((o) => o.operationId === 'runPrompt');
    if (!runPrompt) throw new Error('no runPrompt');
    const forced = attachedStatuses(catalog, runPrompt).flatMap((a) => a.codes.map((code) => ({ status: a.status, code })));
    expect(forced.length).toBeGreaterThan(5);
    for (const { status, code } of forced) {
      server.resetHandlers(mocks.errorHandler('runPrompt', String(code), { baseUrl: 'https://sandbox.example.test' }));
      const response = await fetch('https://sandbox.example.test/v1/sandboxes/sbx_1/prompt', { method: 'POST', body: '{}' });
      const body: unknown = await response.json();
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(errors.classifyError(response.status, body, response.headers), String(code)).toMatchObject({ known: true, code, status });
      const example = catalog.entries.find((e) => e.code === code)?.responses.find((r) => r.status === status)?.examples[0];
      expect(body).toEqual(example?.body);
    }
    // Another operation's path is not answered.
    server.resetHandlers(mocks.errorHandler('runPrompt', 'budget_exceeded', { baseUrl: 'https://sandbox.example.test' }));
    await expect(fetch('https://sandbox.example.test/v1/sandboxes/sbx_1', { method: 'DELETE' })).rejects.toThrow();
  });
});
