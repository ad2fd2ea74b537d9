import { StructureKind } from './ts-morph.js';
import type { Entry, JsonValue } from '../../model/catalog.js';
import { setPath } from '../../model/examples.js';
import { levelContainerSample } from '../../model/level-samples.js';
import { locatorData } from '../../model/locators.js';
import { defineOwn } from '../../model/own.js';
import { fieldsOf } from '../../model/values.js';
import type { EmitContext } from './context.js';
import { functionText, valueText, type Statement } from './layout.js';
import { inlineCode, jsDoc } from './jsdoc.js';
import { literalType, propertyName } from './literals.js';
import { typeOf } from './schema-to-type.js';

/** Server side: per code, a function that builds `{ status, headers, body }`, which the guards accept. */
export function constructorDeclarations(ctx: EmitContext): Statement[] {
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
  ];
  for (const entry of ctx.catalog.entries) statements.push(constructorFor(ctx, entry));
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
function constructorFor(ctx: EmitContext, entry: Entry): string {
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
  const row = {
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
  // `{}` does not fit `{ toString?: string }` (its inherited `toString` is a function): such fields are optional instead of defaulted.
  const inherited = inputs.some((i) => i.key in Object.prototype);
  const fieldsParameter = `fields${optional && inherited ? '?' : ''}: ${input}${optional && !inherited ? ' = {}' : ''}`;
  const rowText = Object.entries(row).map(([key, value]) => `  ${key}: ${valueText(value as JsonValue, 4, key.length + 2)},`);
  return functionText({
    doc: jsDoc(`Builds the ${inlineCode(String(entry.code))} error response (HTTP ${entry.statuses.join(' or ')}).`),
    name: ctx.constructorName(entry),
    parameters: [
      fieldsParameter,
      requiredHeaders.length === 0
        ? `init: { readonly status?: ${statusType}; readonly headers?: Readonly<Record<string, string>> } = {}`
        : `init: { readonly status?: ${statusType}; readonly headers: { readonly ${requiredHeaders.map((h) => `${propertyName(h)}: string`).join('; readonly ')} } & Readonly<Record<string, string>> }`,
    ],
    returnType: `ErrorResponse<${code}>`,
    body: [`return ${ctx.use('buildResponse')}(TABLES.envelope, init.status ?? ${entry.statuses[0]}, ${optional && inherited ? 'fields ?? {}' : 'fields'}, init.headers, {`, ...rowText, `}) as ErrorResponse<${code}>;`],
  });
}
