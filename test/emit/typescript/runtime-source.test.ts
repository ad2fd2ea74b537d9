import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { RUNTIME_DIR, runtimeText } from '../../../src/emit/typescript/runtime-source.js';
import { isStructuralName } from '../../../src/model/names.js';
import { emitTypeScript } from '../../../src/emit/typescript/index.js';
import { mustLoad, ROOT } from '../../helpers.js';
import { generatedModule } from './modules.js';

const runtimeDir = join(ROOT, 'src/runtime');
const runtimeFiles = readdirSync(runtimeDir).filter((f) => f.endsWith('.ts')).sort();

describe('the runtime module every errors.ts inlines (src/runtime)', () => {
  it('comes out of the build index (dist) exactly as parsed from the sources', async () => {
    const index = JSON.parse(readFileSync(join(ROOT, 'dist/emit/typescript/runtime-index.json'), 'utf8')) as { declarations: { name: string }[] };
    const names = index.declarations.map((d) => d.name);
    expect(names.length).toBeGreaterThan(10);
    const built = (await import(join(ROOT, 'dist/emit/typescript/runtime-source.js'))) as { runtimeText: typeof runtimeText };
    expect(built.runtimeText(names)).toEqual(runtimeText(names));
    expect(built.runtimeText(['plainObject'])).toEqual(runtimeText(['plainObject']));
  });

  // types.test.ts compiles it with the strictest flags, beside the modules that inline it.
  it('is self-contained: it imports only itself', () => {
    for (const file of runtimeFiles) {
      const source = readFileSync(join(runtimeDir, file), 'utf8');
      for (const [, from] of source.matchAll(/^import .* from '([^']+)';$/gm)) expect(from, file).toMatch(/^\.\/[a-z-]+\.js$/);
    }
  });

  it('declares no name an entry or a named type could take', () => {
    for (const file of runtimeFiles) {
      const source = ts.createSourceFile(file, readFileSync(join(runtimeDir, file), 'utf8'), ts.ScriptTarget.ES2022, true);
      for (const statement of source.statements) {
        if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) expect(isStructuralName(statement.name.text), statement.name.text).toBe(true);
        // An entry's guard is `is…` and its constructor `create…`: the runtime's values must not look like one.
        if (ts.isFunctionDeclaration(statement) && statement.name) expect(statement.name.text, file).not.toMatch(/^(is|create)[A-Z]/);
      }
    }
  });

  it('reaches errors.ts without imports, with only the declarations it uses', async () => {
    const { text } = await generatedModule('specs/sandbox/errors.yaml');
    expect(text).not.toMatch(/^import /m);
    // Sandbox errors have no maps for `everyValue` to check; Google's ErrorInfo.metadata is one.
    expect(text).not.toContain('function everyValue');
    expect(text).toContain('function classify(');
    const { text: google } = await generatedModule('test/fixtures/valid/levels-google.yaml');
    expect(google).toContain('function everyValue');
  });

  it('gives byte-identical output for the same catalog', async () => {
    const catalog = await mustLoad('test/fixtures/valid/levels-google.yaml');
    expect(emitTypeScript(catalog, 'b')).toBe(emitTypeScript(structuredClone(catalog), 'b'));
  });

  it('ships in the package, where the emitter reads it from src/ and dist/ alike', () => {
    expect(fileURLToPath(RUNTIME_DIR)).toBe(`${runtimeDir}/`);
    // The build mirrors src/ into dist/, so dist/emit/typescript is as deep as src/emit/typescript.
    const build = JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')) as { compilerOptions: { rootDir: string; outDir: string } };
    expect(build.compilerOptions).toMatchObject({ rootDir: 'src', outDir: 'dist' });
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    const packed = (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0]?.files.map((f) => f.path) ?? [];
    for (const file of runtimeFiles) expect(packed).toContain(`src/runtime/${file}`);
  });
});
