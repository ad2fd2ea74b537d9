import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComponentNames } from '../../src/emit/openapi/names.js';
import { attachedStatuses, listOperations } from '../../src/merge/operations.js';
import { mustLoad, ROOT, SPEC_CATALOGS } from '../helpers.js';
import { startPrisms } from './mock.js';

type Json = Record<string, any>;
const mergedSpec = (file: string) => join(ROOT, 'generated', file.split('/')[1] as string, 'openapi.merged.yaml');
// One Prism process serves every merged spec, each on its own port: Prism's start is mostly loading.
let servers: Map<string, string>;
let stop: (() => void) | undefined;

beforeAll(async () => {
  const started = await startPrisms(SPEC_CATALOGS.map(mergedSpec));
  stop = started.stop;
  servers = new Map(SPEC_CATALOGS.map((file, i) => [file, started.urls[i] as string]));
});

afterAll(() => stop?.());

describe.each(SPEC_CATALOGS)('Prism serving the merged spec of %s', (file) => {
  it('answers every documented error with a body and headers the generated classifier reads as that code', async () => {
    const api = file.split('/')[1] as string;
    const spec = parse(readFileSync(mergedSpec(file), 'utf8')) as Json;
    const catalog = await mustLoad(file);
    const module = (await import(pathToFileURL(join(ROOT, 'generated', api, 'errors.ts')).href)) as {
      classifyError(status: number, body: unknown, headers?: Headers): { known: boolean; code: unknown; error: unknown };
    };
    const base = servers.get(file) as string;
    const names = new ComponentNames(catalog, '3.1');
    // Headers whose value says which error it is: echoed codes, codes in a header, conditions.
    const branchingHeaders = [
      ...catalog.headers.filter((h) => h.echo !== undefined).map((h) => h.name),
      ...catalog.envelope.levels.flatMap((l) => (l.at.source === 'header' ? [l.at.header] : [])),
      ...catalog.entries.flatMap((e) => e.responses.flatMap((r) => r.when.flatMap((c) => (c.source === 'header' ? [c.header] : [])))),
    ];
    const requested = new Set<string>();
    const attached = new Set<string | number>();
    for (const operation of listOperations(spec)) {
      for (const { status, codes } of attachedStatuses(catalog, operation)) {
        // Errors under 2xx share the operation's success response, whose examples are the spec's own.
        if (status < 300) continue;
        for (const code of codes) attached.add(code);
        // The operation's own response: of all the status's codes, or of exactly the ones it returns.
        const ref = spec['paths'][operation.path][operation.method].responses[String(status)]?.$ref as string | undefined;
        if (ref === undefined) continue;
        const response = spec['components'].responses[ref.slice(ref.lastIndexOf('/') + 1)] as Json;
        const examples = Object.keys(response['content'][catalog.envelope.contentType].examples as Json);
        for (const example of examples) {
          if (requested.has(`${status} ${example}`)) continue;
          requested.add(`${status} ${example}`);
          const path = operation.path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
          const withBody = spec['paths'][operation.path][operation.method].requestBody !== undefined;
          const res = await fetch(`${base}${path}`, {
            method: operation.method.toUpperCase(),
            headers: { authorization: 'Bearer test', prefer: `code=${status}, example=${example}`, ...(withBody ? { 'content-type': 'application/json' } : {}) },
            ...(withBody ? { body: JSON.stringify({ url: 'https://example.com', prompt: 'p' }) } : {}),
          });
          const body: unknown = await res.json();
          const where = `${operation.method} ${operation.path} ${status} ${example}`;
          expect(res.status, where).toBe(status);
          const entry = catalog.entries.find((e) => example.startsWith(names.example(e, '')));
          // A mock answers every documented header with its own example value, whichever body it
          // serves; the headers a client branches on (conditions, echoed codes) come from the
          // catalog's example, the rest from Prism.
          const exampleHeaders = entry?.responses.find((r) => r.status === status)?.examples.find((x) => example.endsWith(`.${x.name.replace(/[^A-Za-z0-9._-]/g, '_')}`))?.headers ?? {};
          const headers = new Headers(res.headers);
          for (const name of branchingHeaders) headers.delete(name);
          for (const [name, value] of Object.entries(exampleHeaders)) headers.set(name, value);
          const classified = module.classifyError(status, body, headers);
          if (entry) expect(classified, where).toMatchObject({ known: true, code: entry.code });
          // A status with no code of its own: not a documented code, but the shape every error shares.
          else expect([classified.known, classified.error !== undefined], where).toEqual([false, true]);
          const info = catalog.statuses.find((s) => s.status === status);
          for (const header of info?.headers.filter((h) => h.required) ?? []) {
            expect(res.headers.get(header.name), `${where} ${header.name}`).not.toBeNull();
          }
        }
      }
    }
    // Every code the catalog attaches to an operation was served at least once.
    expect(attached.size).toBeGreaterThan(0);
    for (const entry of catalog.entries.filter((e) => attached.has(e.code))) expect([...requested].some((r) => r.includes(` ${names.example(entry, '')}`)), String(entry.code)).toBe(true);
  }, 120_000);
});
