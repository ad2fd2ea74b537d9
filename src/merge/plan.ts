import type { Catalog } from '../model/catalog.js';
import { openApiComponents, openApiDocument, type OpenApiVersion } from '../emit/openapi/index.js';
import { bodySchemaName } from '../emit/openapi/document.js';
import { ComponentNames } from '../emit/openapi/names.js';
import { policyAt, speakeasyErrors, speakeasyRetries, type SdkOptions } from '../emit/openapi/sdk.js';
import { subsetComponents, subsetName, subsetSchemaName, type StatusSubset } from '../emit/openapi/subsets.js';
import { attachedStatuses, listOperations, matchingRules, operationKey, rulesStatuses, type AttachedStatus, type SpecOperation } from './operations.js';
import { ownValue } from '../model/own.js';
import { isMapping, mappingAt } from './spec-data.js';

/** One change to a mapping of the spec: set a key (insert or replace), or delete it. */
export type Edit = { kind: 'set'; path: readonly string[]; key: string; value: unknown } | { kind: 'delete'; path: readonly string[]; key: string };

/** What errcat owns in a spec, recorded under the root `x-errcat` key, per catalog title. */
export interface Ownership {
  [section: string]: string[];
}

export const REGISTRY_KEY = 'x-errcat';

/**
 * What the merge does at one status of one operation: add a reference to errcat's response (or
 * update one to another name), find it already there, keep or replace a response of the spec's
 * own, or remove a reference the catalog no longer attaches.
 */
export interface ResponseDecision {
  method: string;
  path: string;
  status: string;
  /** `joined`: an error sent under 2xx joined the success body; `skipped`: there was no success body to join. */
  outcome: 'added' | 'unchanged' | 'kept' | 'replaced' | 'removed' | 'joined' | 'skipped';
}

/** How much a merge changed, for its summary line and callers of the API. */
export interface MergeCounts {
  /** Operations that reference errcat's responses after the merge, or lost one. */
  operations: number;
  /** References to errcat's responses added (or pointed at a renamed response). */
  added: number;
  /** Responses of the spec's own left where errcat would have answered (rules without `replace`). */
  kept: number;
  /** Responses of the spec's own replaced by errcat's (rules with `replace: true`). */
  replaced: number;
  /** References removed, because the catalog no longer attaches that status. */
  removed: number;
}

export interface MergePlan {
  edits: Edit[];
  /** Components the spec already has under a name errcat wants, not errcat's own. */
  conflicts: { path: readonly string[]; key: string }[];
  /** Per operation and status, what happens to its response. */
  responses: ResponseDecision[];
  /** Where the spec holds something other than the mapping errcat must edit, or a malformed record of its own. */
  misshapen: { path: readonly string[]; message: string }[];
}

export function countDecisions(decisions: readonly ResponseDecision[]): MergeCounts {
  const count = (outcome: ResponseDecision['outcome']) => decisions.filter((d) => d.outcome === outcome).length;
  const touched = new Set(decisions.filter((d) => d.outcome !== 'kept' && d.outcome !== 'skipped').map((d) => `${d.method} ${d.path}`));
  return { operations: touched.size, added: count('added') + count('joined'), kept: count('kept'), replaced: count('replaced'), removed: count('removed') };
}

/** A note on a response of the spec's own: `kept GET /things/{id} 404: …` or `replaced …`. */
export function describeDecision(decision: ResponseDecision): string | undefined {
  const where = `${decision.method.toUpperCase()} ${decision.path} ${decision.status}`;
  if (decision.outcome === 'kept') return `kept ${where}: the spec already answers it (set replace: true on the rule to replace it)`;
  if (decision.outcome === 'replaced') return `replaced ${where} with errcat's response`;
  if (decision.outcome === 'skipped') return `skipped ${where}: errors come with this status, but the spec has no success body there to join them to`;
  return undefined;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}

/** The root `x-errcat` record: a mapping of catalog titles, each a mapping of sections to component names. */
function registryProblems(spec: Record<string, unknown>): MergePlan['misshapen'] {
  if (!Object.hasOwn(spec, REGISTRY_KEY)) return [];
  const registry = spec[REGISTRY_KEY];
  const fix = `it is errcat's record of what it added (catalog title → section → component names); restore it, or delete it and the components errcat added, then merge again`;
  if (!isMapping(registry)) return [{ path: [REGISTRY_KEY], message: `\`${REGISTRY_KEY}\` holds ${describe(registry)}, not a mapping; ${fix}.` }];
  const problems: MergePlan['misshapen'] = [];
  for (const [title, owned] of Object.entries(registry)) {
    if (!isMapping(owned)) {
      problems.push({ path: [REGISTRY_KEY, title], message: `\`${REGISTRY_KEY}.${title}\` holds ${describe(owned)}, not a mapping; ${fix}.` });
      continue;
    }
    for (const [section, names] of Object.entries(owned)) {
      if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) {
        problems.push({ path: [REGISTRY_KEY, title, section], message: `\`${REGISTRY_KEY}.${title}.${section}\` holds ${describe(names)}, not a list of component names; ${fix}.` });
      }
    }
  }
  return problems;
}

