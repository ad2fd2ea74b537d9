import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ComponentNames, openApiDocument } from '../src/emit/openapi/index.js';
import { emitTypeScript } from '../src/emit/typescript/index.js';
import { loadCatalog } from '../src/load.js';
import { hasBodyWrapper } from '../src/model/names.js';
import { printTable, round } from './table.js';

const ITERATIONS = 200_000;
const ROUNDS = 7;

/**
 * typia's `is` for the module's body type, built by `typia generate` (its transform, run ahead of
 * time) from a file beside the emitted errors.ts.
 */
async function typiaGuard(dir: string, bodyType: string): Promise<(value: unknown) => boolean> {
  const input = join(dir, 'typia-in');
  const output = join(dir, 'typia-out');
  rmSync(output, { recursive: true, force: true });
  mkdirSync(input, { recursive: true });
  writeFileSync(join(input, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(input, 'errors.ts'), readFileSync(join(dir, 'errors.ts')));
  writeFileSync(join(input, 'is.ts'), `import typia from 'typia';\nimport type { ${bodyType} } from './errors.js';\nexport const is = typia.createIs<${bodyType}>();\n`);
  const tsconfig = join(dir, 'typia.tsconfig.json');
  const compilerOptions = { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, lib: ['ES2022', 'DOM'] };
  writeFileSync(tsconfig, JSON.stringify({ compilerOptions, include: ['typia-in'] }));
  execFileSync(process.execPath, ['node_modules/typia/lib/executable/typia.js', 'generate', '--input', input, '--output', output, '--project', tsconfig], { stdio: 'pipe' });
  writeFileSync(join(output, 'package.json'), '{ "type": "module" }\n');
  return ((await import(pathToFileURL(join(process.cwd(), output, 'is.ts')).href)) as { is(value: unknown): boolean }).is;
}

/** Guard throughput against an ajv-compiled validator of the same emitted schema, and typia's `is` of the body type, on the same bodies. */
export async function benchGuards(files: readonly string[]): Promise<void> {
  const rows = [];
  for (const file of files) {
    const catalog = (await loadCatalog(file)).catalog;
    if (!catalog) throw new Error(`${file} does not load`);
    const dir = join('test/.tmp/bench', file.replace(/[/.]/g, '_'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'errors.ts'), emitTypeScript(catalog, 'bench'));
    const module = (await import(pathToFileURL(join(process.cwd(), dir, 'errors.ts')).href)) as { isErrorBody(v: unknown): boolean };
    const names = new ComponentNames(catalog, '3.1');
    const doc = openApiDocument(catalog, '3.1') as { components: object };
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    ajv.addSchema({ $id: 'doc', components: doc.components });
    const wrapped = hasBodyWrapper(catalog.envelope);
    const validate = ajv.compile({ $ref: `doc#/components/schemas/${wrapped ? names.errorBody() : names.documentedError()}` });
    // The same bodies for both: every example, and each one broken (a wrong code). Each is read
    // from JSON text, as a client gets a body: the catalog's YAML leaves strings that compare slower.
    const valid = catalog.entries.flatMap((e) => e.responses.flatMap((r) => r.examples.map((x) => JSON.parse(JSON.stringify(x.body)) as unknown)));
    const invalid = valid.map((b) => JSON.parse(JSON.stringify(b).replace(/"(code|kind)":"[^"]*"/, '"$1":"no_such_code"').replace(/"detail":"[^"]*"/, '"detail":5')));
    const bodies = [...valid, ...invalid];
    for (const body of bodies) if (module.isErrorBody(body) !== validate(body)) throw new Error(`disagreement on ${JSON.stringify(body)}`);
    const measure = (check: (v: unknown) => boolean) => {
      let accepted = 0;
      for (let i = 0; i < ITERATIONS / 10; i++) if (check(bodies[i % bodies.length])) accepted++;
      const start = performance.now();
      for (let i = 0; i < ITERATIONS; i++) if (check(bodies[i % bodies.length])) accepted++;
      return { opsPerSec: ITERATIONS / ((performance.now() - start) / 1000), accepted };
    };
    // typia reads the TypeScript type (extra properties allowed, inherited ones seen), so it may differ on a body: counted, not required.
    const typia = await typiaGuard(dir, wrapped ? 'ErrorBody' : 'DocumentedError');
    const typiaAgrees = bodies.filter((body) => typia(body) === module.isErrorBody(body)).length;
    // Rounds taken in turn, the best of each kept: a 2-core machine's noise hits one round, not all.
    let guard = { opsPerSec: 0 };
    let schema = { opsPerSec: 0 };
    let typed = { opsPerSec: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const g = measure((v) => module.isErrorBody(v));
      const s = measure((v) => validate(v) as boolean);
      const t = measure(typia);
      if (g.opsPerSec > guard.opsPerSec) guard = g;
      if (s.opsPerSec > schema.opsPerSec) schema = s;
      if (t.opsPerSec > typed.opsPerSec) typed = t;
    }
    rows.push({
      catalog: file,
      bodies: bodies.length,
      'isErrorBody ops/s': round(guard.opsPerSec).toLocaleString('en'),
      'ajv ops/s': round(schema.opsPerSec).toLocaleString('en'),
      'guard ÷ ajv': round(guard.opsPerSec / schema.opsPerSec, 2),
      'typia ops/s': round(typed.opsPerSec).toLocaleString('en'),
      'guard ÷ typia': round(guard.opsPerSec / typed.opsPerSec, 2),
      'typia agrees': `${typiaAgrees}/${bodies.length}`,
    });
  }
  printTable(`guards: isErrorBody vs ajv on the emitted 3.1 schema and typia's is<body type> (best of ${ROUNDS} rounds of ${ITERATIONS.toLocaleString('en')} checks each, half valid)`, rows);
}
