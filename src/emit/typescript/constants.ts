import { StructureKind, VariableDeclarationKind, type StatementStructures } from 'ts-morph';
import type { Entry, JsonValue } from '../../model/catalog.js';
import { retryData } from '../../model/retry.js';
import type { EmitContext } from './context.js';
import { quotedKey, stringLiteral, valueLiteral } from './literals.js';

function constant(name: string, initializer: string, doc: string, exported = true): StatementStructures {
  return {
    kind: StructureKind.VariableStatement,
    isExported: exported,
    declarationKind: VariableDeclarationKind.Const,
    docs: [doc],
    declarations: [{ name, initializer }],
  };
}

function metaValue(entry: Entry, statusTitle: string): JsonValue {
  const meta: Record<string, JsonValue> = {
    code: entry.code,
    name: entry.name,
    statuses: [...entry.statuses],
    title: entry.title ?? statusTitle,
  };
  if (entry.description !== undefined) meta['description'] = entry.description;
  if (entry.fix !== undefined) meta['fix'] = entry.fix;
  if (entry.docUrl !== undefined) meta['docUrl'] = entry.docUrl;
  meta['retry'] = retryData(entry.retry);
  meta['headers'] = [...entry.headers];
  meta['deprecated'] = entry.deprecated !== undefined;
  if (entry.deprecated?.replacedBy !== undefined) meta['replacedBy'] = entry.deprecated.replacedBy;
  return meta;
}

/** A `{ key: value }` literal whose keys are codes or statuses, one per line. */
function keyedLiteral(entries: [string | number, JsonValue][]): string {
  if (entries.length === 0) return '{}';
  const lines = entries.map(([key, value]) => `  ${quotedKey(String(key))}: ${valueLiteral(value)},`);
  return `{\n${lines.join('\n')}\n}`;
}

export function constantDeclarations(ctx: EmitContext): StatementStructures[] {
  const { catalog } = ctx;
  const title = (status: number | undefined) => catalog.statuses.find((s) => s.status === status)?.title ?? `HTTP ${status}`;
  const statuses = catalog.statuses.map((info): [number, JsonValue] => [
    info.status,
    { title: info.title, codes: [...info.codes], retry: retryData(info.retry), headers: [...info.headers] },
  ]);
  return [
    constant('ERROR_CODES', `${valueLiteral(catalog.entries.map((e) => e.code))} as const satisfies readonly ErrorCode[]`, 'Every documented code, in catalog order.'),
    constant('ERRORS', `${keyedLiteral(catalog.entries.map((e) => [e.code, metaValue(e, title(e.statuses[0]))]))} as const satisfies { readonly [C in ErrorCode]: ErrorMeta }`, 'What the catalog says about each code: statuses, title, fix, doc url, retry policy, headers.'),
    constant('STATUSES', `${keyedLiteral(statuses)} as const satisfies Readonly<Record<number, StatusMeta>>`, 'What the catalog says about each HTTP status it uses.'),
    constant('RETRY_DEFAULTS', `${keyedLiteral(Object.entries(catalog.retryDefaults).map(([k, p]) => [k, retryData(p)]))} as const satisfies Readonly<Record<string, RetryPolicy>>`, 'The retry policy of a status the catalog does not list: by status, class (`5xx`) or `default`.'),
    constant('CONTENT_TYPE', stringLiteral(catalog.envelope.contentType), 'The media type of error bodies.'),
    ...ctx.patterns.entries().map(([name, pattern]) => constant(name, `new RegExp(${stringLiteral(pattern)}, "u")`, `Pattern of a catalog field.`, false)),
  ];
}
