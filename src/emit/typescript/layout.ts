import type { JSDocStructure, StatementStructures } from 'ts-morph';
import type { JsonValue } from '../../model/catalog.js';
import { printDoc } from './jsdoc.js';
import { objectKey, valueLiteral } from './literals.js';
import { flatText } from '../../write/flat-text.js';

/**
 * The layout of errors.ts: two-space indentation, and lines kept near 120 columns where the
 * content allows, long unions, object literals and parameter lists one member per line.
 * ts-morph prints a multi-line initializer or type with a hanging indent of its own, so
 * declarations that span lines are written here as text, and handed to ts-morph as statements.
 */
export const WIDTH = 120;

const pad = (indent: number) => ' '.repeat(indent);

/**
 * A declaration with its JSDoc, flat: errors.ts keeps every declaration to the end (at 10,000
 * codes, 3% of the emit and 30 MB less at its peak).
 */
export function declaration(docs: readonly JSDocStructure[] | undefined, code: string): string {
  return flatText(docs === undefined ? code : `${printDoc(docs)}\n${code}`);
}

/** A JSON value as an expression starting at column `indent`: on one line when it fits, else one member per line. */
export function valueText(value: JsonValue | undefined, indent = 0, lead = 0): string {
  const flat = valueLiteral(value);
  if (indent + lead + flat.length + 1 <= WIDTH || value === null || typeof value !== 'object') return flat;
  const inner = pad(indent + 2);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${valueText(v, indent + 2)},`).join('\n')}\n${pad(indent)}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${objectKey(k)}: ${valueText(v, indent + 2, objectKey(k).length + 2)},`).join('\n')}\n${pad(indent)}}`;
}

/** A union type as the right side of `type X =`: on one line when it fits, else one member per line. */
export function unionText(members: readonly string[], lead: number): string {
  const distinct = [...new Set(members)];
  if (distinct.length === 0) return 'never';
  const flat = distinct.join(' | ');
  return lead + flat.length <= WIDTH || distinct.length === 1 ? flat : `\n${distinct.map((m) => `  | ${m}`).join('\n')}`;
}

/** `export type Name = …;`, its union laid out. */
export function typeAliasText(doc: readonly JSDocStructure[] | undefined, name: string, members: readonly string[]): string {
  const head = `export type ${name} =`;
  const union = unionText(members, head.length + 2);
  return declaration(doc, `${head}${union.startsWith('\n') ? '' : ' '}${union};`);
}

/** An object literal (or, with `;`, an object type) of `key: value` entries (values already laid out), one per line. */
export function objectText(members: readonly (readonly [string, string])[], indent = 0, separator = ','): string {
  if (members.length === 0) return '{}';
  return `{\n${members.map(([k, v]) => `${pad(indent + 2)}${k}: ${v.replace(/\n/g, `\n${pad(indent + 2)}`)}${separator}`).join('\n')}\n${pad(indent)}}`;
}

export interface FunctionText {
  doc: readonly JSDocStructure[];
  name: string;
  typeParameters?: string;
  parameters: readonly string[];
  returnType: string;
  /** The body's lines, at the body's own indentation. */
  body: readonly string[];
}

/** `open(params)close`: the parameters on one line when it fits, else one per line. */
function withParameters(open: string, parameters: readonly string[], close: string): string {
  const flat = `${open}(${parameters.join(', ')})${close}`;
  return flat.length <= WIDTH ? flat : `${open}(\n${parameters.map((p) => `  ${p},`).join('\n')}\n)${close}`;
}

/** `export function name(params): R { body }`: the parameters on one line when the signature fits, else one per line. */
export function functionText(f: FunctionText): string {
  const signature = withParameters(`export function ${f.name}${f.typeParameters === undefined ? '' : `<${f.typeParameters}>`}`, f.parameters, `: ${f.returnType} {`);
  return declaration(f.doc, `${signature}\n${f.body.map((line) => (line === '' ? '' : `  ${line}`)).join('\n')}\n}`);
}

export interface ConstFunctionText {
  doc: readonly JSDocStructure[];
  name: string;
  parameters: readonly string[];
  returnType: string;
  /** What makes the function. */
  initializer: string;
}

/** `export const name: (params) => R = initializer;`: the parameters on one line when it fits, else one per line. */
export function constFunctionText(f: ConstFunctionText): string {
  return declaration(f.doc, withParameters(`export const ${f.name}: `, f.parameters, ` => ${f.returnType} = ${f.initializer};`));
}

/**
 * Splits an expression at a top-level operator (outside brackets and string literals):
 * `a && (b && c) && "x && y"` at ` && ` gives three parts.
 */
export function splitTopLevel(expression: string, operator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const c = expression.charAt(i);
    if (quote !== undefined) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0 && expression.startsWith(operator, i)) {
      parts.push(expression.slice(start, i));
      start = i + operator.length;
      i += operator.length - 1;
    }
  }
  parts.push(expression.slice(start));
  return parts;
}

/** `return expr;` at `indent`, a long `&&` chain one condition per line. */
export function returnText(expression: string, indent: number): string[] {
  if (indent + expression.length + 8 <= WIDTH) return [`return ${expression};`];
  const parts = splitTopLevel(expression, ' && ');
  if (parts.length === 1) return [`return ${expression};`];
  return ['return (', ...parts.map((p, i) => `  ${p}${i < parts.length - 1 ? ' &&' : ''}`), ');'];
}

/** A statement of errors.ts: a ts-morph structure, or text laid out here. */
export type Statement = StatementStructures | string;