/** Each mapping an edit goes through that the spec has as something else: errcat would have to replace it. */
function shapeProblems(spec: Record<string, unknown>, edits: readonly Edit[]): MergePlan['misshapen'] {
  const problems = new Map<string, MergePlan['misshapen'][number]>();
  // The edits of one mapping share its path.
  const walked = new Set<readonly string[]>();
  for (const { path: editPath } of edits) {
    if (walked.has(editPath)) continue;
    walked.add(editPath);
    let node: unknown = spec;
    for (let i = 0; i < editPath.length; i++) {
      const key = editPath[i] as string;
      if (!isMapping(node) || !Object.hasOwn(node, key)) break;
      node = node[key];
      if (isMapping(node)) continue;
      const path = editPath.slice(0, i + 1);
      problems.set(JSON.stringify(path), {
        path,
        message: `\`${path.join('.')}\` holds ${describe(node)} where OpenAPI has a mapping, and errcat will not replace it; make it a mapping (or remove it), then merge again.`,
      });
      break;
    }
  }
  return [...problems.values()];
}

export function specVersion(spec: Record<string, unknown>): OpenApiVersion | undefined {
  if (spec['swagger'] === '2.0') return '2.0';
  const openapi = spec['openapi'];
  if (typeof openapi !== 'string') return undefined;
  if (openapi.startsWith('3.1')) return '3.1';
  if (openapi.startsWith('3.0')) return '3.0';
  return undefined;
}

function sections(catalog: Catalog, version: OpenApiVersion, subsets: readonly StatusSubset[], sdk: SdkOptions): Record<string, { path: readonly string[]; values: Record<string, unknown> }> {
  const extra = subsetComponents(catalog, new ComponentNames(catalog, version), version, subsets);
  const withSubsets = (section: string, values: Record<string, unknown>) => ({ ...values, ...(extra[section] ?? {}) });
  if (version === '2.0') {
    const doc = openApiDocument(catalog, '2.0', { extensibleCodes: sdk.extensibleCodes ?? false }) as { definitions: Record<string, unknown>; responses: Record<string, unknown> };
    return { definitions: { path: ['definitions'], values: withSubsets('definitions', doc.definitions) }, responses: { path: ['responses'], values: withSubsets('responses', doc.responses) } };
  }
  const components = openApiComponents(catalog, version, sdk) as Record<string, Record<string, unknown>>;
  return Object.fromEntries(Object.entries(components).map(([name, values]) => [name, { path: ['components', name], values: withSubsets(name, values) }]));
}

/**
 * The subsets of a status's codes that the spec's operations answer with, where an operation
 * gets some of that status's codes but not all: one per distinct set of codes, named by the
 * first operation (in document order) that needs it, keyed `status:codes`.
 */
export function operationSubsets(catalog: Catalog, operations: readonly SpecOperation[], attachedOf: (operation: SpecOperation) => readonly AttachedStatus[] = (operation) => attachedStatuses(catalog, operation)): Map<string, StatusSubset> {
  const subsets = new Map<string, StatusSubset>();
  for (const operation of operations) {
    for (const attached of attachedOf(operation)) {
      const info = catalog.statuses.find((s) => s.status === attached.status);
      if (!info || attached.codes.length === 0 || attached.codes.length === info.codes.length) continue;
      const key = subsetKey(attached.status, attached.codes);
      if (!subsets.has(key)) subsets.set(key, { status: attached.status, codes: attached.codes, name: subsetName(catalog, info, attached.codes, operationKey(operation)) });
    }
  }
  return subsets;
}

export const subsetKey = (status: number, codes: readonly (string | number)[]) => `${status}:${JSON.stringify(codes)}`;

/**
 * The edits that put a catalog's components into a spec and reference them from its
 * operations. Pure: the spec comes in as plain data, the edits go out, to be applied to YAML
 * text (spliced) or to JSON.
 */
