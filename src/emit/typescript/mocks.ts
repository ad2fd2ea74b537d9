import type { JsonValue } from '../../model/catalog.js';
import { docBlock, jsDoc } from './jsdoc.js';
import { declaration, functionText, valueText } from './layout.js';
import { stringLiteral } from './literals.js';
import type { Catalog } from '../../model/catalog.js';

/**
 * MSW request handlers for front-end tests (an opt-in output beside errors.ts): answer an
 * operation with a chosen catalog code, using the catalog's example body and headers. Prism can
 * force a status; this forces a code within a status.
 */
export function emitMocks(catalog: Catalog, banner: string, errorsModule: string, withOperations: boolean): string {
  const examples: Record<string, JsonValue> = {};
  for (const entry of catalog.entries) {
    examples[String(entry.code)] = Object.fromEntries(
      entry.responses.map((r) => [String(r.status), r.examples.map((x) => ({ name: x.name, body: x.body, headers: { ...x.headers } }))]),
    );
  }
  const head = 'const EXAMPLES: Examples = ';
  const parts = [
    docBlock(`${banner}\n\n${catalog.info.title}: MSW handlers that answer with the catalog's example errors.`),
    `import { http, HttpResponse, type HttpHandler } from "msw";\nimport { CONTENT_TYPE${withOperations ? ', OPERATIONS' : ''}, type ErrorCode${withOperations ? ', type OperationFailures, type OperationKey' : ''} } from ${stringLiteral(errorsModule)};`,
    declaration(jsDoc('Per code and status, the examples of the catalog (written, or derived).'), 'type Examples = {\n  readonly [code: string]: { readonly [status: string]: readonly { readonly name: string; readonly body: unknown; readonly headers: { readonly [name: string]: string } }[] };\n};'),
    declaration(jsDoc("Each code's examples, by status."), `${head}${valueText(examples, 0, head.length + 1)};`),
    declaration(
      jsDoc('Which response to mock: a status of the code (default its first), an example by name (default the first), headers to add.'),
      'export interface MockErrorOptions {\n  readonly status?: number;\n  readonly example?: string;\n  readonly headers?: Readonly<Record<string, string>>;\n}',
    ),
    functionText({
      doc: jsDoc("The catalog's example response of `code` (body, headers, status) as a response an MSW handler returns."),
      name: 'errorResponse',
      parameters: ['code: ErrorCode', 'options: MockErrorOptions = {}'],
      returnType: 'Response',
      body: [
        'const byStatus = EXAMPLES[String(code)] ?? {};',
        'const status = options.status ?? Number(Object.keys(byStatus)[0]);',
        'const list = byStatus[String(status)] ?? [];',
        'const example = list.find((x) => x.name === options.example) ?? list[0];',
        'if (example === undefined) throw new Error(`no example of ${String(code)} at HTTP ${status}`);',
        'return new HttpResponse(JSON.stringify(example.body), {',
        '  status,',
        '  headers: { "content-type": CONTENT_TYPE, ...example.headers, ...options.headers },',
        '});',
      ],
    }),
  ];
  if (withOperations) {
    parts.push(
      declaration(jsDoc('The documented codes an operation returns.'), 'export type OperationCode<O extends OperationKey> = Extract<OperationFailures[O], { readonly known: true }>["code"];'),
      declaration(
        jsDoc('Handlers by method.'),
        'const METHODS: { readonly [method: string]: typeof http.get } = {\n  GET: http.get,\n  POST: http.post,\n  PUT: http.put,\n  PATCH: http.patch,\n  DELETE: http.delete,\n  HEAD: http.head,\n  OPTIONS: http.options,\n};',
      ),
      functionText({
        doc: jsDoc(
          "A handler that answers `operation` with `code`: the catalog's example body and headers, at the operation's status for that code. `baseUrl` restricts it to one origin (default: any); `once` answers one request only.",
        ),
        name: 'errorHandler',
        typeParameters: 'O extends OperationKey',
        parameters: ['operation: O', 'code: OperationCode<O>', 'options: MockErrorOptions & { readonly baseUrl?: string; readonly once?: boolean } = {}'],
        returnType: 'HttpHandler',
        body: [
          'const { method, path, statuses } = OPERATIONS[operation];',
          'const at = Object.entries(statuses as { readonly [status: string]: readonly unknown[] }).find(([, codes]) => codes.includes(code));',
          'const status = options.status ?? Number(at?.[0]);',
          'const url = `${options.baseUrl ?? "*"}${path.replace(/\\{([^}]+)\\}/g, ":$1")}`;',
          'const handle = METHODS[method] ?? http.all;',
          'return handle(url, () => errorResponse(code, { ...options, status }), { once: options.once ?? false });',
        ],
      }),
    );
  }
  return `${parts.join('\n\n')}\n`;
}
