import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import type { Catalog } from '../../../src/model/catalog.js';
import { attachedStatuses, listOperations, operationKey } from '../../../src/merge/operations.js';
import { REGISTRY_KEY } from '../../../src/merge/plan.js';
import { mustLoad, ROOT } from '../../helpers.js';
import { tmpDir } from '../../judges.js';

type Json = Record<string, any>;
const dir = tmpDir('operations');
const importPath = (file: string) => relative(dir, file).replace(/\\/g, '/').replace(/\.ts$/, '.js').replace(/^(?!\.)/, './');
const property = (key: string | number) => JSON.stringify(String(key));

/** The error objects inside a body type, per the envelope. */
function errorsOf(catalog: Catalog): string {
  const { envelope } = catalog;
  if (envelope.kind === 'array') return 'B extends readonly (infer E)[] ? E : never';
  if (envelope.key === undefined) return 'B';
  if (envelope.kind === 'list') return `B extends { ${property(envelope.key)}: readonly (infer E)[] } ? E : never`;
  return `B extends { ${property(envelope.key)}: infer E } ? E : never`;
}

/**
 * Per-operation error types, judged by tsc in the TypeScript output's one run (types.test.ts).
 *
 * A file that compiles only if, for every operation of the merged spec and every status where it
 * references errcat's responses, openapi-typescript's error type and errcat's `OperationStatusErrors`
 * assign to each other, and so do their unions and `OperationErrors`.
 */
export async function operationAssignabilityFile(spec: string): Promise<{ file: string; compared: number }> {
  const api = spec.split('/')[1] as string;
  const catalog = await mustLoad(spec);
  const mergedFile = join(ROOT, 'generated', api, 'openapi.merged.yaml');
  const merged = parse(readFileSync(mergedFile, 'utf8')) as Json;
  const theirs = join(dir, `${api}.merged.ts`);
  writeFileSync(theirs, astToString(await openapiTS(merged as never, { emptyObjectsUnknown: true })));
  const owned = new Set<string>(merged[REGISTRY_KEY][catalog.info.title]['responses'] ?? []);
  const ours = join(ROOT, 'generated', api, 'errors.ts');
  const lines: string[] = [];
  let compared = 0;
  for (const operation of listOperations(merged)) {
    const key = operationKey(operation);
    const responses = operation.operationId === undefined ? `paths[${property(operation.path)}][${property(operation.method)}]["responses"]` : `operations[${property(operation.operationId)}]["responses"]`;
    const statuses: string[] = [];
    for (const { status } of attachedStatuses(catalog, operation)) {
      const response = merged['paths'][operation.path][operation.method].responses[String(status)] as Json;
      let theirsType: string;
      if (status < 300) {
        // An error under 2xx joined the success body: errcat's member of that `oneOf`.
        const resolved = response['$ref'] ? merged['components'].responses[String(response['$ref']).split('/').pop() as string] : response;
        const members = Object.values<Json>(resolved.content)[0]?.schema?.oneOf as Json[] | undefined;
        const ref = members?.[1]?.$ref as string | undefined;
        if (ref === undefined) continue;
        theirsType = `Errors<components["schemas"][${property(ref.split('/').pop() as string)}]>`;
      } else {
        // A response of the spec's own, kept where the catalog would answer, is not errcat's to type.
        if (!owned.has(String(response['$ref'] ?? '').split('/').pop() as string)) continue;
        theirsType = `Errors<Content<${responses}[${status}]>>`;
      }
      const oursType = `Ours.OperationStatusErrors[${property(key)}][${status}]`;
      lines.push(`export const to${compared} = (x: ${theirsType}): ${oursType} => x;`, `export const from${compared} = (x: ${oursType}): ${theirsType} => x;`);
      statuses.push(theirsType);
      compared++;
    }
    if (statuses.length === 0) continue;
    const oursUnion = `Ours.OperationStatusErrors[${property(key)}][${statuses.length === attachedStatuses(catalog, operation).length ? `keyof Ours.OperationStatusErrors[${property(key)}]` : attachedStatuses(catalog, operation).map((a) => a.status).filter((_, i) => i < statuses.length).join(' | ')}]`;
    if (statuses.length === attachedStatuses(catalog, operation).length) {
      lines.push(`export const union${compared} = (x: ${statuses.join(' | ')}): Ours.OperationErrors[${property(key)}] => x;`, `export const back${compared} = (x: Ours.OperationErrors[${property(key)}]): ${statuses.join(' | ')} => x;`);
    } else lines.push(`export const union${compared} = (x: ${statuses.join(' | ')}): ${oursUnion} => x;`);
  }
  const file = join(dir, `${api}.operations.ts`);
  writeFileSync(
    file,
    `import type { components, operations, paths } from ${JSON.stringify(importPath(theirs))};
import type * as Ours from ${JSON.stringify(importPath(ours))};
type Content<R> = R extends { content: infer C } ? C[keyof C] : never;
type Errors<B> = ${errorsOf(catalog)};
export type Used = [components, operations, paths];
${lines.join('\n')}
`,
  );
  return { file, compared };
}

/**
 * A file that compiles only if errors.ts narrows a caught error by operation, status and code, and
 * openapi-typescript's types of the merged sandbox spec hold exactly each operation's codes
 * (`@ts-expect-error` where they must not); written after `operationAssignabilityFile` for sandbox.
 */
export function narrowingFile(): string {
  const narrowing = join(dir, 'narrowing.ts');
  writeFileSync(
    narrowing,
    `import type { operations } from "./sandbox.merged.js";
import { isOperationError, SandboxApiError, type OperationErrors, type OperationStatusErrors } from ${JSON.stringify(importPath(join(ROOT, 'generated/sandbox/errors.ts')))};
type Errors<B> = B extends { error: infer E } ? E : never;
type Created400 = Errors<operations["createSandbox"]["responses"][400]["content"]["application/json"]>;
const invalid: Created400 = { code: "invalid_request", message: "m", status: 400 };
// @ts-expect-error createSandbox never answers budget_exceeded: its 400 holds exactly invalid_request
const overBudget: Created400 = { code: "budget_exceeded", message: "m", status: 400 };
// @ts-expect-error runPrompt has no 409
type RunPrompt409 = operations["runPrompt"]["responses"][409];
const fromOurs: OperationErrors["runPrompt"] = { code: "budget_exceeded", message: "m", status: 400 };
// @ts-expect-error streamSandbox's 409 is stream_active, nothing else
const notStream: OperationStatusErrors["streamSandbox"][409] = { code: "budget_exceeded", message: "m", status: 400 };
// @ts-expect-error getSandbox has no 400
type Get400 = OperationStatusErrors["getSandbox"][400];
declare const caught: unknown;
if (isOperationError(caught, "runPrompt")) {
  if (caught.status === 400) {
  const code: "invalid_request" | "budget_exceeded" = caught.code;
  if (caught.code === "budget_exceeded") {
    const status: 400 = caught.error.status;
    void status;
  }
  void code;
  } else if (caught.status === 503) {
  // @ts-expect-error a status without a code carries no documented code
  const code: string = caught.code;
  void code;
  }
  const message: string = caught.message;
  void message;
}
if (caught instanceof SandboxApiError && caught.is("rate_limit_exceeded")) {
  const seconds: number = caught.error.retryAfter;
  void seconds;
}
export type Used = [RunPrompt409, Get400];
void invalid; void overBudget; void fromOurs; void notStream;
`,
  );
  return narrowing;
}
