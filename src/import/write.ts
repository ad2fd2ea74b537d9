import { Document, isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { PathSegment } from '../model/catalog.js';

/** Key order in each kind of mapping, as the bundled catalogs write them; other keys follow in their own order. */
const ORDERS: Record<string, readonly string[]> = {
  catalog: ['errcat', 'info', 'naming', 'docUrl', 'envelope', 'types', 'fields', 'headers', 'retry', 'statuses', 'errors', 'operations'],
  info: ['title', 'version', 'description', 'docsUrl'],
  envelope: ['kind', 'key', 'contentType', 'levels', 'defaultLevel', 'message', 'errorWhen', 'additionalProperties'],
  level: ['name', 'field', 'in', 'where', 'chain', 'header', 'pattern', 'type', 'optional', 'style', 'description'],
  field: ['type', 'nullable', 'required', 'description', 'format', 'enum', 'codes', 'extensible', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'items', 'properties', 'additionalProperties', 'oneOf', 'discriminator', 'ref', 'value', 'default', 'example'],
  header: ['description', 'type', 'format', 'required', 'everyError', 'echo', 'example'],
  status: ['title', 'description', 'fix', 'retry', 'headers'],
  entry: ['status', 'level', 'value', 'parent', 'codeless', 'when', 'name', 'title', 'description', 'fix', 'docUrl', 'fields', 'values', 'headers', 'retry', 'examples', 'deprecated', 'replacedBy', 'since', 'tags'],
  rule: ['match', 'exclude', 'errors', 'statuses', 'replace'],
};

/** Which order applies to the mapping at a path of the catalog. */
function orderAt(path: readonly PathSegment[]): readonly string[] | undefined {
  const [head, second] = path;
  if (path.length === 0) return ORDERS['catalog'];
  if (path.length === 1) return head === 'info' ? ORDERS['info'] : head === 'envelope' ? ORDERS['envelope'] : undefined;
  if (head === 'envelope' && second === 'levels' && path.length === 3) return ORDERS['level'];
  if (head === 'headers' && path.length === 2) return ORDERS['header'];
  if (head === 'statuses' && path.length === 2) return ORDERS['status'];
  if (head === 'errors' && path.length === 2) return ORDERS['entry'];
  if (head === 'operations' && path.length === 2) return ORDERS['rule'];
  if (head === 'fields' || head === 'types' || path.includes('fields') || path.includes('properties')) return ORDERS['field'];
  return undefined;
}

/** Whether a collection reads best on one line: a list of scalars, or a small mapping of scalars (a selector, a policy, a condition). */
function flowStyle(node: Node): boolean {
  if (isSeq(node)) return node.items.every((i) => isScalar(i)) && node.items.length > 0;
  if (isMap(node)) return node.items.length > 0 && node.items.length <= 4 && node.items.every((p) => isPair(p) && isScalar(p.value) && String((p.value as { value: unknown }).value).length < 40);
  return false;
}

/** Reorders a mapping's pairs by a key order, recursively, and picks flow style for small collections. */
function arrange(node: unknown, path: PathSegment[], flowUnder: (path: readonly PathSegment[]) => boolean): void {
  if (isMap(node)) {
    const order = orderAt(path);
    if (order) {
      const rank = (p: Pair) => {
        const i = order.indexOf(String((p.key as { value: unknown }).value));
        return i === -1 ? order.length : i;
      };
      const items = [...(node as YAMLMap).items];
      (node as YAMLMap).items = items.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i).map(({ p }) => p);
    }
    for (const pair of (node as YAMLMap).items) arrange(pair.value, [...path, String((pair.key as { value: unknown }).value)], flowUnder);
    if (flowUnder(path) && flowStyle(node)) (node as YAMLMap).flow = true;
    return;
  }
  if (isSeq(node)) {
    node.items.forEach((item, i) => arrange(item, [...path, i], flowUnder));
    if (flowStyle(node)) node.flow = true;
  }
}

/**
 * Writes a catalog as YAML for people to read and edit: keys in the bundled catalogs' order,
 * small lists and mappings on one line, and a comment above each place import guessed.
 */
export function writeCatalogYaml(catalog: Record<string, unknown>, comments: ReadonlyMap<string, readonly string[]>, header: readonly string[]): string {
  const doc = new Document(catalog);
  // One-line mappings where they read like the bundled catalogs: selectors, policies, conditions, level places.
  const flowUnder = (path: readonly PathSegment[]) => {
    const last = path[path.length - 1];
    return last === 'match' || last === 'exclude' || last === 'retry' || last === 'where' || last === 'when' || last === 'fallback' || last === 'shouldRetry' || path[0] === 'retry' || (path.includes('when') && typeof last === 'number') || (path[0] === 'statuses' && path.length === 2) || last === 'message' || last === 'errorWhen';
  };
  arrange(doc.contents, [], flowUnder);
  for (const [where, lines] of comments) {
    const key = pairAt(doc.contents, JSON.parse(where) as PathSegment[])?.key;
    if (isScalar(key)) key.commentBefore = lines.map((l) => ` ${l.replace(/[\r\n]+/g, ' ')}`).join('\n');
  }
  doc.commentBefore = header.map((l) => ` ${l.replace(/[\r\n]+/g, ' ')}`).join('\n');
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** The pair whose key is the last segment of a path (a mapping key; list items have none). */
function pairAt(root: unknown, path: readonly PathSegment[]): Pair | undefined {
  let node: unknown = root;
  let found: Pair | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      found = (node as YAMLMap).items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      node = found?.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      found = undefined;
      node = node.items[segment];
    } else return undefined;
    if (node === undefined) return undefined;
  }
  return found;
}
