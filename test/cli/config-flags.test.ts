import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

// OpenAPI only: the flags under test are about it and the folder, and the runs stay quick.
const CONFIG = 'errcat: 1\ncatalogs:\n  - catalog: apis/*/errors.yaml\n    out: out/{name}\n    typescript: false\n    docs: false\n';

/** A project with two catalogs from specs/, a third that the config does not name, and a config. */
function project(config = CONFIG): string {
  const dir = mkdtempSync(join(tmpdir(), 'errcat-flags-'));
  for (const api of ['sandbox', 'prompts']) {
    mkdirSync(join(dir, 'apis', api), { recursive: true });
    cpSync(join(ROOT, 'specs', api, 'errors.yaml'), join(dir, 'apis', api, 'errors.yaml'));
  }
  cpSync(join(ROOT, 'specs/tasks/errors.yaml'), join(dir, 'tasks.yaml'));
  writeFileSync(join(dir, 'errcat.config.yaml'), config);
  return dir;
}

/** Every file written, relative to the project, with what its OpenAPI document says its version is. */
function outputs(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    // The skip cache (.errcat-cache) is errcat's own bookkeeping, not an output.
    .filter((e) => e.isFile() && !e.parentPath.startsWith(join(dir, 'apis')) && !e.parentPath.startsWith(join(dir, '.errcat-cache')) && !e.name.startsWith('errcat.config.') && !['tasks.yaml', 'one.yaml'].includes(e.name))
    .map((e) => {
      const path = join(e.parentPath, e.name);
      const name = relative(dir, path);
      if (!e.name.startsWith('openapi.')) return name;
      const doc = (e.name.endsWith('.json') ? JSON.parse(readFileSync(path, 'utf8')) : parse(readFileSync(path, 'utf8'))) as { openapi?: string; swagger?: string };
      return `${name} ${doc.openapi ?? doc.swagger}`;
    })
    .sort();
}

const both = (version: string, file = 'openapi.yaml') => [`out/prompts/${file} ${version}`, `out/sandbox/${file} ${version}`];
const sandboxIn = (folder: string, version = '3.1.1') => [`${folder}/openapi.yaml ${version}`];

// Flags given with a config override it; a flag that cannot apply is a usage error (exit 2).
const cases: [string, string[], { status: number; files?: string[]; stderr?: RegExp; config?: string }][] = [
  ['the config alone', ['generate'], { status: 0, files: both('3.1.1') }],
  ['--openapi over every target', ['generate', '--openapi', '3.0'], { status: 0, files: both('3.0.3') }],
  ['--openapi-format over every target', ['generate', '--openapi-format', 'json'], { status: 0, files: both('3.1.1', 'openapi.json') }],
  ['--format, generate\'s name for --openapi-format', ['generate', '--format', 'json', '--openapi', '2.0'], { status: 0, files: both('2.0', 'openapi.json') }],
  ['a catalog the config names: its target only', ['generate', 'apis/sandbox/errors.yaml'], { status: 0, files: sandboxIn('out/sandbox') }],
  ['a catalog with --out and no --config: that catalog alone, every output', ['generate', 'apis/sandbox/errors.yaml', '--out', 'single'], { status: 0, files: ['single/errors.md', 'single/errors.ts', 'single/openapi.yaml 3.1.1'] }],
  ['a catalog with --config and --output: its target, out overridden', ['generate', 'apis/sandbox/errors.yaml', '--config', 'errcat.config.yaml', '--output', 'single', '--openapi', '3.0'], { status: 0, files: sandboxIn('single', '3.0.3') }],
  ['--out over a config of one catalog', ['generate', '--config', 'one.yaml', '--out', 'elsewhere'], { status: 0, files: sandboxIn('elsewhere'), config: CONFIG.replace('apis/*/errors.yaml', 'apis/sandbox/errors.yaml') }],
  ['--out with a config of several catalogs', ['generate', '--out', 'x'], { status: 2, stderr: /--out sets one output folder, and the config names 2 catalogs/ }],
  ['--openapi with a config that writes no OpenAPI', ['generate', '--openapi', '3.0'], { status: 2, stderr: /--openapi cannot apply: the config writes no OpenAPI file/, config: `${CONFIG}    openapi: false\n` }],
  ['a catalog the config does not name', ['generate', 'tasks.yaml'], { status: 2, stderr: /errcat\.config\.yaml does not name tasks\.yaml; add it to the config, or pass --out/ }],
  ['--out and --output that differ', ['generate', '--out', 'x', '--output', 'y'], { status: 2, stderr: /--out and --output are one option/ }],
  ['--format that is not yaml or json', ['generate', '--format', 'sarif'], { status: 2, stderr: /the OpenAPI format \(--openapi-format\) must be yaml or json, not "sarif"/ }],
  ['check --format yaml: check reports in --format', ['check', '--format', 'yaml'], { status: 2, stderr: /--format must be one of stylish, json, github-actions, sarif, not "yaml"; for the OpenAPI file format use --openapi-format/ }],
  ['--quiet with --json', ['generate', '--quiet', '--json'], { status: 2, stderr: /--quiet applies to the stylish format only/ }],
];

