import { listOperations, type SpecOperation } from '../merge/operations.js';
import { isMapping, mappingAt, type SpecMapping } from '../merge/spec-data.js';
import type { ImportContext } from './context.js';
import type { SpecPath } from './spec.js';

/** One error response object of the spec at one status (a component used by many operations counts once). */
export interface ErrorResponse {
  /** Its status; `default` and `4XX`/`5XX` are read as one status (a reported guess). */
  status: number;
  /** Where the response object is, after its `$ref`. */
  path: SpecPath;
  /** Its component name, when operations reach it by `$ref`. */
  component?: string;
  response: SpecMapping;
  description?: string;
  contentType?: string;
  /** The body schema, as written (maybe a `$ref`). */
  body?: { value: unknown; path: SpecPath };
  headers: { name: string; value: unknown; path: SpecPath }[];
  examples: { name?: string; summary?: string; value: unknown; path: SpecPath }[];
}

/** An operation answering a status with a response. */
export interface ResponseUse {
  operation: SpecOperation;
  status: number;
  response: ErrorResponse;
}

const JSON_TYPES = [/^application\/json$/i, /^application\/problem\+json$/i, /^application\/[\w.-]+\+json$/i, /json/i, /^\*\/\*$/];

/** The status a response key stands for, and whether that is a guess. */
export function statusOfKey(key: string): { status: number; guessed: boolean } | undefined {
  if (/^[45]\d\d$/.test(key)) return { status: Number(key), guessed: false };
  if (key === 'default') return { status: 500, guessed: true };
  if (/^[45]xx$/i.test(key)) return { status: Number(key[0]) * 100, guessed: true };
  return undefined;
}

/**
 * Every operation's error responses (4xx, 5xx, `default`). With `owned` (errcat's own output:
 * the status of each of its response components), only those components, including the ones no
 * operation uses.
 */
export function collectResponses(ctx: ImportContext, options: { owned?: (component: string) => number | undefined } = {}): { uses: ResponseUse[]; responses: ErrorResponse[]; operations: SpecOperation[] } {
  const { spec } = ctx;
  const byPath = new Map<string, ErrorResponse>();
  const read = (value: unknown, at: SpecPath, status: number): ErrorResponse | undefined => {
    const followed = spec.follow(value, at);
    if (followed.unresolved !== undefined) {
      ctx.report('import-unresolved-ref', `\`${followed.unresolved}\` leads outside this document or to nothing, so import cannot read this response; bundle the spec into one file (e.g. \`redocly bundle\`) and import again.`, at);
      return undefined;
    }
    if (!isMapping(followed.value)) return undefined;
    // A response component used under two statuses documents each of them.
    const key = `${status}\u0000${followed.path.join('\u0000')}`;
    let response = byPath.get(key);
    if (!response) {
      response = readResponse(ctx, followed.value, followed.path, status, followed.path !== at ? followed.path[followed.path.length - 1] : undefined);
      byPath.set(key, response);
    }
    return response;
  };
  const operations = listOperations(spec.data);
  const uses: ResponseUse[] = [];
  for (const operation of operations) {
    const path = ['paths', operation.path, operation.method, 'responses'];
    const responses = mappingAt(spec.data, path) ?? {};
    const explicit = new Set(Object.keys(responses).filter((k) => /^[45]\d\d$/.test(k)).map(Number));
    for (const [key, value] of Object.entries(responses)) {
      const read_ = statusOfKey(key);
      if (!read_ || (options.owned && read_.guessed)) continue;
      if (read_.guessed && explicit.has(read_.status)) continue;
      if (options.owned) {
        const ref = isMapping(value) ? value['$ref'] : undefined;
        const name = typeof ref === 'string' ? ref.slice(ref.lastIndexOf('/') + 1) : undefined;
        if (name === undefined || options.owned(name) === undefined) continue;
      } else if (read_.guessed) {
        ctx.report('import-status-guess', `\`${key}\` responses are read as ${read_.status}: a catalog answers errors with a status. Give the operation an explicit status to import it as another.`, [...path, key]);
      }
      const response = read(value, [...path, key], read_.status);
      if (response) uses.push({ operation, status: read_.status, response });
    }
  }
  // errcat's own response components document their status even when no operation uses them.
  if (options.owned) {
    const section = spec.version === '2.0' ? ['responses'] : ['components', 'responses'];
    for (const [name, value] of Object.entries(mappingAt(spec.data, section) ?? {})) {
      const status = options.owned(name);
      if (status !== undefined) read(value, [...section, name], status);
    }
  }
  return { uses, responses: [...byPath.values()], operations };
}

function readResponse(ctx: ImportContext, response: SpecMapping, path: SpecPath, status: number, component: string | undefined): ErrorResponse {
  const result: ErrorResponse = { status, path, response, headers: [], examples: [], ...(component !== undefined ? { component } : {}) };
  if (typeof response['description'] === 'string') result.description = response['description'];
  const headers = response['headers'];
  if (isMapping(headers)) {
    for (const [name, value] of Object.entries(headers)) result.headers.push({ name, value, path: [...path, 'headers', name] });
  }
  if (ctx.spec.version === '2.0') {
    if (response['schema'] !== undefined) {
      const produces = ctx.spec.data['produces'];
      result.contentType = Array.isArray(produces) ? (produces.find((t): t is string => typeof t === 'string' && JSON_TYPES.some((re) => re.test(t))) ?? 'application/json') : 'application/json';
      result.body = { value: response['schema'], path: [...path, 'schema'] };
    }
    // 2.0 holds one example per media type; errcat keeps all of its own, named, in `x-errcat-examples`.
    const named = response['x-errcat-examples'];
    const examples = response['examples'];
    if (isMapping(named)) {
      for (const [name, value] of Object.entries(named)) result.examples.push({ name, value, path: [...path, 'x-errcat-examples', name] });
    } else if (isMapping(examples)) {
      for (const [type, value] of Object.entries(examples)) if (/json/i.test(type)) result.examples.push({ value, path: [...path, 'examples', type] });
    }
    return result;
  }
  const content = response['content'];
  if (!isMapping(content)) return result;
  const types = Object.keys(content);
  const type = JSON_TYPES.map((re) => types.find((t) => re.test(t))).find((t) => t !== undefined);
  if (type === undefined) return result;
  const media = content[type];
  if (!isMapping(media)) return result;
  const at = [...path, 'content', type];
  result.contentType = type === '*/*' ? 'application/json' : type.toLowerCase();
  if (media['schema'] !== undefined) result.body = { value: media['schema'], path: [...at, 'schema'] };
  if (media['example'] !== undefined) result.examples.push({ value: media['example'], path: [...at, 'example'] });
  const examples = media['examples'];
  if (isMapping(examples)) {
    for (const [name, value] of Object.entries(examples)) {
      const followed = ctx.spec.follow(value, [...at, 'examples', name]);
      if (!isMapping(followed.value) || followed.value['value'] === undefined) continue;
      const summary = followed.value['summary'];
      result.examples.push({ name, ...(typeof summary === 'string' ? { summary } : {}), value: followed.value['value'], path: [...followed.path, 'value'] });
    }
  }
  return result;
}
