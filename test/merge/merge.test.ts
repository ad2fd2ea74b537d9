import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCatalogText } from '../../src/load.js';
import type { Catalog } from '../../src/model/catalog.js';
import { mergeSpec } from '../../src/merge/merge.js';
import { ComponentNames } from '../../src/emit/openapi/names.js';
import { operationSubsets, subsetKey } from '../../src/merge/plan.js';
import { attachedStatuses, listOperations } from '../../src/merge/operations.js';
import { ALL_CATALOGS, mustLoad, onlyAdded, ROOT, SPEC_CATALOGS } from '../helpers.js';
import { swaggerParserErrors } from '../judges.js';

type Json = Record<string, any>;

/** The merged text; warnings (a catalog without operations rules or componentPrefix) are tested on their own. */
async function merged(catalog: Catalog, file: string, text: string): Promise<string> {
  const result = await mergeSpec(catalog, file, text);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.text as string;
}

describe.each(SPEC_CATALOGS)('merging %s into its base spec', (file) => {
  it('adds lines only, stays valid, references the errors from each operation, and is idempotent', async () => {
    const catalog = await mustLoad(file);
    const specFile = join(ROOT, file.replace('errors.yaml', 'openapi.yaml'));
    const before = readFileSync(specFile, 'utf8');
    const after = await merged(catalog, specFile, before);
    // Errors under 2xx join the success bodies, which rewrites their schemas; otherwise merging only adds.
    if (!catalog.envelope.errorWhen) expect(onlyAdded(before, after)).toBe(true);
    expect(await swaggerParserErrors(parse(after) as object)).toBe('');
    const spec = parse(after) as Json;
    const original = parse(before) as Json;
    const names = new ComponentNames(catalog, '3.1');
    const subsets = operationSubsets(catalog, listOperations(original));
    for (const op of listOperations(original)) {
      const responses = spec['paths'][op.path][op.method].responses as Json;
      for (const a of attachedStatuses(catalog, op)) {
        const existing = original['paths'][op.path][op.method].responses[String(a.status)];
        const subset = subsets.get(subsetKey(a.status, a.codes));
        if (a.status < 300) expect(JSON.stringify(responses[String(a.status)])).toContain(`#/components/schemas/${catalog.naming.componentPrefix}Status${a.status}`);
        else expect(responses[String(a.status)]).toEqual(existing ?? { $ref: `#/components/responses/${names.response(a.status, subset?.name)}` });
        // A subset's response documents exactly the operation's codes at that status.
        if (subset && !existing) expect(spec['components'].responses[names.response(a.status, subset.name)]['x-errcat-codes']).toEqual(a.codes);
      }
    }
    expect(await merged(catalog, specFile, after)).toBe(after);
  });
});

