import type { Catalog, Entry, Field, FieldShape, Header, Origin } from '../../model/catalog.js';
import { describeCondition } from '../../model/conditions.js';
import { describeLocator } from '../../model/locators.js';
import { DEFAULT_BACKOFF, describeRetry } from '../../model/retry.js';
import { entryOf } from '../../model/values.js';
import { anchor } from './markdown.js';

/** Everything the templates show, as plain data: the templates decide layout, never facts. */
export interface DocsView {
  title: string;
  version: string;
  description?: string;
  docsUrl?: string;
  envelope: {
    kind: string;
    summary: string;
    contentType: string;
    /** The code's location, when there is exactly one level: where it is, and the pattern that takes it out of a longer value. */
    code?: string;
    codePattern?: string;
    codeType?: string;
    /** Errors sent under 2xx are told apart by this property and value. */
    errorWhen?: { field: string; value: string };
    levels: { name: string; at: string; type: string; optional: boolean }[];
    message?: string;
    /** A documented body, as a reader meets one. */
    example?: string;
  };
  fields: FieldView[];
  itemCodes: ItemCodesView[];
  /** The named types fields refer to: what they are, and their properties. */
  types: { name: string; anchor: string; type: string; description?: string; fields: FieldView[] }[];
  headers: { name: string; type: string; description?: string; everyError: boolean }[];
  /** One row per entry and status (a codeless entry has no code on the wire: `code` is absent, `link` still leads to it). */
  rows: { status: number; code?: string; link?: string; meaning: string; fix?: string }[];
  entries: EntryView[];
  statusOnly: { status: number; title: string; description?: string; fix?: string; retry: string }[];
  retry: { scope: string; policy: string }[];
  /** errcat's policy for a 5xx status no default covers. */
  fallbackRetry: string;
  codeless: boolean;
  /** When codes have pages of their own: the folder they are in, relative to the reference. */
  pages?: string;
}

