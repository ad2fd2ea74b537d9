import { StructureKind } from './ts-morph.js';
import type { Entry, JsonValue } from '../../model/catalog.js';
import { setPath } from '../../model/examples.js';
import { levelContainerSample } from '../../model/level-samples.js';
import { locatorData } from '../../model/locators.js';
import { defineOwn } from '../../model/own.js';
import { fieldsOf } from '../../model/values.js';
import type { EmitContext } from './context.js';
import { constFunctionText, declaration, type Statement } from './layout.js';
import { inlineCode, jsDoc, printDoc } from './jsdoc.js';
import { jsonTable, literalType, propertyName } from './literals.js';
import { typeOf } from './schema-to-type.js';

/**
 * Server side: per code, a function that builds `{ status, headers, body }`, which the guards accept.
 * Each is a const typed with the code's signature and made by `constructorFor`, which every
 * client's checker reads for a fraction of a function body; what it writes is the code's row of
 * `BUILD_ROWS`, a JSON table, which the checker reads as one string (see `jsonTable`).
 */
export function constructorDeclarations(ctx: EmitContext): Statement[] {
  const constructors = ctx.catalog.entries.map((entry) => constructorParts(ctx, entry));
  // A fields type that several constructors take is declared once: each written-out type literal costs the checker again.
  const uses = new Map<string, number>();
  for (const c of constructors) uses.set(c.input, (uses.get(c.input) ?? 0) + 1);
  const shared = [...uses].filter(([, count]) => count > 1).map(([input]) => input);
  const names = new Map(shared.map((input, i) => [input, shared.length === 1 ? 'ErrorFields' : `ErrorFields${i + 1}`]));
  const rows: Record<string, JsonValue> = Object.fromEntries(constructors.map((c) => [c.code, c.row]));
  const statements: Statement[] = [
    {
      kind: StructureKind.Interface,
      name: 'ErrorResponse',
      isExported: true,
      typeParameters: [{ name: 'C', constraint: 'ErrorCode' }],
      docs: jsDoc('An error response ready to send: status, headers (with the content type) and body.'),
      properties: [
        { name: 'status', type: 'number' },
        { name: 'headers', type: 'Record<string, string>' },
        { name: 'body', type: 'BodyFor<C>' },
      ],
    },
    {
      kind: StructureKind.Interface,
      name: 'ErrorResponseInit',
      isExported: true,
      typeParameters: [{ name: 'S', constraint: 'number' }],
      docs: jsDoc('What a constructor takes besides the fields: one of its statuses (the first by default) and headers to add.'),
      properties: [
        { name: 'status', type: 'S', isReadonly: true, hasQuestionToken: true },
        { name: 'headers', type: 'Readonly<Record<string, string>>', isReadonly: true, hasQuestionToken: true },
      ],
    },
    {
      kind: StructureKind.Interface,
      name: 'ErrorResponseInitWith',
      isExported: true,
      typeParameters: [{ name: 'S', constraint: 'number' }, { name: 'H', constraint: 'string' }],
      docs: jsDoc('`ErrorResponseInit` for a code whose responses require headers `H`.'),
      properties: [
        { name: 'status', type: 'S', isReadonly: true, hasQuestionToken: true },
        { name: 'headers', type: '{ readonly [K in H]: string } & Readonly<Record<string, string>>', isReadonly: true },
      ],
    },
    ...[...names].map(([input, name]) => declaration(jsDoc(`What the constructors of ${uses.get(input)} codes take.`), `export type ${name} = ${input};`)),
    declaration(jsDoc("What each code's constructor writes: its levels, fields, messages and fixed headers."), `const BUILD_ROWS: { readonly [code: string]: BuildRow } = ${jsonTable(rows)};`),
    [
      printDoc(jsDoc("A code's constructor: builds its response from its row of `BUILD_ROWS`, at its first status unless `init` names another.")),
      // Typed `any` here and exactly where each is declared: relating the two would cost every
      // client's checker, and so would a literal argument against `ErrorCode`, a union of every code.
      'function constructorFor(code: string | number, firstStatus: number): any {',
      '  return (fields?: object, init?: { readonly status?: number; readonly headers?: Readonly<Record<string, string>> }) =>',
      `    ${ctx.use('buildResponse')}(TABLES.envelope, init?.status ?? firstStatus, fields ?? {}, init?.headers, BUILD_ROWS[code]!);`,
      '}',
    ].join('\n'),
  ];
  for (const c of constructors) statements.push(c.text(names.get(c.input) ?? c.input));
  return statements;
}

interface Input {
  key: string;
  type: string;
  required: boolean;
}

