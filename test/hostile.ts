import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { expect } from 'vitest';
import { CLI, ROOT } from './helpers.js';
import { documentValidator, swaggerParserErrors } from './judges.js';

/**
 * The hostile corpus (test/fixtures/hostile, see its README), run by hostile-catalogs.test.ts and
 * hostile-specs.test.ts: each file through the built CLI
 * under a CPU budget, so that a hang fails; then a located diagnostic with its code, or outputs
 * the judges accept, saying exactly what the input said, with every byte of a spec kept.
 */

const DIR = join(ROOT, 'test/fixtures/hostile');
export const FIXTURES = readdirSync(DIR).filter((name) => /\.(catalog|spec)\.(ya?ml|json)$/.test(name)).sort();

interface Header {
  expect: { code: string; line: number; column: number } | 'ok';
  catalog?: string;
  cpu: number;
  env: Record<string, string>;
}

/** The header lines of a fixture (`# key: value`), or of its `.expect` file; the CPU budget in seconds. */
export function header(name: string): Header {
  const sidecar = join(DIR, `${name}.expect`);
  const lines = existsSync(sidecar) ? readFileSync(sidecar, 'utf8').split('\n') : readFileSync(join(DIR, name), 'latin1').replace(/^\xef\xbb\xbf/, '').split(/\r?\n/).filter((line) => line.startsWith('# ')).map((line) => line.slice(2));
  const fields = new Map(lines.map((line) => /^(\w+): (.*)$/.exec(line)).filter((m) => m !== null).map((m) => [m[1], m[2] as string]));
  const first = existsSync(sidecar) ? lines[0] : fields.get('expect');
  const located = /^([a-z-]+) (\d+):(\d+)$/.exec(first ?? '');
  if (!located && first?.trim() !== 'ok') throw new Error(`${name}: no expectation`);
  return {
    expect: located ? { code: located[1] as string, line: Number(located[2]), column: Number(located[3]) } : 'ok',
    ...(fields.has('catalog') ? { catalog: join(DIR, fields.get('catalog') as string) } : {}),
    // Generating (ts-morph, tsc-free) and merging (swagger-parser) cost more than refusing.
    cpu: Number(fields.get('cpu') ?? (first?.trim() === 'ok' ? 5 : 3)),
    env: Object.fromEntries([...(fields.get('limits') ?? '').matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]])),
  };
}

