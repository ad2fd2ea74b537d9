import { basename } from 'node:path';
import { defineOwn } from '../model/own.js';
import type { RawField, RawOperationRule } from '../normalize/raw.js';
import type { ImportContext } from './context.js';
import type { ImportedEntry, ImportModel } from './model.js';
import { writeCatalogYaml } from './write.js';

export interface RenderOptions {
  /** Every top-level field optional: what phase 1 loads. */
  relaxed?: boolean;
  examples?: boolean;
}

/** The catalog text for a model, in the bundled catalogs' key order. */
export function render(ctx: ImportContext, file: string, model: ImportModel, rules: readonly RawOperationRule[], options: RenderOptions): string {
  const relax = (fields: Record<string, RawField> | undefined) => {
    if (!fields || !options.relaxed) return fields;
    const result: Record<string, RawField> = {};
    for (const [name, field] of Object.entries(fields)) {
      const { required: _required, ...rest } = field;
      defineOwn(result, name, rest);
    }
    return result;
  };
  const catalog: Record<string, unknown> = { errcat: 2, info: model.info };
  const naming = Object.fromEntries(Object.entries(model.naming).filter(([, v]) => v !== undefined && v !== ''));
  if (Object.keys(naming).length > 0) catalog['naming'] = naming;
  if (model.docUrl !== undefined) catalog['docUrl'] = model.docUrl;
  catalog['envelope'] = model.envelope;
  if (Object.keys(model.types).length > 0) catalog['types'] = model.types;
  if (Object.keys(model.fields).length > 0) catalog['fields'] = relax(model.fields);
  if (Object.keys(model.headers).length > 0) catalog['headers'] = model.headers;
  if (Object.keys(model.retry).length > 0) catalog['retry'] = new Map(Object.entries(model.retry).map(([k, v]) => [/^\d+$/.test(k) ? Number(k) : k, v]));
  const statuses = Object.entries(model.statuses).sort(([a], [b]) => Number(a) - Number(b));
  if (statuses.length > 0) catalog['statuses'] = new Map(statuses.map(([k, v]) => [Number(k), v]));
  catalog['errors'] = new Map(
    model.entries.map((entry) => {
      const raw: Record<string, unknown> = { ...entry.raw };
      if (options.relaxed) raw['fields'] = relax(entry.raw.fields);
      if (raw['fields'] === undefined) delete raw['fields'];
      if (options.examples && entry.examples.length > 0) raw['examples'] = entry.examples.map(exampleData(entry));
      return [entry.key, raw];
    }),
  );
  if (rules.length > 0) catalog['operations'] = rules;
  const header = ['yaml-language-server: $schema=node_modules/errcat/schema/catalog.schema.json', '', `Imported by \`errcat import\` from ${basename(file)}. Comments mark what import guessed: check them.`];
  return writeCatalogYaml(catalog, ctx.comments, header);
}

/** An example as the catalog writes it: its name, summary, status (when not the entry's first) and body. */
export function exampleData(entry: ImportedEntry) {
  const firstStatus = typeof entry.raw.status === 'number' ? entry.raw.status : Array.isArray(entry.raw.status) ? entry.raw.status[0] : Number(Object.keys(entry.raw.status)[0]);
  return (example: ImportedEntry['examples'][number]) => {
    const data: Record<string, unknown> = {};
    if (example.name !== undefined) data['name'] = example.name;
    if (example.summary !== undefined) data['summary'] = example.summary;
    if (example.status !== firstStatus) data['status'] = example.status;
    data['body'] = example.body;
    return data;
  };
}