/**
 * What a constructor writes and what it takes: each level pinned where it sits (a plain path,
 * an item of the `in` array, the end of the chain, a header) or given by the caller; the message;
 * each field computed for the status or given by the caller. A level read through a pattern is
 * written only when its value reads back through the pattern as itself; else the caller writes it.
 */
function constructorParts(ctx: EmitContext, entry: Entry): { code: string; row: JsonValue; input: string; text: (inputType: string) => string } {
  const { catalog } = ctx;
  const { envelope } = catalog;
  const fields = fieldsOf(catalog, entry);
  const first = entry.responses[0];
  const computed = (name: string) => first !== undefined && Object.hasOwn(first.values, name);
  const taken = new Set([envelope.message?.name, ...fields.map((f) => f.name)]);
  const inputs: Input[] = [];
  if (envelope.message) inputs.push({ key: envelope.message.name, type: 'string', required: false });
  const pins: Record<string, JsonValue>[] = [];
  const headers: Record<string, JsonValue> = {};
  // Array and chain fields the constructor fills in when the caller gives none.
  const filled = new Set<string>();
  for (const level of envelope.levels) {
    const { at } = level;
    const value = Object.hasOwn(entry.pins, level.name) ? entry.pins[level.name] : undefined;
    // Through a pattern, the value can be written only when it reads back as itself.
    if (at.pattern !== undefined && (value === undefined || new RegExp(at.pattern, 'u').exec(String(value))?.[1] !== String(value))) continue;
    if (at.source === 'header') {
      if (value !== undefined) defineOwn(headers, at.header, String(value));
      continue;
    }
    const located = locatorData(at);
    if (value !== undefined) {
      const container = at.items !== undefined || at.chain !== undefined;
      const fill = container ? levelContainerSample(catalog, fields, at) : undefined;
      if (fill !== undefined && typeof fill === 'object' && fill !== null && !Array.isArray(fill)) setPath(fill, at.path, value);
      pins.push({ at: located, value, ...(fill === undefined ? {} : { fill }) });
      if (at.items) filled.add(at.items.path[0] ?? '');
      if (at.chain !== undefined) filled.add(at.chain);
    } else if (!at.items && at.chain === undefined) {
      const key = taken.has(level.name) ? `${level.name}Level` : level.name;
      pins.push({ at: located, input: key });
      inputs.push({ key, type: level.type === 'integer' ? 'number' : 'string', required: !level.optional && entry.level !== undefined });
    }
  }
  for (const header of catalog.headers) {
    const value = header.echo !== undefined && Object.hasOwn(entry.pins, header.echo) ? entry.pins[header.echo] : undefined;
    if (value !== undefined) defineOwn(headers, header.name, String(value));
  }
  for (const field of fields) {
    if (computed(field.name)) continue;
    inputs.push({ key: field.name, type: typeOf(ctx.schemas.field(field, entry), () => 'unknown'), required: field.required && !filled.has(field.name) });
  }
  const row: JsonValue = {
    levels: pins,
    fields: fields.map((f) => f.name),
    responses: entry.responses.map((r) => ({ status: r.status, message: r.title, values: r.values })),
    headers,
  };
  const statusType = entry.statuses.join(' | ');
  // Headers the catalog marks required, at any of its statuses, that the constructor does not fix itself.
  const requiredHeaders = [...new Set(entry.responses.flatMap((r) => r.headers.filter((h) => h.required).map((h) => h.name)))].filter(
    (name) => !Object.keys(headers).some((fixed) => fixed.toLowerCase() === name.toLowerCase()),
  );
  const input = inputs.length === 0 ? 'Record<string, never>' : `{ ${inputs.map((i) => `${propertyName(i.key)}${i.required ? '' : '?'}: ${i.type}`).join('; ')} }`;
  const code = literalType(entry.code);
  const optional = !inputs.some((i) => i.required) && requiredHeaders.length === 0;
  const init = requiredHeaders.length === 0 ? `init?: ErrorResponseInit<${statusType}>` : `init: ErrorResponseInitWith<${statusType}, ${requiredHeaders.map(literalType).join(' | ')}>`;
  const text = (inputType: string) =>
    constFunctionText({
      doc: jsDoc(`Builds the ${inlineCode(String(entry.code))} error response (HTTP ${entry.statuses.join(' or ')}).`),
      name: ctx.constructorName(entry),
      parameters: [`fields${optional ? '?' : ''}: ${inputType}`, init],
      returnType: `ErrorResponse<${code}>`,
      initializer: `constructorFor(${code}, ${entry.statuses[0]})`,
    });
  return { code: String(entry.code), row, input, text };
}
