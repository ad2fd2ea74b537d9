import type { Catalog } from '../model/catalog.js';
import { openApiComponents, openApiDocument, type OpenApiVersion } from '../emit/openapi/index.js';
import { ComponentNames } from '../emit/openapi/names.js';
import { ownValue } from '../model/own.js';
import { attachedStatuses, listOperations } from './operations.js';
import { isMapping, mappingAt } from './spec-data.js';

/** One change to a mapping of the spec: set a key (insert or replace), or delete it. */
export type Edit = { kind: 'set'; path: readonly string[]; key: string; value: unknown } | { kind: 'delete'; path: readonly string[]; key: string };

/** What errcat owns in a spec, recorded under the root `x-errcat` key, per catalog title. */
export interface Ownership {
  [section: string]: string[];
}

export const REGISTRY_KEY = 'x-errcat';

export interface MergePlan {
  edits: Edit[];
  /** Components the spec already has under a name errcat wants, not errcat's own. */
  conflicts: { path: readonly string[]; key: string }[];
  /** Notes on user responses kept or replaced. */
  notes: string[];
  /** Where the spec holds something other than the mapping errcat must edit, or a malformed record of its own. */
  misshapen: { path: readonly string[]; message: string }[];
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

function sections(catalog: Catalog, version: OpenApiVersion): Record<string, { path: readonly string[]; values: Record<string, unknown> }> {
  if (version === '2.0') {
    const doc = openApiDocument(catalog, '2.0') as { definitions: Record<string, unknown>; responses: Record<string, unknown> };
    return { definitions: { path: ['definitions'], values: doc.definitions }, responses: { path: ['responses'], values: doc.responses } };
  }
  const components = openApiComponents(catalog, version) as Record<string, Record<string, unknown>>;
  return Object.fromEntries(Object.entries(components).map(([name, values]) => [name, { path: ['components', name], values }]));
}

/**
 * The edits that put a catalog's components into a spec and reference them from its
 * operations. Pure: the spec comes in as plain data, the edits go out, to be applied to YAML
 * text (spliced) or to JSON.
 */
export function planMerge(catalog: Catalog, spec: Record<string, unknown>, version: OpenApiVersion): MergePlan {
  const plan: MergePlan = { edits: [], conflicts: [], notes: [], misshapen: registryProblems(spec) };
  if (plan.misshapen.length > 0) return plan;
  const registry = (mappingAt(spec, [REGISTRY_KEY]) ?? {}) as Record<string, Ownership>;
  const owned: Ownership = ownValue(registry, catalog.info.title) ?? {};
  const next: Ownership = {};
  for (const [section, { path, values }] of Object.entries(sections(catalog, version))) {
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
  const responsePrefix = version === '2.0' ? '#/responses/' : '#/components/responses/';
  const ownedResponses = new Set([...(ownValue(owned, 'responses') ?? []), ...(next['responses'] ?? [])].map((n) => `${responsePrefix}${n}`));
  for (const operation of listOperations(spec)) {
    const path = ['paths', operation.path, operation.method, 'responses'];
    const responses = mappingAt(spec, path) ?? {};
    const wanted = new Map(attachedStatuses(catalog, operation).map((a) => [String(a.status), a]));
    for (const [status, attached] of wanted) {
      const ref = names.responseRef(names.response(attached.status));
      const current = ownValue(responses, status);
      const currentRef = typeof current === 'object' && current !== null ? (current as { $ref?: unknown }).$ref : undefined;
      const ours = typeof currentRef === 'string' && ownedResponses.has(currentRef);
      if (current !== undefined && !ours) {
        if (!attached.replace) {
          plan.notes.push(`kept ${operation.method.toUpperCase()} ${operation.path} ${status}: the spec already answers it (set replace: true on the rule to replace it)`);
          continue;
        }
        plan.notes.push(`replaced ${operation.method.toUpperCase()} ${operation.path} ${status} with errcat's response`);
      }
      plan.edits.push({ kind: 'set', path, key: status, value: ref });
    }
    for (const [status, current] of Object.entries(responses)) {
      const currentRef = typeof current === 'object' && current !== null ? (current as { $ref?: unknown }).$ref : undefined;
      if (!wanted.has(status) && typeof currentRef === 'string' && ownedResponses.has(currentRef)) plan.edits.push({ kind: 'delete', path, key: status });
    }
  }
  plan.edits.push({ kind: 'set', path: [], key: REGISTRY_KEY, value: { ...registry, [catalog.info.title]: next } });
  plan.misshapen = shapeProblems(spec, plan.edits);
  return plan;
}
