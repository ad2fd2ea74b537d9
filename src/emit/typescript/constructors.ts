import { StructureKind, type StatementStructures } from 'ts-morph';
import type { Entry, Field } from '../../model/catalog.js';
import { shapeSchema } from '../../model/error-schema.js';
import { computedValue, entryFields } from '../../model/values.js';
import type { EmitContext } from './context.js';
import { docText, objectKey, propertyName, stringLiteral, valueLiteral } from './literals.js';
import { typeOf } from './schema-to-type.js';

/** Server side: one function per code that builds `{ status, headers, body }`, which the guards accept. */
export function constructorDeclarations(ctx: EmitContext): StatementStructures[] {
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.Interface,
      name: 'ErrorResponse',
      isExported: true,
      typeParameters: [{ name: 'C', constraint: 'ErrorCode' }],
      docs: ['An error response ready to send: status, headers (with the content type) and body.'],
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

function isFree(field: Field, entry: Entry, ctx: EmitContext): boolean {
  return computedValue(field, entry, entry.statuses[0] ?? 500, ctx.catalog) === undefined;
}

function constructorFor(ctx: EmitContext, entry: Entry) {
  const { catalog } = ctx;
  const { envelope } = catalog;
  const fields = entryFields(catalog, entry);
  const free = fields.filter((f) => isFree(f, entry, ctx));
  const message = envelope.message.name;
  const defaultMessage = entry.title ?? entry.description ?? catalog.statuses.find((s) => s.status === entry.statuses[0])?.title ?? 'Error';
  const input = [`${propertyName(message)}?: string`, ...free.map((f) => `${propertyName(f.name)}${f.required ? '' : '?'}: ${typeOf(shapeSchema(f))}`)];
  const statusType = entry.statuses.join(' | ');
  const properties: string[] = [];
  if (envelope.code) {
    // `code: "x"`, or `details: { reason: "x" }` for a nested code.
    const [head, ...rest] = envelope.code.path;
    const value = rest.reduceRight((inner, segment) => `{ ${objectKey(segment)}: ${inner} }`, valueLiteral(entry.code));
    if (head !== undefined) properties.push(`${objectKey(head)}: ${value}`);
  }
  // Own properties only: a field named `toString` is not `{}.toString`.
  const own = (name: string) => `(fields !== undefined && hasOwn(fields, ${stringLiteral(name)}) ? fields[${stringLiteral(name)}] : undefined)`;
  properties.push(`${objectKey(message)}: ${own(message)} ?? ${stringLiteral(defaultMessage)}`);
  for (const field of fields) {
    if (isFree(field, entry, ctx)) {
      // A required field is typed as given; an optional one may be missing, and then must not be read from the prototype.
      const read = `fields[${stringLiteral(field.name)}]`;
      properties.push(
        field.required
          ? `${objectKey(field.name)}: ${read}`
          : `...(fields !== undefined && hasOwn(fields, ${stringLiteral(field.name)}) && ${read} !== undefined ? { ${objectKey(field.name)}: ${read} } : {})`,
      );
      continue;
    }
    // A computed value may depend on the status (an echoed status, a template over {status}).
    const byStatus = entry.statuses.map((s) => [s, computedValue(field, entry, s, catalog)] as const);
    const first = byStatus[0]?.[1];
    const same = byStatus.every(([, v]) => JSON.stringify(v) === JSON.stringify(first));
    const value = same ? valueLiteral(first) : byStatus.reduceRight((acc, [s, v]) => (acc === '' ? valueLiteral(v) : `status === ${s} ? ${valueLiteral(v)} : ${acc}`), '');
    properties.push(`${objectKey(field.name)}: ${value}`);
  }
  const body = envelope.key === undefined ? 'error' : `{ ${objectKey(envelope.key)}: ${envelope.kind === 'list' ? '[error]' : 'error'} }`;
  return {
    kind: StructureKind.Function as const,
    name: ctx.constructorName(entry),
    isExported: true,
    parameters: [
      // Optional rather than `= {}`: `{}` does not fit `{ toString?: string }` (its inherited `toString` is a function).
      { name: 'fields', type: `{ ${input.join('; ')} }`, ...(free.some((f) => f.required) ? {} : { hasQuestionToken: true }) },
      { name: 'init', type: `{ readonly status?: ${statusType}; readonly headers?: Readonly<Record<string, string>> }`, initializer: '{}' },
    ],
    returnType: `ErrorResponse<${valueLiteral(entry.code)}>`,
    docs: [`Builds the \`${docText(String(entry.code))}\` error response (HTTP ${entry.statuses.join(' or ')}).`],
    statements: [
      `const status: ${statusType} = init.status ?? ${entry.statuses[0]};`,
      `const error: ${ctx.typeName(entry)} = { ${properties.join(', ')} };`,
      `return { status, headers: { "content-type": CONTENT_TYPE, ...init.headers }, body: ${body} };`,
    ],
  };
}