export interface FieldView {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

/** The documented codes of an item-code field (GitHub's `errors[].code`). */
export interface ItemCodesView {
  field: string;
  extensible: boolean;
  codes: { value: string; description?: string }[];
}

export interface EntryView {
  code: string;
  anchor: string;
  /** The page of this code, relative to the reference, when codes have pages. */
  page?: string;
  name: string;
  title?: string;
  description?: string;
  fix?: string;
  statuses: string;
  /** The level the code sits at and the codes it refines, with several levels. */
  level?: string;
  parent?: string;
  /** Where the parent's section or page is. */
  parentLink?: string;
  when?: string;
  /** What differs at a status, when the entry says something particular there. */
  perStatus: { status: number; title?: string; description?: string; fix?: string }[];
  docUrl?: string;
  retry: string;
  headers: string[];
  deprecated?: string;
  since?: string;
  tags: string[];
  fields: FieldView[];
  itemCodes: ItemCodesView[];
  examples: { name: string; summary?: string; status: number; json: string; headers: { name: string; value: string }[] }[];
}

const ENVELOPES: Record<string, string> = {
  flat: 'Every error body is a single object.',
  wrapped: 'Every error body wraps one error object under a single key.',
  problem: 'Every error body is an RFC 9457 problem details object.',
  list: 'Every error body holds a list of error objects under a single key.',
  array: 'Every error body is a list of error objects.',
  codeless: 'Every error body is a single object with no code: the HTTP status tells errors apart.',
};

const VALUE_WORDS: Partial<Record<Field['value']['kind'], string>> = {
  status: 'The HTTP status of the response.',
  code: "The error's code.",
  title: "The error's title.",
  docUrl: "The error's documentation page.",
  template: 'Built from the error.',
  'per-entry': 'Set per code.',
};

/** A shape's type in words: `string`, `InnerError`, `string | object`, `string[]`, with `| null` when nullable. */
function shapeType(shape: FieldShape): string {
  const item = (items: FieldShape) => {
    const text = shapeType(items);
    return text.includes(' | ') ? `(${text})[]` : `${text}[]`;
  };
  const base = shape.ref ?? (shape.oneOf ? shape.oneOf.map(shapeType).join(' | ') : shape.type === 'array' && shape.items ? item(shape.items) : (shape.type ?? 'any'));
  return shape.nullable ? `${base} | null` : base;
}

/** A field's row: its own description, else what its computed value is — never both saying the same. */
function fieldView(field: Field): FieldView {
  const only = field.enum?.length === 1 ? field.enum[0] : undefined;
  const constant = field.value.kind === 'const' ? field.value.value : only;
  const description = field.description ?? (constant !== undefined ? `Always \`${JSON.stringify(constant)}\`.` : (VALUE_WORDS[field.value.kind] ?? ''));
  return { name: field.name, type: shapeType(field), required: field.required, description };
}

/** Every field with documented codes, at any depth (`errors[].code`). */
function itemCodes(fields: readonly FieldShape[] & readonly { name: string }[], catalog: Catalog): ItemCodesView[] {
  const found: ItemCodesView[] = [];
  const seen = new Set<string>();
  const visit = (shape: FieldShape, path: string) => {
    if (shape.codes) found.push({ field: path, extensible: shape.extensible ?? false, codes: shape.codes.map((c) => ({ value: String(c.value), ...(c.description !== undefined ? { description: c.description } : {}) })) });
    if (shape.ref !== undefined && !seen.has(shape.ref)) {
      seen.add(shape.ref);
      const type = catalog.types.find((t) => t.name === shape.ref);
      if (type) visit(type.shape, path);
    }
    for (const member of shape.oneOf ?? []) visit(member, path);
    if (shape.items) visit(shape.items, `${path}[]`);
    for (const property of shape.properties ?? []) visit(property, `${path}.${property.name}`);
  };
  for (const field of fields) visit(field, field.name);
  return found;
}

/** An entry's policy; per status when its statuses differ. */
function retryText(entry: Entry): string {
  const texts = entry.responses.map((r) => [r.status, describeRetry(r.retry)] as const);
  const [first] = texts;
  if (!first || texts.every(([, t]) => t === first[1])) return first?.[1] ?? 'never';
  return texts.map(([status, text]) => `${status}: ${text}`).join('; ');
}

/** The order of the overview table: by status, then catalog order; an entry comes where it first appears. */
function tableOrder(catalog: Catalog): Entry[] {
  // A set keeps the order (insertion) and finds an entry already placed in constant time.
  const order = new Set<Entry>();
  for (const info of catalog.statuses) {
    for (const code of info.codes) {
      const entry = entryOf(catalog, code);
      if (entry) order.add(entry);
    }
  }
  return [...order];
}

const isDerived = (origin: Origin, derived: boolean) => derived || !('path' in origin);

/** Each entry's section anchor, unique even when codes differ only in case (`BadRequest`, `badRequest`). */
function anchors(catalog: Catalog): Map<Entry, string> {
  const taken = new Set<string>();
  const result = new Map<Entry, string>();
  for (const entry of catalog.entries) {
    const base = anchor(String(entry.code));
    let id = base;
    for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
    taken.add(id);
    result.set(entry, id);
  }
  return result;
}

const anchorCache = new WeakMap<Catalog, Map<Entry, string>>();

/** The anchor of an entry's section. */
function anchorOf(catalog: Catalog, entry: Entry): string {
  let map = anchorCache.get(catalog);
  if (!map) anchorCache.set(catalog, (map = anchors(catalog)));
  return map.get(entry) ?? anchor(String(entry.code));
}

export function docsView(catalog: Catalog, options: { pages?: string } = {}): DocsView {
  const { envelope } = catalog;
  const [onlyLevel, ...otherLevels] = envelope.levels;
  const ordered = tableOrder(catalog);
  const pageOf = (entry: Entry) => (options.pages === undefined ? undefined : `${options.pages}/${pageName(catalog, entry)}`);
  const written = ordered.flatMap((e) => e.responses.flatMap((r) => r.examples)).find((x) => !isDerived(x.origin, x.derived));
  const example = written ?? ordered[0]?.responses[0]?.examples[0] ?? catalog.statuses[0]?.examples[0];
  const view: DocsView = {
    title: catalog.info.title,
    version: catalog.info.version,
    envelope: {
      kind: envelope.kind,
      summary: ENVELOPES[envelope.kind] ?? '',
      contentType: envelope.contentType,
      ...(onlyLevel && otherLevels.length === 0
        ? { code: describeLocator(onlyLevel.at, { pattern: false }), codeType: onlyLevel.type, ...(onlyLevel.at.pattern !== undefined ? { codePattern: onlyLevel.at.pattern } : {}) }
        : {}),
      ...(envelope.errorWhen ? { errorWhen: { field: envelope.errorWhen.name, value: JSON.stringify(envelope.errorWhen.value) } } : {}),
      levels: envelope.levels.map((l) => ({ name: l.name, at: describeLocator(l.at), type: l.type, optional: l.optional })),
      ...(envelope.message ? { message: envelope.message.name } : {}),
      ...(example ? { example: JSON.stringify(example.body, null, 2) } : {}),
    },
    fields: catalog.fields.map(fieldView),
    itemCodes: itemCodes(catalog.fields, catalog),
    types: catalog.types.map((t) => ({
      name: t.name,
      anchor: `type-${anchor(t.name)}`,
      type: t.shape.oneOf ? shapeType(t.shape) : (t.shape.type ?? 'any'),
      ...(t.shape.description !== undefined ? { description: t.shape.description } : {}),
      fields: (t.shape.properties ?? []).map(fieldView),
    })),
    headers: catalog.headers.map((h: Header) => ({ name: h.name, type: h.type, everyError: h.everyError, ...(h.description !== undefined ? { description: h.description } : {}) })),
    rows: catalog.statuses.flatMap((info) =>
      info.statusOnly
        ? [{ status: info.status, meaning: info.description ?? info.title, ...(info.fix !== undefined ? { fix: info.fix } : {}) }]
        : info.codes.map((code) => {
            const entry = entryOf(catalog, code) as Entry;
            const response = entry.responses.find((r) => r.status === info.status);
            const meaning = response?.title ?? entry.title ?? entry.description ?? info.title;
            const fix = response?.fix ?? entry.fix;
            const link = pageOf(entry) ?? `#${anchorOf(catalog, entry)}`;
            // In a catalog with codes, a codeless entry has no code to show; in a codeless one, its name is what readers know it by.
            const named = entry.level !== undefined || envelope.levels.length === 0;
            return { status: info.status, ...(named ? { code: String(code) } : {}), link, meaning, ...(fix !== undefined ? { fix } : {}) };
          }),
    ),
    entries: ordered.map((entry) => entryView(catalog, entry, pageOf(entry))),
    statusOnly: catalog.statuses
      .filter((s) => s.statusOnly)
      .map((s) => ({ status: s.status, title: s.title, ...(s.description !== undefined ? { description: s.description } : {}), ...(s.fix !== undefined ? { fix: s.fix } : {}), retry: describeRetry(s.retry) })),
    retry: Object.entries(catalog.retryDefaults).map(([scope, policy]) => ({ scope, policy: describeRetry(policy) })),
    fallbackRetry: describeRetry(DEFAULT_BACKOFF),
    codeless: envelope.levels.length === 0,
  };
  if (catalog.info.description !== undefined) view.description = catalog.info.description;
  if (catalog.info.docsUrl !== undefined) view.docsUrl = catalog.info.docsUrl;
  if (options.pages !== undefined) view.pages = options.pages;
  return view;
}

/** The file name of an entry's page: its anchor, unique in the catalog. */
export function pageName(catalog: Catalog, entry: Entry): string {
  return `${anchorOf(catalog, entry)}.md`;
}

export function entryView(catalog: Catalog, entry: Entry, page?: string): EntryView {
  const whens = [...new Set(entry.responses.filter((r) => r.when.length > 0).map((r) => `${entry.responses.length > 1 ? `HTTP ${r.status}: ` : ''}${r.when.map(describeCondition).join(', or ')}`))];
  const parent = entry.parent === undefined ? undefined : entryOf(catalog, entry.parent);
  const view: EntryView = {
    code: String(entry.code),
    anchor: anchorOf(catalog, entry),
    name: entry.name,
    statuses: entry.statuses.join(', '),
    retry: retryText(entry),
    headers: [...entry.headers],
    tags: [...entry.tags],
    fields: entry.fields.map(fieldView),
    itemCodes: itemCodes(entry.fields, catalog),
    perStatus: entry.responses.flatMap((r) => {
      const differs = <T>(own: T | undefined, shared: T | undefined) => (own !== undefined && own !== shared ? own : undefined);
      const title = 'path' in r.origins.title && r.origins.title.path.includes('status') ? differs(r.title, entry.title) : undefined;
      const description = differs(r.description, entry.description);
      const fix = differs(r.fix, entry.fix);
      return title === undefined && description === undefined && fix === undefined ? [] : [{ status: r.status, ...(title !== undefined ? { title } : {}), ...(description !== undefined ? { description } : {}), ...(fix !== undefined ? { fix } : {}) }];
    }),
    examples: entry.responses
      .flatMap((response) =>
        response.examples.map((x) => ({ name: x.name, status: response.status, json: JSON.stringify(x.body, null, 2), headers: Object.entries(x.headers).map(([name, value]) => ({ name, value })), ...(x.summary !== undefined ? { summary: x.summary } : {}) })),
      )
      // The same body under two statuses is shown once.
      .filter((x, i, all) => all.findIndex((y) => y.json === x.json) === i),
  };
  if (page !== undefined) view.page = page;
  if (entry.title !== undefined) view.title = entry.title;
  if (entry.description !== undefined) view.description = entry.description;
  if (entry.fix !== undefined) view.fix = entry.fix;
  if (catalog.envelope.levels.length > 1 && entry.level !== undefined) view.level = entry.level;
  if (parent) {
    view.parent = String(parent.code);
    view.parentLink = page === undefined ? `#${anchorOf(catalog, parent)}` : pageName(catalog, parent);
  }
  if (whens.length > 0) view.when = whens.join('; ');
  if (entry.docUrl !== undefined) view.docUrl = entry.docUrl;
  if (entry.since !== undefined) view.since = entry.since;
  if (entry.deprecated) view.deprecated = [entry.deprecated.message, entry.deprecated.replacedBy === undefined ? undefined : `Use ${entry.deprecated.replacedBy} instead.`].filter((s) => s !== undefined).join(' ') || 'Deprecated.';
  return view;
}