/** The fixture's bytes with `{{repeat N "TEXT"}}` and `{{bytes HEX}}` written out (bytes kept as they are: latin1 in, latin1 out). */
function materialize(name: string, dir: string): string {
  const text = readFileSync(join(DIR, name), 'latin1')
    .replace(/\{\{repeat (\d+) "([^"]*)"\}\}/g, (_, count: string, piece: string) => piece.repeat(Number(count)))
    .replace(/\{\{bytes ([0-9a-f ]+)\}\}/g, (_, hex: string) => String.fromCharCode(...hex.split(' ').map((byte) => parseInt(byte, 16))));
  const path = join(dir, name);
  writeFileSync(path, text, 'latin1');
  return path;
}

const hasPrlimit = spawnSync('prlimit', ['--version']).status === 0;

/** The built CLI under a CPU-time limit: past it the kernel stops the process (SIGXCPU), so a hang fails the test. */
function cpuLimited(args: readonly string[], cwd: string, seconds: number, env: Record<string, string>) {
  const command = hasPrlimit ? ['prlimit', `--cpu=${seconds}`, '--', process.execPath, CLI, ...args] : ['sh', '-c', `ulimit -t ${seconds} && exec "$0" "$@"`, process.execPath, CLI, ...args];
  const run = spawnSync(command[0] as string, command.slice(1), { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 2 ** 20 });
  return { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

type Json = Record<string, any>;

/** Every example of every response of an OpenAPI 3 document, with the schema it illustrates. */
function examples(document: Json): { name: string; ref: string; value: unknown }[] {
  const found: { name: string; ref: string; value: unknown }[] = [];
  for (const [status, response] of Object.entries<Json>(document['components'].responses)) {
    for (const media of Object.values<Json>(response['content'] ?? {})) {
      for (const [name, example] of Object.entries<Json>(media['examples'] ?? {})) {
        const value = example['$ref'] ? document['components'].examples[(example['$ref'] as string).split('/').pop() as string].value : example['value'];
        found.push({ name: `${status} ${name}`, ref: media['schema'].$ref, value });
      }
    }
  }
  return found;
}

/** What a catalog says about each code, read by the `yaml` package, not by errcat. */
function catalogStrings(path: string): Map<string, Json> {
  const catalog = parse(readFileSync(path, 'utf8')) as Json;
  return new Map(Object.entries<Json>(catalog['errors']));
}

/** Every errors.ts generated from the corpus, type-checked together at the end (one tsc start instead of one each). */
export const generatedModules: string[] = [];

async function judgeCatalogOutputs(path: string, out: string): Promise<void> {
  const document = parse(readFileSync(join(out, 'openapi.yaml'), 'utf8')) as Json;
  expect(await swaggerParserErrors(document)).toBe('');
  const validate = documentValidator(document);
  const all = examples(document);
  expect(all.length).toBeGreaterThan(0);
  for (const example of all) expect([example.name, validate(example.ref, example.value)]).toEqual([example.name, []]);
  generatedModules.push(join(out, 'errors.ts'));
  const module = (await import(pathToFileURL(join(out, 'errors.ts')).href)) as Json;
  // Exact strings: the module says what the catalog says, character for character.
  const strings = catalogStrings(path);
  expect([...module['ERROR_CODES']]).toEqual([...strings.keys()]);
  for (const [code, entry] of strings) {
    for (const key of ['title', 'description', 'fix'] as const) if (entry[key] !== undefined) expect(module['ERRORS'][code][key]).toBe(entry[key]);
  }
  // Guards accept every example body, and every body the server-side constructors build.
  for (const example of all) expect([example.name, module['isErrorBody'](example.value)]).toEqual([example.name, true]);
  const source = readFileSync(join(out, 'errors.ts'), 'utf8');
  for (const [name, create] of Object.entries<any>(module).filter(([name]) => /^create\w+Error$/.test(name))) {
    const response = create({ toString: 'given', valueOf: 'given', hasOwnProperty: 'given' });
    expect([name, module['isErrorBody'](response.body)]).toEqual([name, true]);
    // With no fields given, none is read from the prototype (`{}.toString` is a function).
    if (source.includes(`function ${name}(fields?:`)) expect([name, module['isErrorBody'](create().body)]).toEqual([name, true]);
  }
}

/** Whether every line of `before` is in `after`, in order, as it was (JSON may have gained a comma after it). */
function linesKept(before: string, after: string): string[] {
  const lines = after.split('\n');
  const lost: string[] = [];
  let at = 0;
  for (const line of before.split('\n')) {
    const found = lines.findIndex((candidate, i) => i >= at && (candidate === line || candidate === line.replace(/(\r?)$/, ',$1')));
    if (found === -1) lost.push(line);
    else at = found + 1;
  }
  return lost;
}

/** Runs one fixture of the corpus and judges what errcat made of it. */
export async function runFixture(name: string): Promise<void> {
    const want = header(name);
    const dir = mkdtempSync(join(tmpdir(), 'errcat-hostile-'));
    // The generated modules are ES modules, as tsc (NodeNext) reads them only beside this.
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    const path = materialize(name, dir);
    const spec = name.includes('.spec.');
    const out = join(dir, 'out');
    const args = spec ? ['merge', want.catalog as string, '--spec', name] : want.expect === 'ok' ? ['generate', name, '--out', 'out'] : ['lint', name];
    if (spec) expect(want.catalog).toBeDefined();
    const before = readFileSync(path);
    const run = cpuLimited(args, dir, want.cpu, want.env);
    // A run past its budget ends with a signal and no exit code.
    expect({ status: run.status, signal: run.signal }).toEqual({ status: want.expect === 'ok' ? 0 : 1, signal: null });
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    if (want.expect !== 'ok') {
      expect(run.stderr).toContain(`${name}:${want.expect.line}:${want.expect.column} - error ${want.expect.code}: `);
      expect(readFileSync(path).equals(before)).toBe(true);
      return;
    }
    if (!spec) {
      await judgeCatalogOutputs(path, out);
      return;
    }
    const after = readFileSync(path);
    const merged = after.toString('utf8');
    expect(await swaggerParserErrors(name.endsWith('.json') ? JSON.parse(merged.replace(/^\uFEFF/, '')) : parse(merged))).toBe('');
    // Every original line (as bytes: latin1 keeps them all) is in the merged spec, in order.
    expect(linesKept(before.toString('latin1'), after.toString('latin1'))).toEqual([]);
    expect(after.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(before.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
    if (before.includes('\r\n')) expect(after.toString('latin1').split('\n').slice(0, -1).every((line) => line.endsWith('\r'))).toBe(true);
}