describe('a spec an older errcat merged under the names it used then', () => {
  it('is re-merged to exactly what merging the base spec gives: every old name replaced, the registry listing the new ones', async () => {
    const catalog = await mustLoad('specs/sandbox/errors.yaml');
    const old = readFileSync(join(ROOT, 'test/fixtures/support/old-names/sandbox.merged.yaml'), 'utf8');
    const oldRegistry = (parse(old) as Json)['x-errcat']['Sandbox API'] as Record<string, string[]>;
    expect(oldRegistry['responses']).toContain('SandboxError404');
    expect(oldRegistry['schemas']).toEqual(expect.arrayContaining(['SandboxApiError', 'SandboxUnknownError', 'SandboxSandboxErrorError']));
    const specFile = join(ROOT, 'specs/sandbox/openapi.yaml');
    const remerged = parse(await merged(catalog, specFile, old)) as Json;
    const fresh = parse(await merged(catalog, specFile, readFileSync(specFile, 'utf8'))) as Json;
    expect(remerged).toEqual(fresh);
    const registry = remerged['x-errcat']['Sandbox API'] as Record<string, string[]>;
    for (const [section, names] of Object.entries(oldRegistry)) {
      for (const name of names.filter((n) => !(registry[section] ?? []).includes(n))) expect(remerged['components'][section]?.[name], name).toBeUndefined();
    }
    expect(JSON.stringify(remerged)).not.toMatch(/SandboxError404|SandboxSandboxError|SandboxUnknownError|SandboxXRequestId"/);
  });
});

describe('per-operation responses', () => {
  const subsetCatalog = (rules: string) =>
    loadCatalogText(
      'mini.yaml',
      `errcat: 2
info: { title: Mini, version: "1" }
naming: { componentPrefix: Mini }
envelope: { kind: wrapped }
errors:
  not_found: { status: 404, title: Missing }
  thing_missing: { status: 404, title: Missing thing }
  gone: { status: 410, title: Gone }
operations:
${rules}`,
    ).catalog as Catalog;
  const spec = `openapi: 3.1.0
info: { title: Mini, version: "1" }
paths:
  /a: { get: { operationId: getA, responses: { "200": { description: ok } } } }
  /b: { get: { operationId: getB, responses: { "200": { description: ok } } } }
  /c: { get: { responses: { "200": { description: ok } } } }
`;
  const refs = (text: string) => {
    const doc = parse(text) as Json;
    return Object.fromEntries(['/a', '/b', '/c'].map((p) => [p, doc['paths'][p].get.responses['404']?.$ref]));
  };

  it('reference a response of exactly their codes, shared by the operations that answer with the same ones, and dropped once nothing references it', async () => {
    const first = subsetCatalog('  - { match: { all: true }, errors: [not_found, gone] }\n  - { match: { paths: [/c] }, errors: [thing_missing] }\n');
    const merged1 = await merged(first, 'spec.yaml', spec);
    expect(refs(merged1)).toEqual({
      '/a': '#/components/responses/MiniStatus404NotFoundResponse',
      '/b': '#/components/responses/MiniStatus404NotFoundResponse',
      '/c': '#/components/responses/MiniStatus404Response',
    });
    const doc = parse(merged1) as Json;
    expect(doc['components'].responses.MiniStatus404NotFoundResponse['x-errcat-codes']).toEqual(['not_found']);
    expect(doc['components'].responses.MiniStatus404NotFoundResponse.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/MiniStatus404NotFoundBody' });
    expect(Object.keys(doc['components'].responses.MiniStatus404NotFoundResponse.content['application/json'].examples)).toEqual(['MiniNotFound.not_found']);
    // Every operation gets both codes: the subset is no longer referenced, and goes.
    const second = subsetCatalog('  - { match: { all: true }, errors: [not_found, thing_missing, gone] }\n');
    const merged2 = await merged(second, 'spec.yaml', merged1);
    expect(new Set(Object.values(refs(merged2)))).toEqual(new Set(['#/components/responses/MiniStatus404Response']));
    const doc2 = parse(merged2) as Json;
    expect(doc2['components'].responses.MiniStatus404NotFoundResponse).toBeUndefined();
    expect(doc2['components'].schemas.MiniStatus404NotFoundBody).toBeUndefined();
    expect(JSON.stringify(doc2['x-errcat'])).not.toContain('NotFoundBody');
    expect(await merged(second, 'spec.yaml', merged2)).toBe(merged2);
  });

  it('are named by their codes, by the codes they leave out, or by the first operation that needs them', async () => {
    const many = loadCatalogText(
      'many.yaml',
      `errcat: 2
info: { title: Many, version: "1" }
naming: { componentPrefix: Many }
envelope: { kind: flat }
errors:
${['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((c) => `  ${c}_failed: { status: 400, title: ${c} }`).join('\n')}
operations:
  - { match: { operationIds: [getA] }, errors: [a_failed, b_failed] }
  - { match: { operationIds: [getB] }, errors: [a_failed, b_failed, c_failed, d_failed, e_failed, f_failed, g_failed] }
  - { match: { paths: [/c] }, errors: [a_failed, b_failed, c_failed, d_failed, e_failed] }
`,
    ).catalog as Catalog;
    const doc = parse(await merged(many, 'spec.yaml', spec.replace(/"404"/g, '"400"'))) as Json;
    const ref = (p: string) => doc['paths'][p].get.responses['400'].$ref;
    expect([ref('/a'), ref('/b'), ref('/c')]).toEqual([
      '#/components/responses/ManyStatus400AFailedOrBFailedResponse',
      '#/components/responses/ManyStatus400ExceptHFailedAndIFailedResponse',
      '#/components/responses/ManyStatus400ForGetCResponse',
    ]);
    expect(doc['components'].schemas.ManyStatus400AFailedOrBFailedError.oneOf).toHaveLength(2);
    expect(await swaggerParserErrors(doc)).toBe('');
  });
});

const catalogText = (extra = '') => `errcat: 1
info: { title: Mini, version: "1" }
naming: { componentPrefix: Mini }
envelope: { kind: wrapped }
errors:
  not_found: { status: 404, title: Missing }
  gone: { status: 410, title: Gone }
${extra}operations:
  - match: { all: true }
    errors: [not_found, gone]
`;
const mini = (extra = '') => {
  const { catalog, diagnostics } = loadCatalogText('mini.yaml', catalogText(extra));
  if (!catalog) throw new Error(JSON.stringify(diagnostics));
  return catalog;
};

const yamlSpec = `# A spec with comments, anchors and odd quoting.
openapi: "3.0.3"
info:
  title: 'Mini'   # trailing comment
  version: 1.0.0
paths:
  /things/{id}:
    get:
      parameters: &params
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200':
          description: ok

        # a blank line and a comment above
        '404':
          description: The user's own 404.
  /others/{id}:
    get:
      parameters: *params
      responses:
        '200': { description: ok }
components:
  schemas:
    Thing: { type: object }   # the user's schema
`;

describe('merging into YAML', () => {
  it('keeps comments, anchors, quoting and blank lines; keeps the user\'s own responses, reporting each', async () => {
    const result = await mergeSpec(mini(), 'spec.yaml', yamlSpec);
    expect(result.diagnostics).toEqual([]);
    const after = result.text as string;
    expect(onlyAdded(yamlSpec, after)).toBe(true);
    expect(after).toContain('parameters: &params');
    expect(after).toContain('parameters: *params');
    expect(result.notes).toEqual(['kept GET /things/{id} 404: the spec already answers it (set replace: true on the rule to replace it)']);
    expect(result.counts).toEqual({ operations: 2, added: 3, kept: 1, replaced: 0, removed: 0 });
    const spec = parse(after) as Json;
    expect(spec['paths']['/things/{id}'].get.responses['404']).toEqual({ description: "The user's own 404." });
    expect(spec['paths']['/things/{id}'].get.responses['410']).toEqual({ $ref: '#/components/responses/MiniStatus410Response' });
    expect(spec['paths']['/others/{id}'].get.responses['404']).toEqual({ $ref: '#/components/responses/MiniStatus404Response' });
    expect(spec['components'].schemas.Thing).toEqual({ type: 'object' });
    expect(Object.keys(spec['x-errcat'].Mini)).toEqual(['schemas', 'responses', 'examples']);
  });

  it('replaces a user response when the rule says so', async () => {
    const catalog = mini();
    const replacing = { ...catalog, operations: catalog.operations.map((r) => ({ ...r, replace: true })) };
    const result = await mergeSpec(replacing, 'spec.yaml', yamlSpec);
    expect(result.notes).toEqual(['replaced GET /things/{id} 404 with errcat\'s response']);
    expect(result.counts).toEqual({ operations: 2, added: 3, kept: 0, replaced: 1, removed: 0 });
    expect((parse(result.text as string) as Json)['paths']['/things/{id}'].get.responses['404']).toEqual({ $ref: '#/components/responses/MiniStatus404Response' });
  });

  it('counts from the plan: nothing added on a second merge, what is already there unchanged', async () => {
    const once = await merged(mini(), 'spec.yaml', yamlSpec);
    const again = await mergeSpec(mini(), 'spec.yaml', once);
    expect(again.counts).toEqual({ operations: 2, added: 0, kept: 1, replaced: 0, removed: 0 });
  });

  it('removes a code that left the catalog, with its references, on the next merge', async () => {
    const once = await merged(mini(), 'spec.yaml', yamlSpec);
    const { catalog } = loadCatalogText('mini.yaml', catalogText().replace('  gone: { status: 410, title: Gone }\n', '').replace('errors: [not_found, gone]', 'errors: [not_found]'));
    expect((await mergeSpec(catalog as Catalog, 'spec.yaml', once)).counts).toEqual({ operations: 2, added: 0, kept: 1, replaced: 0, removed: 2 });
    const twice = await merged(catalog as Catalog, 'spec.yaml', once);
    expect(twice).not.toMatch(/Gone|410/);
    expect(twice).toMatch(/MiniNotFoundError/);
    expect(await swaggerParserErrors(parse(twice) as object)).toBe('');
    expect(await merged(catalog as Catalog, 'spec.yaml', twice)).toBe(twice);
  });

  it('refuses to overwrite a component of the user\'s, pointing at it, and changes nothing', async () => {
    const spec = yamlSpec.replace('    Thing: { type: object }', '    MiniNotFoundError: { type: string }\n    Thing: { type: object }');
    const result = await mergeSpec(mini(), 'spec.yaml', spec);
    expect(result.text).toBeUndefined();
    expect(result.diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column}`)).toEqual(['component-conflict 25:5']);
  });
});

describe('warnings before adding components that nothing would reference', () => {
  const withoutRules = (text: string) => text.replace(/operations:\n(  .*\n)+/, '');
  const load = (text: string) => {
    const { catalog, diagnostics } = loadCatalogText('mini.yaml', text);
    if (!catalog) throw new Error(JSON.stringify(diagnostics));
    return catalog;
  };
  const warnings = async (catalog: Catalog, spec = yamlSpec) => {
    const result = await mergeSpec(catalog, 'spec.yaml', spec);
    expect(result.text).toBeDefined();
    return result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.start.line}:${d.start.column}: ${d.message}`);
  };

  it('none for a catalog with rules and a prefix', async () => {
    expect(await warnings(mini())).toEqual([]);
  });

  it('a catalog without operations rules: unreferenced-components, at the spec\'s paths', async () => {
    expect(await warnings(load(withoutRules(catalogText())))).toEqual([expect.stringMatching(/^warning unreferenced-components 6:1: .*the catalog has no `operations` rules/)]);
  });

  it('rules that select no operation, or whose statuses the spec answers itself', async () => {
    const elsewhere = load(catalogText().replace('match: { all: true }', 'match: { paths: ["/nowhere"] }'));
    expect(await warnings(elsewhere)).toEqual([expect.stringMatching(/unreferenced-components 6:1: .*select no operation of this spec/)]);
    const answered = yamlSpec.replace("        '404':\n          description: The user's own 404.\n", "        '404':\n          description: The user's own 404.\n        '410': { description: Gone. }\n").replace("        '200': { description: ok }\n", "        '200': { description: ok }\n        '404': { description: Missing. }\n        '410': { description: Gone. }\n");
    expect(await warnings(mini(), answered)).toEqual([expect.stringMatching(/unreferenced-components 6:1: .*already answers every status.*replace: true/)]);
  });

  it('none for a spec without operations, a library of components', async () => {
    expect(await warnings(load(withoutRules(catalogText())), 'openapi: 3.1.0\ninfo: { title: Library, version: "1" }\npaths: {}\ncomponents: {}\n')).toEqual([]);
  });

  it('a catalog without a componentPrefix: missing-component-prefix, at the spec\'s components', async () => {
    expect(await warnings(load(catalogText().replace('naming: { componentPrefix: Mini }\n', '')))).toEqual([
      expect.stringMatching(/^warning missing-component-prefix 23:1: .*plain names such as `NotFoundError`/),
    ]);
  });
});

/** What every operation of a spec says for each status errcat attaches, after a merge. */
async function mergedEverywhere(spec: string): Promise<{ after: string; doc: Json }> {
  const after = await merged(mini(), 'spec.yaml', spec);
  const doc = parse(after) as Json;
  for (const op of listOperations(doc)) {
    expect(doc['paths'][op.path][op.method].responses['410'], `${op.method} ${op.path}`).toEqual({ $ref: '#/components/responses/MiniStatus410Response' });
  }
  expect(await swaggerParserErrors(structuredClone(doc))).toBe('');
  expect(await merged(mini(), 'spec.yaml', after)).toBe(after);
  return { after, doc };
}

describe('merging into YAML of unusual shapes', () => {
  const head = 'openapi: 3.0.3\ninfo: { title: Mini, version: "1" }\n';

  it('responses shared through an alias: the alias becomes its own copy, the anchor stays', async () => {
    const spec = `${head}paths:\n  /a:\n    get:\n      responses: &shared\n        '200': { description: ok }\n  /b:\n    get:\n      responses: *shared\n`;
    const { after } = await mergedEverywhere(spec);
    expect(after).toContain('responses: &shared\n');
    expect(after).not.toContain('*shared');
  });

  it('a path item that is an alias of another', async () => {
    const spec = `${head}paths:\n  /a: &item\n    get:\n      responses:\n        '200': { description: ok }\n  /b: *item\n`;
    const { doc } = await mergedEverywhere(spec);
    expect(doc['paths']['/b'].get.responses['200']).toEqual({ description: 'ok' });
  });

  it('components written as one flow mapping, with a section to add inside it', async () => {
    const spec = `${head}paths:\n  /a: { get: { responses: { '200': { description: ok } } } }\ncomponents: { schemas: { Thing: { type: object } } }\n`;
    const { doc } = await mergedEverywhere(spec);
    expect(doc['components'].schemas.Thing).toEqual({ type: 'object' });
    expect(Object.keys(doc['components'])).toEqual(['schemas', 'responses', 'examples']);
  });

  it('CRLF line endings: every added line ends as the file\'s do', async () => {
    const spec = yamlSpec.replace(/\n/g, '\r\n');
    const { after } = await mergedEverywhere(spec);
    expect(after).not.toMatch(/[^\r]\n/);
    expect(onlyAdded(spec, after)).toBe(true);
  });

  it('nesting too deep for js-yaml: read by the yaml package instead, and merged the same', async () => {
    const deep = `${'['.repeat(150)}${']'.repeat(150)}`;
    const spec = yamlSpec.replace("description: The user's own 404.", `description: The user's own 404.\n          x-deep: ${deep}`);
    const { after } = await mergedEverywhere(spec);
    expect(onlyAdded(spec, after)).toBe(true);
  });
});

describe.each(ALL_CATALOGS)('merging %s into a minimal spec', (file) => {
  it.each([
    ['openapi: 3.1.0', 'spec.yaml'],
    ['openapi: 3.0.3', 'spec.yaml'],
    ['swagger: "2.0"', 'spec.yaml'],
    ['openapi: 3.0.3', 'spec.json'],
  ])('%s (%s): read back as planned, valid, idempotent', async (version, name) => {
    const catalog = await mustLoad(file);
    const yaml = `${version}\ninfo: { title: Minimal, version: "1" }\npaths:\n  /things:\n    get:\n      responses:\n        "200": { description: ok }\n`;
    const text = name.endsWith('.json') ? JSON.stringify(parse(yaml), null, 2) : yaml;
    const after = await merged(catalog, name, text);
    expect(after.length).toBeGreaterThan(text.length);
    expect(await merged(catalog, name, after)).toBe(after);
  });
});

describe('merging into JSON', () => {
  it.each([
    ['four spaces', '    '],
    ['tabs', '\t'],
  ])('keeps the indentation (%s), key order and every original value', async (_, indent) => {
    const original = parse(yamlSpec) as Json;
    const text = `${JSON.stringify(original, null, indent)}\n`;
    const after = await merged(mini(), 'spec.json', text);
    expect(after.split('\n')[1]).toBe(`${indent}"openapi": "3.0.3",`);
    const spec = JSON.parse(after) as Json;
    expect(Object.keys(spec).slice(0, 4)).toEqual(Object.keys(original));
    expect(spec['paths']['/things/{id}'].get.parameters).toEqual(original['paths']['/things/{id}'].get.parameters);
    expect(spec['components'].schemas.Thing).toEqual({ type: 'object' });
    expect(await merged(mini(), 'spec.json', after)).toBe(after);
  });
});

describe('merging into Swagger 2.0', () => {
  it('adds definitions and responses and stays valid', async () => {
    const spec = `swagger: "2.0"\ninfo: { title: Mini, version: "1" }\npaths:\n  /things:\n    get:\n      responses:\n        "200": { description: ok }\n`;
    const after = await merged(mini(), 'spec.yaml', spec);
    const doc = parse(after) as Json;
    expect(doc['definitions'].MiniNotFoundError).toBeDefined();
    expect(doc['paths']['/things'].get.responses['404']).toEqual({ $ref: '#/responses/MiniStatus404Response' });
    expect(await swaggerParserErrors(doc)).toBe('');
  });
});

describe('refusals', () => {
  it('a spec of another version', async () => {
    const result = await mergeSpec(mini(), 'spec.yaml', 'openapi: 4.0.0\ninfo: { title: x, version: "1" }\npaths: {}\n');
    expect(result.diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column}`)).toEqual(['unsupported-spec 1:10']);
  });
});

describe('errors sent under 2xx (errorWhen)', () => {
  const catalogText = (errors: string) => `errcat: 2
info: { title: Chat API, version: 1.0.0 }
naming: { componentPrefix: Chat }
envelope:
  kind: flat
  levels: [{ name: error, field: error }]
  message: false
  errorWhen: { field: ok, equals: false }
errors:
${errors}
operations:
  - match: { all: true }
    errors: [channel_not_found]
`;
  const spec = `openapi: 3.0.3
info: { title: Chat API, version: 1.0.0 }
paths:
  /chat.postMessage:
    post:
      operationId: chatPostMessage
      responses:
        "200":
          description: OK
          content:
            application/json:
              # The success body.
              schema: { type: object, properties: { ok: { type: boolean } } }
  /conversations.info:
    get:
      responses:
        "200": { $ref: "#/components/responses/Ok" }
components:
  responses:
    Ok:
      description: OK
      content:
        application/json:
          schema: { type: object, properties: { ok: { type: boolean } } }
`;
  const load = (errors: string) => {
    const result = loadCatalogText('chat.yaml', catalogText(errors));
    if (!result.catalog) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
    return result.catalog;
  };

  it('joins the error body to each success body as a oneOf, once per shared response, and takes it out again', async () => {
    const catalog = load('  channel_not_found: { status: 200, title: Channel not found }');
    const after = await merged(catalog, 'spec.yaml', spec);
    const data = parse(after) as Json;
    const ref = { $ref: '#/components/schemas/ChatStatus200Error' };
    expect(data['paths']['/chat.postMessage'].post.responses['200'].content['application/json'].schema).toEqual({ oneOf: [{ type: 'object', properties: { ok: { type: 'boolean' } } }, ref] });
    expect(data['paths']['/conversations.info'].get.responses['200']).toEqual({ $ref: '#/components/responses/Ok' });
    expect(data['components'].responses.Ok.content['application/json'].schema.oneOf[1]).toEqual(ref);
    expect(await swaggerParserErrors(data)).toBe('');
    expect(await merged(catalog, 'spec.yaml', after)).toBe(after);
    // Once no rule attaches a 2xx error, the success bodies are as they were.
    const without = load('  channel_not_found: { status: 404, title: Channel not found }');
    const undone = parse(await merged(without, 'spec.yaml', after)) as Json;
    expect(undone['paths']['/chat.postMessage'].post.responses['200'].content['application/json'].schema).toEqual({ type: 'object', properties: { ok: { type: 'boolean' } } });
    expect(undone['components'].responses.Ok.content['application/json'].schema).toEqual({ type: 'object', properties: { ok: { type: 'boolean' } } });
  });
});
