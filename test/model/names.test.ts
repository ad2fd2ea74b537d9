import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/emit/openapi/index.js';
import { emitTypeScript } from '../../src/emit/typescript/index.js';
import { loadCatalogText } from '../../src/load.js';
import type { Catalog, FieldShape } from '../../src/model/catalog.js';
import { errorClassName, typeName, withPrefix } from '../../src/model/names.js';
import { words } from '../../src/model/naming.js';
import { ALL_CATALOGS, mustLoad } from '../helpers.js';

type Json = Record<string, Record<string, unknown>>;

/** Every name a catalog's outputs give a reader: the exports of errors.ts and the OpenAPI component names. */
function identifiers(catalog: Catalog): string[] {
  const exported = [...emitTypeScript(catalog, 'test').matchAll(/^export (?:abstract )?(?:interface|type|function|const|class) ([A-Za-z0-9_$]+)/gm)].map((m) => m[1] as string);
  const v31 = openApiDocument(catalog, '3.1') as { components: Json };
  const v20 = openApiDocument(catalog, '2.0') as Json;
  const components = [...Object.values(v31.components), v20['definitions'] ?? {}, v20['responses'] ?? {}].flatMap((section) => Object.keys(section));
  // An example key is the entry's name, a dot, then the example's own name: two names. A guard's
  // `is` and a constructor's `create` are verbs before a name, not part of it.
  return [...exported.map((name) => name.replace(/^(is|create)(?=[A-Z])/, '')), ...components.flatMap((name) => name.split('.'))];
}

/** Every name the catalog itself writes: codes, entry and type names, headers, levels, fields, examples, the prefix. */
function written(catalog: Catalog): string[] {
  const fieldNames = (shape: FieldShape): string[] => [...(shape.properties ?? []).flatMap((p) => [p.name, ...fieldNames(p)]), ...(shape.items ? fieldNames(shape.items) : [])];
  return [
    catalog.naming.componentPrefix,
    catalog.info.title,
    ...catalog.entries.flatMap((e) => [String(e.code), e.name, ...e.responses.flatMap((r) => r.examples.map((x) => x.name))]),
    ...catalog.types.map((t) => t.name),
    ...catalog.headers.map((h) => h.name),
    ...catalog.envelope.levels.map((l) => l.name),
    ...[...catalog.fields, ...catalog.entries.flatMap((e) => e.fields)].flatMap((f) => [f.name, ...fieldNames(f)]),
  ];
}

const count = (list: readonly string[], word: string) => list.filter((w) => w === word).length;

describe('generated names', () => {
  it.each(ALL_CATALOGS)('%s: no doubled suffix, no word repeated that the catalog did not write twice', async (file) => {
    const catalog = await mustLoad(file);
    const sources = written(catalog).map(words);
    const problems: string[] = [];
    for (const name of new Set(identifiers(catalog))) {
      if (/ErrorError|ResponseResponse|HeaderHeader|BodyBody/.test(name)) problems.push(`${name}: a doubled suffix`);
      const parts = words(name);
      for (const word of new Set(parts)) {
        if (count(parts, word) > 1 && !sources.some((s) => count(s, word) >= count(parts, word))) problems.push(`${name}: "${word}" repeated`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('adds the type suffix and the component prefix once', () => {
    const naming = { naming: { componentPrefix: 'Sandbox', typeSuffix: 'Error', errorClass: 'SandboxApiError' } };
    expect(typeName(naming, { name: 'InternalError' })).toBe('InternalError');
    expect(typeName(naming, { name: 'NotFound' })).toBe('NotFoundError');
    expect(typeName(naming, { name: 'ApiError' })).toBe('ApiError');
    expect(typeName(naming, { name: 'ErrorUnsupportedOrderBy' })).toBe('ErrorUnsupportedOrderBy');
    expect(withPrefix('Sandbox', 'SandboxError')).toBe('SandboxError');
    expect(withPrefix('Sandbox', 'SandboxesError')).toBe('SandboxSandboxesError');
    expect(withPrefix('Sandbox', 'NotFoundError')).toBe('SandboxNotFoundError');
    expect(errorClassName('Sandbox', 'Sandbox API')).toBe('SandboxApiError');
    expect(errorClassName('JsonApi', 'JSON:API')).toBe('JsonApiError');
    expect(errorClassName('', 'Microsoft REST API errors (Microsoft Graph, Azure)')).toBe('MicrosoftRestApiError');
    expect(errorClassName('', 'Billing')).toBe('BillingApiError');
  });

  it('reports names that collide once the suffix and the prefix are not doubled', () => {
    const load = (errors: string, naming = '{ componentPrefix: Sandbox }') =>
      loadCatalogText('c.yaml', `errcat: 2\ninfo: { title: Sandbox API, version: "1" }\nnaming: ${naming}\nenvelope: { kind: flat }\nerrors:\n${errors}`).diagnostics.filter((d) => d.code === 'name-collision').map((d) => [d.code, d.message]);
    expect(load('  internal: { status: 500 }\n  internal_error: { status: 500, when: { header: x, equals: "1" } }\n')).toEqual([
      ['name-collision', expect.stringContaining('`internal_error` and `internal` both become the TypeScript name `InternalError`')],
    ]);
    expect(load('  sandbox_failure: { status: 500 }\n  failure: { status: 500, when: { header: x, equals: "1" } }\n')).toEqual([
      ['name-collision', expect.stringContaining('both become the OpenAPI component `SandboxFailureError`')],
    ]);
    expect(load('  sandbox_documented: { status: 500 }\n')).toEqual([['name-collision', expect.stringContaining('`SandboxDocumentedError`, a name errcat uses')]]);
    expect(load('  error: { status: 500 }\n')).toEqual([['name-collision', expect.stringContaining('`Error`, which is a reserved word or a global type')]]);
    expect(load('  sandbox_api: { status: 500 }\n', '{}')).toEqual([['name-collision', expect.stringContaining('The error class would be `SandboxApiError`, which is the type of `sandbox_api`; set `naming.errorClass`')]]);
    expect(load('  sandbox_api: { status: 500 }\n', '{ errorClass: SandboxFailure }')).toEqual([]);
  });
});