export function planMerge(catalog: Catalog, spec: Record<string, unknown>, version: OpenApiVersion, sdk: SdkOptions = {}): MergePlan {
  const plan: MergePlan = { edits: [], conflicts: [], responses: [], misshapen: registryProblems(spec) };
  if (plan.misshapen.length > 0) return plan;
  const operations = listOperations(spec);
  // Each operation's statuses, worked out once for both uses, and once for all the operations the
  // same rules apply to (GitHub's spec has ~1,000 operations, and a catalog a few rules).
  const byRules = new Map<string, AttachedStatus[]>();
  const attached = new Map(
    operations.map((operation) => {
      const rules = matchingRules(catalog, operation);
      const key = rules.join(',');
      let statuses = byRules.get(key);
      if (!statuses) byRules.set(key, (statuses = rulesStatuses(catalog, rules)));
      return [operation, statuses];
    }),
  );
  const attachedOf = (operation: SpecOperation) => attached.get(operation) ?? [];
  const subsets = operationSubsets(catalog, operations, attachedOf);
  const registry = (mappingAt(spec, [REGISTRY_KEY]) ?? {}) as Record<string, Ownership>;
  const owned = recordedOwnership(spec, catalog.info.title);
  const next: Ownership = {};
  for (const [section, { path, values }] of Object.entries(sections(catalog, version, [...subsets.values()], sdk))) {
    const existing = mappingAt(spec, path) ?? {};
    const mine = new Set(ownValue(owned, section) ?? []);
    next[section] = Object.keys(values);
    for (const [name, value] of Object.entries(values)) {
      if (Object.hasOwn(existing, name) && !mine.has(name)) plan.conflicts.push({ path, key: name });
      else plan.edits.push({ kind: 'set', path, key: name, value });
    }
    for (const name of mine) if (!Object.hasOwn(values, name) && Object.hasOwn(existing, name)) plan.edits.push({ kind: 'delete', path, key: name });
  }
  // Operations: a response errcat owns is a $ref to one of its responses.
  const names = new ComponentNames(catalog, version);
  const ownedResponses = ownedResponseRefs(owned['responses'] ?? [], next['responses'] ?? [], version);
  const wrapped = new Set(owned['wrapped'] ?? []);
  next['wrapped'] = [];
  // Operation extensions errcat wrote (Speakeasy's), as `paths/<path>/<method>/<key>` pointers.
  const extensions = new Set(owned['extensions'] ?? []);
  next['extensions'] = [];
  for (const operation of operations) {
    const path = ['paths', operation.path, operation.method, 'responses'];
    const responses = mappingAt(spec, path) ?? {};
    const wanted = new Map(attachedOf(operation).map((a) => [String(a.status), a]));
    const decide = (status: string, outcome: ResponseDecision['outcome']) => plan.responses.push({ method: operation.method, path: operation.path, status, outcome });
    for (const [status, attached] of wanted) {
      const subset = subsets.get(subsetKey(attached.status, attached.codes));
      if (successStatus(attached.status)) {
        // An error sent under 2xx joins the success body there: `oneOf: [success, error]`.
        const info = catalog.statuses.find((s) => s.status === attached.status);
        const body = subset ? subsetSchemaName(catalog, names, subset) : info && bodySchemaName(catalog, names)(info);
        for (const place of wrapSuccess(names, spec, version, operation, attached.status, body, plan, next['wrapped'])) next['wrapped'].push(place);
        continue;
      }
      const ref = names.responseRef(names.response(attached.status, subset?.name));
      const current = ownValue(responses, status);
      const currentRef = typeof current === 'object' && current !== null ? (current as { $ref?: unknown }).$ref : undefined;
      const ours = typeof currentRef === 'string' && ownedResponses.has(currentRef);
      if (current !== undefined && !ours) {
        decide(status, attached.replace ? 'replaced' : 'kept');
        if (!attached.replace) continue;
      } else decide(status, ours && currentRef === ref.$ref ? 'unchanged' : 'added');
      plan.edits.push({ kind: 'set', path, key: status, value: ref });
    }
    if (sdk.speakeasy && wanted.size > 0) {
      const attached = [...wanted.values()];
      const values: Record<string, unknown> = { 'x-speakeasy-errors': speakeasyErrors(attached.map((a) => a.status)) };
      const retries = speakeasyRetries(attached.map((a) => ({ status: a.status, retry: policyAt(catalog, a.status, a.codes) })));
      if (retries !== undefined) values['x-speakeasy-retries'] = retries;
      for (const [key, value] of Object.entries(values)) {
        const place = pointer(['paths', operation.path, operation.method, key]);
        const current = mappingAt(spec, ['paths', operation.path, operation.method])?.[key];
        // An extension of the spec's own stays.
        if (current !== undefined && !extensions.has(place)) continue;
        plan.edits.push({ kind: 'set', path: ['paths', operation.path, operation.method], key, value });
        next['extensions'].push(place);
      }
    }
    for (const [status, current] of Object.entries(responses)) {
      const currentRef = typeof current === 'object' && current !== null ? (current as { $ref?: unknown }).$ref : undefined;
      if (!wanted.has(status) && typeof currentRef === 'string' && ownedResponses.has(currentRef)) {
        decide(status, 'removed');
        plan.edits.push({ kind: 'delete', path, key: status });
      }
    }
  }
  for (const place of wrapped) if (!next['wrapped'].includes(place)) unwrap(spec, place, plan);
  if (next['wrapped'].length === 0) delete next['wrapped'];
  for (const place of extensions) {
    if (next['extensions'].includes(place)) continue;
    const keys = keysOf(place);
    const key = keys.pop() as string;
    if (mappingAt(spec, keys)?.[key] !== undefined) plan.edits.push({ kind: 'delete', path: keys, key });
  }
  if (next['extensions'].length === 0) delete next['extensions'];
  plan.edits.push({ kind: 'set', path: [], key: REGISTRY_KEY, value: { ...registry, [catalog.info.title]: next } });
  plan.misshapen = shapeProblems(spec, plan.edits);
  return plan;
}

