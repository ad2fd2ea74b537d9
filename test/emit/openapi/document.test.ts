import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ComponentNames, openApiDocument, type OpenApiVersion } from '../../../src/emit/openapi/index.js';
import { generate } from '../../../src/generate.js';
import type { Catalog } from '../../../src/model/catalog.js';
import { ALL_CATALOGS, mustLoad } from '../../helpers.js';
import { documentValidator, redoclyProblems, swaggerParserErrors, tmpDir, tscErrors } from '../../judges.js';

type Json = Record<string, any>;
const VERSIONS: OpenApiVersion[] = ['3.1', '3.0', '2.0'];
const catalogs = new Map<string, Catalog>();
const label = (file: string) => file.replace(/\/errors\.yaml$/, '').replace(/\.yaml$/, '').replace(/[/]/g, '-');

beforeAll(async () => {
  for (const file of ALL_CATALOGS) catalogs.set(file, await mustLoad(file));
});

const cases = ALL_CATALOGS.flatMap((file) => VERSIONS.map((version) => [file, version] as const));

/** Every (schema ref, example value, where) a document shows. */
function examplesOf(doc: Json): { ref: string; value: unknown; where: string }[] {
  const found: { ref: string; value: unknown; where: string }[] = [];
  if (doc['swagger'] === '2.0') {
    for (const [name, response] of Object.entries<Json>(doc['responses'])) {
      const ref = response['schema'].$ref as string;
      for (const [mime, value] of Object.entries(response['examples'] ?? {})) found.push({ ref, value, where: `${name} ${mime}` });
      for (const [key, value] of Object.entries(response['x-errcat-examples'] ?? {})) found.push({ ref, value, where: `${name} ${key}` });
    }
    return found;
  }
  for (const [name, response] of Object.entries<Json>(doc['components'].responses)) {
    for (const media of Object.values<Json>(response['content'])) {
      for (const [key, example] of Object.entries<Json>(media['examples'] ?? {})) {
        const target = example['$ref'] ? doc['components'].examples[String(example['$ref']).split('/').pop() as string] : example;
        found.push({ ref: media['schema'].$ref, value: target.value, where: `${name} ${key}` });
      }
    }
  }
  return found;
}

describe.each(cases)('%s as OpenAPI %s', (file, version) => {
  // Built once per case: the judges below only read it (swagger-parser gets a copy).
  let built: Json | undefined;
  const doc = () => (built ??= openApiDocument(catalogs.get(file) as Catalog, version) as Json);

  it('passes swagger-parser validation', async () => {
    expect(await swaggerParserErrors(doc())).toBe('');
  });

  it('has examples that validate with ajv against the schema they illustrate', () => {
    const d = doc();
    const validate = documentValidator(d);
    const examples = examplesOf(d);
    expect(examples.length).toBeGreaterThan(0);
    for (const { ref, value, where } of examples) expect(validate(ref, value), where).toEqual([]);
  });

  it('references every example component from a response', () => {
    const d = doc();
    if (version === '2.0') return;
    const used = new Set(Object.values<Json>(d['components'].responses).flatMap((r) => Object.values<Json>(r['content']).flatMap((m) => Object.values<Json>(m['examples']).map((e) => String(e['$ref']).split('/').pop()))));
    expect(Object.keys(d['components'].examples).filter((k) => !used.has(k))).toEqual([]);
  });

  it('has a response per status and a schema per code', () => {
    const d = doc();
    const catalog = catalogs.get(file) as Catalog;
    const responses = version === '2.0' ? d['responses'] : d['components'].responses;
    const schemas = version === '2.0' ? d['definitions'] : d['components'].schemas;
    const prefix = catalog.naming.componentPrefix;
    expect(Object.keys(responses)).toEqual(catalog.statuses.map((s) => `${prefix}Status${s.status}Response`));
    for (const entry of catalog.entries) {
      const schema = schemas[new ComponentNames(catalog, version).entry(entry)];
      expect(schema['x-errcat-code']).toBe(entry.code);
      expect(schema['x-errcat-retry'].strategy).toBe(entry.responses[0]?.retry.strategy);
    }
  });
});

