import type { Catalog, Entry, FieldShape, Header, JsonValue } from '../../model/catalog.js';
import { ErrorSchemas } from '../../model/error-schema.js';
import { wrapBody } from '../../model/examples.js';
import { describeLocator } from '../../model/locators.js';
import { defineOwn } from '../../model/own.js';
import { entryOf } from '../../model/values.js';
import { DEFAULT_BACKOFF, describeRetry } from '../../model/retry.js';
import { anchor } from './markdown.js';

/** Everything the templates show, as plain data: the templates decide layout, never facts. */
export interface DocsView {
  title: string;
  version: string;
  description?: string;
  docsUrl?: string;
  envelope: { kind: string; summary: string; contentType: string; code?: string; codeType?: string; levels: { name: string; at: string; type: string; optional: boolean }[]; message?: string; shape: string };
  fields: { name: string; type: string; required: boolean; description?: string; value: string }[];
  headers: { name: string; type: string; description?: string; everyError: boolean }[];
  rows: { status: number; code?: string; anchor?: string; meaning: string; fix?: string }[];
  entries: EntryView[];
  statusOnly: { status: number; title: string; description?: string; fix?: string; retry: string }[];
  retry: { scope: string; policy: string }[];
  /** errcat's policy for a 5xx status no default covers. */
  fallbackRetry: string;
  codeless: boolean;
}