/** The `$ref`s of the responses errcat owns in a spec: those an earlier merge recorded, and those it writes now. */
export function ownedResponseRefs(recorded: readonly string[], written: readonly string[], version: OpenApiVersion): Set<string> {
  const prefix = version === '2.0' ? '#/responses/' : '#/components/responses/';
  return new Set([...recorded, ...written].map((n) => `${prefix}${n}`));
}

/** What a spec's registry records for a catalog title: the components an earlier merge wrote. */
export function recordedOwnership(spec: Record<string, unknown>, title: string): Ownership {
  const registry = (mappingAt(spec, [REGISTRY_KEY]) ?? {}) as Record<string, Ownership>;
  return Object.hasOwn(registry, title) ? (registry[title] as Ownership) : {};
}

const successStatus = (status: number) => status >= 200 && status <= 299;

/** A place in the spec as the registry records it: its keys joined as a JSON pointer. */
const pointer = (keys: readonly string[]) => keys.map((k) => k.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
const keysOf = (place: string) => place.split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));

/**
 * Where an operation's success response at a status keeps its body schemas: each JSON media
 * type's `schema` (3.x), or the response's `schema` (2.0); through a local `$ref` to a response
 * component, that component's.
 */
export function successSchemas(spec: Record<string, unknown>, version: OpenApiVersion, operation: SpecOperation, status: number): string[][] {
  let path = ['paths', operation.path, operation.method, 'responses', String(status)];
  let response = mappingAt(spec, path);
  const ref = response?.['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    path = keysOf(ref.slice(2));
    response = mappingAt(spec, path);
  }
  if (!response) return [];
  if (version === '2.0') return isMapping(response['schema']) ? [[...path, 'schema']] : [];
  const content = mappingAt(response, ['content']) ?? {};
  return Object.keys(content)
    .filter((type) => /json/i.test(type) && isMapping(mappingAt(content, [type])?.['schema']))
    .map((type) => [...path, 'content', type, 'schema']);
}

/** Joins the error body to each success schema not yet planned (`done`: a shared response component is joined once); returns the new places. */
function wrapSuccess(names: ComponentNames, spec: Record<string, unknown>, version: OpenApiVersion, operation: SpecOperation, status: number, body: string | undefined, plan: MergePlan, done: readonly string[]): string[] {
  const places = successSchemas(spec, version, operation, status);
  if (body === undefined || places.length === 0) {
    plan.responses.push({ method: operation.method, path: operation.path, status: String(status), outcome: 'skipped' });
    return [];
  }
  const ref = names.schemaRef(body);
  const fresh = places.filter((keys) => !done.includes(pointer(keys)));
  let joined = false;
  for (const keys of fresh) {
    const schema = mappingAt(spec, keys) as Record<string, unknown>;
    const members = schema['oneOf'];
    if (Array.isArray(members) && members.some((m) => isMapping(m) && m['$ref'] === ref.$ref)) continue;
    plan.edits.push({ kind: 'set', path: keys.slice(0, -1), key: 'schema', value: { oneOf: [schema, ref] } });
    joined = true;
  }
  plan.responses.push({ method: operation.method, path: operation.path, status: String(status), outcome: joined ? 'joined' : 'unchanged' });
  return fresh.map(pointer);
}

/** Takes errcat's error body back out of a success schema it was joined to. */
function unwrap(spec: Record<string, unknown>, place: string, plan: MergePlan): void {
  const keys = keysOf(place);
  const schema = mappingAt(spec, keys);
  const members = schema?.['oneOf'];
  if (!Array.isArray(members) || members.length !== 2 || !isMapping(members[0])) return;
  plan.edits.push({ kind: 'set', path: keys.slice(0, -1), key: keys[keys.length - 1] as string, value: members[0] });
}