describe('version differences', () => {
  const sandbox = () => catalogs.get('specs/sandbox/errors.yaml') as Catalog;
  it('3.1 pins codes with const and unions with a discriminator mapping', () => {
    const d = openApiDocument(sandbox(), '3.1') as Json;
    expect(d['openapi']).toBe('3.1.1');
    expect(d['components'].schemas.SandboxNotFoundError.properties.code.const).toBe('not_found');
    expect(d['components'].schemas.SandboxStatus400Error.discriminator).toEqual({
      propertyName: 'code',
      mapping: { invalid_request: '#/components/schemas/SandboxInvalidRequestError', budget_exceeded: '#/components/schemas/SandboxBudgetExceededError' },
    });
  });
  it('3.0 uses one-value enums and nullable', () => {
    const d = openApiDocument(catalogs.get('specs/device-readings/errors.yaml') as Catalog, '3.0') as Json;
    const schema = d['components'].schemas.ReadingsDeviceNotFoundError;
    expect(schema.properties.code).toMatchObject({ type: 'string', enum: ['device_not_found'] });
    expect(schema.properties.code.const).toBeUndefined();
    expect(schema.properties.param).toMatchObject({ type: 'string', nullable: true });
  });
  it('2.0 degrades unions to the shared shape with the code restricted', () => {
    const d = openApiDocument(sandbox(), '2.0') as Json;
    expect(d['swagger']).toBe('2.0');
    expect(d['definitions'].SandboxStatus400Error).toEqual({
      description: 'The errors answered with HTTP 400.',
      allOf: [{ $ref: '#/definitions/SandboxErrorShape' }, { type: 'object', properties: { code: { type: 'string', enum: ['invalid_request', 'budget_exceeded'] } } }],
      'x-errcat-one-of': ['SandboxInvalidRequestError', 'SandboxBudgetExceededError'],
    });
  });
  it('keeps a plain oneOf for integer and nested codes, where no discriminator can apply', () => {
    for (const file of ['test/fixtures/valid/integer-codes.yaml', 'test/fixtures/valid/nested-code.yaml']) {
      const schemas = (openApiDocument(catalogs.get(file) as Catalog, '3.1') as Json)['components'].schemas;
      expect(schemas.DocumentedError.oneOf.length).toBeGreaterThan(1);
      expect(schemas.DocumentedError.discriminator).toBeUndefined();
    }
  });
  it('answers status-only statuses with the shared shape', () => {
    const d = openApiDocument(catalogs.get('specs/tasks/errors.yaml') as Catalog, '3.1') as Json;
    expect(d['components'].responses.TasksStatus405Response.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/TasksErrorShape' });
    expect(d['components'].responses.TasksStatus405Response['x-errcat-codes']).toEqual([]);
  });
  it('gives codeless envelopes a schema per status', () => {
    const d = openApiDocument(catalogs.get('specs/sensor-data/errors.yaml') as Catalog, '3.1') as Json;
    expect(d['components'].responses.SensorsStatus502Response.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/SensorsStatus502Error' });
    expect(d['components'].schemas.SensorsStatus502Error).toMatchObject({ $ref: '#/components/schemas/SensorsServerError' });
    expect(d['components'].schemas.SensorsErrorCode).toBeUndefined();
  });
});

describe('third-party tools', () => {
  it('openapi-typescript converts every 3.1 and 3.0 output, and tsc --strict accepts the result', async () => {
    const dir = tmpDir('openapi-typescript');
    const files: string[] = [];
    for (const file of ALL_CATALOGS) {
      for (const version of ['3.1', '3.0'] as const) {
        const ast = await openapiTS(openApiDocument(catalogs.get(file) as Catalog, version) as never);
        const path = join(dir, `${label(file)}-${version.replace('.', '')}.ts`);
        writeFileSync(path, `${astToString(ast)}\nexport {};\n`);
        files.push(path);
      }
    }
    expect(tscErrors(files)).toBe('');
  });

  it('Redocly lint reports no errors, and warns only about the missing license and the hostile fixture', () => {
    const dir = tmpDir('redocly');
    const files: string[] = [];
    for (const file of ALL_CATALOGS) {
      for (const version of VERSIONS) {
        const out = join(dir, `${label(file)}-${version}`);
        for (const f of generate(catalogs.get(file) as Catalog, { outDir: out, openapi: version }).filter((g) => g.path.endsWith('.yaml'))) {
          tmpDir(`redocly/${label(file)}-${version}`);
          writeFileSync(f.path, f.content);
          files.push(f.path);
        }
      }
    }
    const problems = redoclyProblems(files);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const unexpected = problems.filter((p) => p.ruleId !== 'info-license' && !(p.ruleId === 'no-unsafe-markdown' && JSON.stringify(p.location).includes('hostile')));
    expect(unexpected).toEqual([]);
  }, 180_000);
});

describe('output', () => {
  it.each(ALL_CATALOGS)('%s is byte-identical from run to run', async (file) => {
    // Every output from YAML; the JSON run differs only in the OpenAPI file.
    for (const format of ['yaml', 'json'] as const) {
      const files = format === 'yaml' ? {} : { typescript: false as const, docs: false as const };
      const first = generate(await mustLoad(file), { outDir: 'out', format, files });
      const second = generate(await mustLoad(file), { outDir: 'out', format, files });
      expect(second).toEqual(first);
    }
  });

  it('says hostile strings exactly, in YAML and JSON, in every version', () => {
    const catalog = catalogs.get('test/fixtures/valid/hostile-strings.yaml') as Catalog;
    const entry = catalog.entries[0];
    if (!entry) throw new Error('no entry');
    for (const version of VERSIONS) {
      for (const format of ['yaml', 'json'] as const) {
        const [file] = generate(catalog, { outDir: 'out', openapi: version, format });
        const d = (format === 'yaml' ? parse(file?.content ?? '') : JSON.parse(file?.content ?? '')) as Json;
        const schemas = version === '2.0' ? d['definitions'] : d['components'].schemas;
        const schema = schemas.HostileQuoteAndApostropheError;
        expect(d['info'].title).toBe(catalog.info.title);
        expect(d['info'].description.startsWith(catalog.info.description ?? '')).toBe(true);
        expect(schema.title).toBe(entry.title);
        expect(schema['x-errcat-fix']).toBe(entry.fix);
        expect(schema['x-errcat-code']).toBe('quote"and\'apostrophe');
        expect(schema.description).toBe(`${entry.description}\n\nFix: ${entry.fix}`);
        expect(schema.properties['weird key'].description).toBe('A key with a space and a */ in its doc');
        const example = version === '2.0' ? d['responses'].HostileStatus400Response['x-errcat-examples']['HostileQuoteAndApostrophe.hostile'] : d['components'].examples['HostileQuoteAndApostrophe.hostile'].value;
        expect(example).toEqual(entry.responses[0]?.examples[0]?.body);
      }
    }
  });
});
