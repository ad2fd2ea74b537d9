import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli } from '../helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'errcat-project-'));

/** A project with two catalogs from specs/ and a config. */
function project(): string {
  const dir = tmp();
  for (const api of ['sandbox', 'prompts']) {
    mkdirSync(join(dir, 'apis', api), { recursive: true });
    cpSync(join(ROOT, 'specs', api, 'errors.yaml'), join(dir, 'apis', api, 'errors.yaml'));
  }
  writeFileSync(join(dir, 'errcat.config.yaml'), 'errcat: 1\ncatalogs:\n  - catalog: apis/*/errors.yaml\n    out: out/{name}\n');
  return dir;
}

const snapshot = (dir: string) =>
  existsSync(dir)
    ? Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), 'utf8')]))
    : {};

describe('errcat init', () => {
  it('writes a catalog and config that lint clean, and generate works right after', () => {
    const dir = tmp();
    const init = runCli(['init'], { cwd: dir });
    expect(init.status).toBe(0);
    expect(runCli(['lint', 'errors.yaml'], { cwd: dir })).toMatchObject({ status: 0, stderr: '' });
    const generate = runCli(['generate'], { cwd: dir });
    expect(generate.stderr).toBe('');
    expect(generate.status).toBe(0);
    expect(readdirSync(join(dir, 'generated')).sort()).toEqual(['errors.md', 'errors.ts', 'openapi.yaml']);
    expect(runCli(['check'], { cwd: dir }).status).toBe(0);
  });

  it('refuses to overwrite, and writes nothing', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'errors.yaml'), 'mine');
    const run = runCli(['init'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/errors\.yaml already exists; nothing written/);
    expect(readdirSync(dir)).toEqual(['errors.yaml']);
    expect(readFileSync(join(dir, 'errors.yaml'), 'utf8')).toBe('mine');
  });
});