export interface EntryView {
  code: string;
  anchor: string;
  name: string;
  title?: string;
  description?: string;
  fix?: string;
  statuses: string;
  docUrl?: string;
  retry: string;
  headers: string[];
  deprecated?: string;
  since?: string;
  tags: string[];
  fields: { name: string; type: string; required: boolean; description?: string }[];
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

function fieldType(schema: Record<string, unknown>): string {
  if (typeof schema['x-type'] === 'string') return schema['x-type'];
  if ('const' in schema) return JSON.stringify(schema['const']);
  const type = schema['type'];
  if (Array.isArray(schema['oneOf'])) return (schema['oneOf'] as Record<string, unknown>[]).map(fieldType).join(' | ');
  return Array.isArray(type) ? type.join(' | ') : String(type ?? 'any');
}

function valueText(kind: string): string {
  const words: Record<string, string> = { free: '', status: 'the HTTP status', code: 'the code', title: "the error's title", docUrl: "the error's doc url", template: 'built from a template', const: 'a constant', 'per-entry': 'set per code' };
  return words[kind] ?? '';
}

export function docsView(catalog: Catalog): DocsView {
  const { envelope } = catalog;
  const [onlyLevel, ...otherLevels] = envelope.levels;
  const codeField = onlyLevel && otherLevels.length === 0 ? describeLocator(onlyLevel.at) : undefined;
  const shapeObject: Record<string, JsonValue> = {};
  const schemas = new ErrorSchemas(catalog, (name) => ({ 'x-type': name }));
  const sample = schemas.errorObject()['properties'] as Record<string, Record<string, unknown>>;
  for (const [name, schema] of Object.entries(sample)) defineOwn(shapeObject, name, fieldType(schema));
  const shape = wrapBody(catalog, shapeObject);
  const view: DocsView = {
    title: catalog.info.title,
    version: catalog.info.version,
    envelope: {
      kind: envelope.kind,
      summary: ENVELOPES[envelope.kind] ?? '',
      contentType: envelope.contentType,
      ...(codeField !== undefined ? { code: codeField, codeType: onlyLevel?.type ?? 'string' } : {}),
      levels: envelope.levels.map((l) => ({ name: l.name, at: describeLocator(l.at), type: l.type, optional: l.optional })),
      ...(envelope.message ? { message: envelope.message.name } : {}),
      shape: JSON.stringify(shape, null, 2),
    },
    fields: catalog.fields.map((f) => ({ name: f.name, type: shapeType(f), required: f.required, ...(f.description !== undefined ? { description: f.description } : {}), value: valueText(f.value.kind) })),
    headers: catalog.headers.map((h: Header) => ({ name: h.name, type: h.type, everyError: h.everyError, ...(h.description !== undefined ? { description: h.description } : {}) })),
    rows: catalog.statuses.flatMap((info) =>
      info.statusOnly
        ? [{ status: info.status, meaning: info.description ?? info.title, ...(info.fix !== undefined ? { fix: info.fix } : {}) }]
        : info.codes.map((code) => {
            const entry = entryOf(catalog, code) as Entry;
            const meaning = entry.title ?? entry.description ?? info.title;
            return { status: info.status, code: String(code), anchor: anchor(String(code)), meaning, ...(entry.fix !== undefined ? { fix: entry.fix } : {}) };
          }),
    ),
    entries: catalog.entries.map((entry) => entryView(catalog, entry)),
    statusOnly: catalog.statuses
      .filter((s) => s.statusOnly)
      .map((s) => ({ status: s.status, title: s.title, ...(s.description !== undefined ? { description: s.description } : {}), ...(s.fix !== undefined ? { fix: s.fix } : {}), retry: describeRetry(s.retry) })),
    retry: Object.entries(catalog.retryDefaults).map(([scope, policy]) => ({ scope, policy: describeRetry(policy) })),
    fallbackRetry: describeRetry(DEFAULT_BACKOFF),
    codeless: envelope.levels.length === 0,
  };
  if (catalog.info.description !== undefined) view.description = catalog.info.description;
  if (catalog.info.docsUrl !== undefined) view.docsUrl = catalog.info.docsUrl;
  return view;
}

function entryView(catalog: Catalog, entry: Entry): EntryView {
  const view: EntryView = {
    code: String(entry.code),
    anchor: anchor(String(entry.code)),
    name: entry.name,
    statuses: entry.statuses.join(', '),
    retry: retryText(entry),
    headers: [...entry.headers],
    tags: [...entry.tags],
    fields: entry.fields.map((f) => ({ name: f.name, type: shapeType(f), required: f.required, ...(f.description !== undefined ? { description: f.description } : {}) })),
    examples: entry.responses.flatMap((response) =>
      response.examples.map((x) => ({ name: x.name, status: response.status, json: JSON.stringify(x.body, null, 2), headers: Object.entries(x.headers).map(([name, value]) => ({ name, value })), ...(x.summary !== undefined ? { summary: x.summary } : {}) })),
    // The same body under two statuses is shown once.
    ).filter((x, i, all) => all.findIndex((y) => y.json === x.json) === i),
  };
  if (entry.title !== undefined) view.title = entry.title;
  if (entry.description !== undefined) view.description = entry.description;
  if (entry.fix !== undefined) view.fix = entry.fix;
  if (entry.docUrl !== undefined) view.docUrl = entry.docUrl;
  if (entry.since !== undefined) view.since = entry.since;
  if (entry.deprecated) view.deprecated = [entry.deprecated.message, entry.deprecated.replacedBy === undefined ? undefined : `Use ${entry.deprecated.replacedBy} instead.`].filter((s) => s !== undefined).join(' ') || 'Deprecated.';
  return view;
}

/** A shape's type in words: `string`, `InnerError`, `string | object`, with `| null` when nullable. */
function shapeType(shape: FieldShape): string {
  const base = shape.ref ?? (shape.oneOf ? shape.oneOf.map(shapeType).join(' | ') : (shape.type ?? 'any'));
  return shape.nullable ? `${base} | null` : base;
}

/** An entry's policy; per status when its statuses differ. */
function retryText(entry: Entry): string {
  const texts = entry.responses.map((r) => [r.status, describeRetry(r.retry)] as const);
  const [first] = texts;
  if (!first || texts.every(([, t]) => t === first[1])) return first?.[1] ?? 'never';
  return texts.map(([status, text]) => `${status}: ${text}`).join('; ');
}
