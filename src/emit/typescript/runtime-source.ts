import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { ts as TypeScript } from 'ts-morph';
import { ts } from './ts-morph.js';

/**
 * The runtime every errors.ts carries is a real, type-checked TypeScript module, src/runtime/,
 * read here as source. From src/emit/typescript/ and from dist/emit/typescript/ alike, the
 * package root is three folders up, and the package ships src/runtime (package.json `files`).
 */
export const RUNTIME_DIR = new URL('../../../src/runtime/', import.meta.url);

/** The file whose types are the table shapes and the public retry types: inlined whole, exported. */
const CONTRACT = 'contract.ts';

interface Declaration {
  name: string;
  /** Its JSDoc and its text, without `export`. */
  text: string;
  /** Every identifier it mentions. */
  mentions: ReadonlySet<string>;
}

interface RuntimeSource {
  contract: string;
  /** Every other top-level declaration, in file then source order. */
  declarations: readonly Declaration[];
}

let cached: RuntimeSource | undefined;

/**
 * The runtime's declarations as `npm run build` parsed them (dist only), with the hash of the
 * sources they came from: used only while the sources still hash the same.
 */
const INDEX_URL = new URL('./runtime-index.json', import.meta.url);

interface RuntimeIndex {
  hash: string;
  contract: string;
  declarations: { name: string; text: string; mentions: string[] }[];
}

function runtimeFiles(): { file: string; text: string }[] {
  const files = readdirSync(RUNTIME_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
  return files.map((file) => ({ file, text: readFileSync(new URL(file, RUNTIME_DIR), 'utf8') }));
}

function hashOf(files: readonly { file: string; text: string }[]): string {
  const hash = createHash('sha256');
  for (const { file, text } of files) hash.update(`${file}\0${text}\0`);
  return hash.digest('hex');
}

/** The runtime's declarations, once per process: from the build's index when it is current, else parsed (nothing is type-checked here). */
function runtimeSource(): RuntimeSource {
  if (cached) return cached;
  const files = runtimeFiles();
  const hash = hashOf(files);
  let index: RuntimeIndex | undefined;
  try {
    index = JSON.parse(readFileSync(INDEX_URL, 'utf8')) as RuntimeIndex;
  } catch {
    index = undefined;
  }
  cached =
    index?.hash === hash
      ? { contract: index.contract, declarations: index.declarations.map((d) => ({ ...d, mentions: new Set(d.mentions) })) }
      : parseRuntime(files);
  return cached;
}

/** Writes the index beside this module (run by `npm run build`, on dist). */
export function writeRuntimeIndex(): void {
  const files = runtimeFiles();
  const { contract, declarations } = parseRuntime(files);
  const index: RuntimeIndex = { hash: hashOf(files), contract, declarations: declarations.map((d) => ({ ...d, mentions: [...d.mentions].sort() })) };
  writeFileSync(INDEX_URL, `${JSON.stringify(index)}\n`);
}

function parseRuntime(files: readonly { file: string; text: string }[]): RuntimeSource {
  const contract: string[] = [];
  const declarations: Declaration[] = [];
  for (const { file, text } of files) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement)) {
        const from = (statement.moduleSpecifier as TypeScript.StringLiteral).text;
        // The generated file has no imports: the runtime may only import itself.
        if (!from.startsWith('./')) throw new Error(`src/runtime/${file} imports ${from}; the runtime must stay self-contained`);
        continue;
      }
      const declaration = declarationOf(statement, source, text);
      if (file === CONTRACT) contract.push(`${declaration.jsDoc}${statement.getText(source)}`);
      else declarations.push({ name: declaration.name, text: `${declaration.jsDoc}${statement.getText(source).replace(/^export /, '')}`, mentions: identifiers(statement) });
    }
  }
  return { contract: contract.join('\n\n'), declarations };
}

function declarationOf(statement: TypeScript.Statement, source: TypeScript.SourceFile, text: string): { name: string; jsDoc: string } {
  let name: string | undefined;
  if (ts.isFunctionDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) name = statement.name?.text;
  else if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
    const [variable] = statement.declarationList.declarations;
    if (variable && ts.isIdentifier(variable.name)) name = variable.name.text;
  }
  if (name === undefined) throw new Error(`src/runtime/${source.fileName}: a top-level statement that is not one named declaration: ${statement.getText(source).slice(0, 60)}`);
  // The JSDoc right before the declaration; a file's opening comment stays behind.
  const comments = ts.getLeadingCommentRanges(text, statement.pos) ?? [];
  const last = comments[comments.length - 1];
  const jsDoc = last !== undefined && text.startsWith('/**', last.pos) ? `${text.slice(last.pos, last.end)}\n` : '';
  return { name, jsDoc };
}

function identifiers(node: TypeScript.Node): Set<string> {
  const found = new Set<string>();
  const visit = (n: TypeScript.Node): void => {
    if (ts.isIdentifier(n)) found.add(n.text);
    n.forEachChild(visit);
  };
  visit(node);
  return found;
}

/**
 * The runtime text an errors.ts needs: the contract, and the declarations the generated code
 * calls (`roots`) with everything they call in turn, in source order, so that the file stays
 * clean under `noUnusedLocals`.
 */
export function runtimeText(roots: Iterable<string>): { contract: string; functions: string } {
  const { contract, declarations } = runtimeSource();
  const byName = new Map(declarations.map((d) => [d.name, d]));
  const needed = new Set<string>();
  const pending = [...roots];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const declaration = byName.get(name);
    if (!declaration) throw new Error(`the runtime has no declaration \`${name}\``);
    if (needed.has(name)) continue;
    needed.add(name);
    for (const mention of declaration.mentions) if (byName.has(mention) && !needed.has(mention)) pending.push(mention);
  }
  return { contract, functions: declarations.filter((d) => needed.has(d.name)).map((d) => d.text).join('\n\n') };
}
