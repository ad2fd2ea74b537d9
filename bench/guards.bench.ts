import { mkdirSync, writeFileSync } from 'node:fs';
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

/** Guard throughput against an ajv-compiled validator of the same emitted schema, on the same bodies. */
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
    // The same bodies for both: every example, and each one broken (a wrong code).
    const valid = catalog.entries.flatMap((e) => e.responses.flatMap((r) => r.examples.map((x) => x.body)));
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
    // Rounds taken in turn, the best of each kept: a 2-core machine's noise hits one round, not all.
    let guard = { opsPerSec: 0 };
    let schema = { opsPerSec: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const g = measure((v) => module.isErrorBody(v));
      const s = measure((v) => validate(v) as boolean);
      if (g.opsPerSec > guard.opsPerSec) guard = g;
      if (s.opsPerSec > schema.opsPerSec) schema = s;
    }
    rows.push({
      catalog: file,
      bodies: bodies.length,
      'isErrorBody ops/s': round(guard.opsPerSec).toLocaleString('en'),
      'ajv ops/s': round(schema.opsPerSec).toLocaleString('en'),
      'guard ÷ ajv': round(guard.opsPerSec / schema.opsPerSec, 2),
    });
  }
  printTable(`guards: isErrorBody vs ajv on the emitted 3.1 schema (best of ${ROUNDS} rounds of ${ITERATIONS.toLocaleString('en')} checks each, half valid)`, rows);
}