describe('flags over the config', () => {
  it.each(cases)('%s: %j', (_, args, want) => {
    const dir = project();
    if (want.config !== undefined) writeFileSync(join(dir, args.includes('one.yaml') ? 'one.yaml' : 'errcat.config.yaml'), want.config);
    const run = runCli(args, { cwd: dir });
    expect(run.status, run.stderr).toBe(want.status);
    if (want.files) expect(outputs(dir)).toEqual(want.files);
    if (want.stderr) expect(run.stderr).toMatch(want.stderr);
    if (want.status === 2) expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('check takes the same flags: a config that writes 3.1 is stale against --openapi 3.0', () => {
    const dir = project();
    expect(runCli(['generate'], { cwd: dir }).status).toBe(0);
    expect(runCli(['check'], { cwd: dir }).status).toBe(0);
    const run = runCli(['check', '--openapi', '3.0'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^stale {4}out\/sandbox\/openapi\.yaml: /m);
  });
});

describe('the config file', () => {
  it('a templates folder that does not exist is an error in the config, with did-you-mean', () => {
    const dir = project(`errcat: 1\ntemplates: templtes\n${CONFIG.slice('errcat: 1\n'.length)}`);
    mkdirSync(join(dir, 'templates'));
    const run = runCli(['generate'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^errcat\.config\.yaml:2:12 - error templates-not-found: No templates folder at `templtes` \(paths are relative to the config's folder\)\. Did you mean `templates`\?$/m);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it.each([
    ['errcat.config.ts', "import { defineConfig } from 'errcat';\n\nconst out: string = 'out/{name}';\nexport default defineConfig({ errcat: 1, catalogs: [{ catalog: 'apis/*/errors.yaml', out, openapi: { version: '3.0' }, typescript: false, docs: false }] });\n"],
    ['errcat.config.mjs', "import { defineConfig } from 'errcat/config';\n\nexport default defineConfig({ catalogs: [{ catalog: 'apis/*/errors.yaml', out: 'out/{name}', openapi: { version: '3.0' }, typescript: false, docs: false }] });\n"],
  ])('%s with defineConfig loads without a build step, and comes before errcat.config.yaml', (name, text) => {
    const dir = project();
    writeFileSync(join(dir, name), text);
    const run = runCli(['generate'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(outputs(dir)).toEqual(both('3.0.3'));
    if (name.endsWith('.mjs')) expect(runCli(['lint'], { cwd: dir }).stdout).toMatch(/^2 catalogs: 0 errors, 0 warnings in /m);
  });

  it("a typed config's mistakes point at the config (1:1), with did-you-mean", () => {
    const dir = project();
    writeFileSync(join(dir, 'errcat.config.ts'), "import { defineConfig } from 'errcat/config';\n\nexport default defineConfig({ catalogs: [{ catalog: 'apis/*/errors.yaml', outt: 'x' } as never] });\n");
    const run = runCli(['generate'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^errcat\.config\.ts:1:1 - error unknown-key: Unknown key `outt` in `catalogs\.0`\. Did you mean `out`\?$/m);
  });
});

describe('lint with no catalog', () => {
  it('lints every catalog of the config', () => {
    const dir = project();
    const run = runCli(['lint'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ok {2}apis\/prompts\/errors\.yaml: 8 codes.*\nok {2}apis\/sandbox\/errors\.yaml: 8 codes.*\n2 catalogs: 0 errors, 0 warnings in \d+\.\d\d s\n$/);
  });

  it("reports the config's own mistakes, and --config names another config", () => {
    const dir = project('errcat: 1\ncatalogs:\n  - catalog: nowhere/errors.yaml\n    out: out\n');
    const run = runCli(['lint'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^errcat\.config\.yaml:3:14 - error catalog-not-found: /m);
    writeFileSync(join(dir, 'one.yaml'), 'errcat: 1\ncatalogs:\n  - catalog: tasks.yaml\n    out: out\n');
    expect(runCli(['lint', '--config', 'one.yaml'], { cwd: dir }).stdout).toMatch(/^ok {2}tasks\.yaml: 11 codes/m);
  });

  it('without a config, a catalog needs --out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'errcat-flags-'));
    cpSync(join(ROOT, 'specs/tasks/errors.yaml'), join(dir, 'tasks.yaml'));
    const run = runCli(['generate', 'tasks.yaml'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/required option '-o, --out <dir>' not specified \(needed with a catalog argument when no errcat\.config\.\* names it\)/);
  });

  it('without a config: a usage error that says what to do', () => {
    const run = runCli(['lint'], { cwd: mkdtempSync(join(tmpdir(), 'errcat-flags-')) });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no catalog given and no errcat\.config\.yaml/);
  });
});