describe('errcat generate with a config', () => {
  it('generates every catalog the pattern matches, one line per file and a summary', () => {
    const dir = project();
    const run = runCli(['generate'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^wrote {5}out\/prompts\/errors\.md \(\d+ bytes\)$/m);
    expect(run.stdout).toMatch(/^2 catalogs, 6 files: 6 written, 0 unchanged in \d+\.\d\d s$/m);
    expect(runCli(['generate', '--quiet'], { cwd: dir }).stdout).toBe('');
    const json = JSON.parse(runCli(['generate', '--json'], { cwd: dir }).stdout) as { ok: boolean; files: { path: string; outcome: string; bytes: number }[] };
    expect(json.ok).toBe(true);
    expect(json.files).toHaveLength(6);
    expect(json.files.every((f) => f.outcome === 'unchanged' && f.bytes > 0)).toBe(true);
    expect(json.files.map((f) => f.path)).toContain('out/prompts/errors.md');
  });

  it('writes nothing at all when a later catalog fails', () => {
    const dir = project();
    expect(runCli(['generate'], { cwd: dir }).status).toBe(0);
    writeFileSync(join(dir, 'apis/sandbox/errors.yaml'), readFileSync(join(dir, 'apis/sandbox/errors.yaml'), 'utf8').replace('title: Sandbox API', 'title: Renamed API').replace('status: 409', 'status: 302'));
    writeFileSync(join(dir, 'apis/prompts/errors.yaml'), readFileSync(join(dir, 'apis/prompts/errors.yaml'), 'utf8').replace('title: Prompt Management Public API', 'title: Renamed'));
    const before = snapshot(join(dir, 'out'));
    const run = runCli(['generate'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/apis\/sandbox\/errors\.yaml:\d+:\d+ - error status-not-error/);
    expect(snapshot(join(dir, 'out'))).toEqual(before);
  });

  it('uses templates the config names, and locates a broken one', () => {
    const dir = project();
    mkdirSync(join(dir, 'tpl'));
    writeFileSync(join(dir, 'errcat.config.yaml'), 'errcat: 1\ntemplates: tpl\ncatalogs:\n  - catalog: apis/prompts/errors.yaml\n    out: out\n    openapi: false\n    typescript: false\n');
    writeFileSync(join(dir, 'tpl/errors.md.hbs'), '# {{text title}}\n{{#each entries}}\n- {{code code}}\n{{/each}}\n');
    expect(runCli(['generate'], { cwd: dir }).status).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toEqual(['errors.md']);
    expect(readFileSync(join(dir, 'out/errors.md'), 'utf8')).toMatch(/# Prompt Management Public API\n- `INVALID_PARAM`\n/);
    writeFileSync(join(dir, 'tpl/errors.md.hbs'), '# ok\n{{#each entries}\n');
    const run = runCli(['generate'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^tpl\/errors\.md\.hbs:2:\d+ - error template-error: /m);
  });

  it('locates config mistakes', () => {
    const dir = project();
    writeFileSync(join(dir, 'errcat.config.yaml'), 'errcat: 1\ncatalogs:\n  - catalog: nowhere/*/errors.yaml\n    out: out\n  - catalog: apis/sandbox/errors.yaml\n    outt: x\n');
    const run = runCli(['generate'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/errcat\.config\.yaml:6:5 - error unknown-key: Unknown key `outt`.*Did you mean `out`\?/);
  });

  it('without a catalog or a config, says what to do (exit 2)', () => {
    const run = runCli(['generate'], { cwd: tmp() });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no errcat\.config\.yaml \(or \.ts, \.mjs, \.js, \.yml, \.json\) here; pass a catalog and --out, or run `errcat init`/);
  });
});

describe('errcat check', () => {
  it('lists stale and missing files with a short diff summary, exit 1; exit 0 when current', () => {
    const dir = project();
    expect(runCli(['generate'], { cwd: dir }).status).toBe(0);
    expect(runCli(['check'], { cwd: dir })).toMatchObject({ status: 0, stdout: expect.stringMatching(/^6 files current in \d+\.\d\d s\n$/) });
    const spec = join(dir, 'out/sandbox/openapi.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('version: 1.0.0', 'version: 0.9.0\n  x-edited: true'));
    rmSync(join(dir, 'out/prompts/errors.ts'));
    const run = runCli(['check'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^stale {4}out\/sandbox\/openapi\.yaml: \+1 -2 lines, first difference at line 6$/m);
    expect(run.stdout).toMatch(/^missing  out\/prompts\/errors\.ts$/m);
    expect(run.stdout).toMatch(/^2 of 6 files out of date in \d+\.\d\d s; run errcat generate$/m);
  });
});

describe('errcat generate --watch', () => {
  it('regenerates when the catalog changes, reports mistakes, and keeps watching', async () => {
    const dir = project();
    const child = spawn(process.execPath, [CLI, 'generate', '--watch'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const until = async (test: () => boolean, what: string) => {
      for (let i = 0; i < 400 && !test(); i++) await new Promise((r) => setTimeout(r, 50));
      if (!test()) throw new Error(`timed out waiting for ${what}; stdout: ${stdout}; stderr: ${stderr}`);
    };
    try {
      await until(() => stdout.includes('watching for changes'), 'the first run');
      const catalog = join(dir, 'apis/prompts/errors.yaml');
      writeFileSync(catalog, readFileSync(catalog, 'utf8').replace('Unexpected server error.', 'Unexpected server error (watched).'));
      await until(() => readFileSync(join(dir, 'out/prompts/errors.md'), 'utf8').includes('(watched)'), 'the regenerated docs');
      writeFileSync(catalog, readFileSync(catalog, 'utf8').replace('status: 500', 'status: 302'));
      await until(() => stderr.includes('error status-not-error'), 'the diagnostic');
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGTERM');
    }
  }, 180_000);

  it('keeps what it loaded between saves, yet renders an edited template and merges every save', async () => {
    const dir = project();
    cpSync(join(ROOT, 'specs/sandbox/openapi.yaml'), join(dir, 'apis/sandbox/openapi.yaml'));
    mkdirSync(join(dir, 'templates'));
    const template = join(dir, 'templates/errors.md.hbs');
    cpSync(join(ROOT, 'templates/errors.md.hbs'), template);
    writeFileSync(
      join(dir, 'errcat.config.yaml'),
      'errcat: 1\ntemplates: templates\ncatalogs:\n  - catalog: apis/sandbox/errors.yaml\n    out: out/sandbox\n    merge:\n      - spec: apis/sandbox/openapi.yaml\n        out: out/sandbox/openapi.merged.yaml\n',
    );
    const child = spawn(process.execPath, [CLI, 'generate', '--watch'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const until = async (test: () => boolean, what: string) => {
      for (let i = 0; i < 400 && !test(); i++) await new Promise((r) => setTimeout(r, 50));
      if (!test()) throw new Error(`timed out waiting for ${what}; stdout: ${stdout}; stderr: ${stderr}`);
    };
    const read = (file: string) => readFileSync(join(dir, 'out/sandbox', file), 'utf8');
    try {
      await until(() => stdout.includes('watching for changes'), 'the first run');
      const catalog = join(dir, 'apis/sandbox/errors.yaml');
      for (const title of ['Sandbox API (one)', 'Sandbox API (two)']) {
        writeFileSync(catalog, readFileSync(join(ROOT, 'specs/sandbox/errors.yaml'), 'utf8').replace('title: Sandbox API', `title: ${title}`));
        await until(() => read('errors.md').includes(title) && read('openapi.merged.yaml').includes(title), `${title} in the docs and the merged spec`);
      }
      writeFileSync(template, `<!-- edited -->\n${readFileSync(template, 'utf8')}`);
      await until(() => read('errors.md').includes('<!-- edited -->'), 'the edited template rendered');
      expect(stderr).toBe('');
    } finally {
      child.kill('SIGTERM');
    }
  }, 180_000);
});
