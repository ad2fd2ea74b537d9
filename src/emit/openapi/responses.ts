import type { Catalog, Header, JsonValue, ResponseHeader, StatusInfo } from '../../model/catalog.js';
import { entryOf } from '../../model/values.js';
import { statusExtensions } from './extensions.js';
import type { ComponentNames } from './names.js';

export interface NamedExample {
  key: string;
  summary?: string;
  /** What the entry says for this status in particular. */
  description?: string;
  value: JsonValue;
  headers: Readonly<Record<string, string>>;
}

/** The examples of one status response, one or more per entry, in catalog order. */
export function statusExamples(catalog: Catalog, names: ComponentNames, info: StatusInfo): NamedExample[] {
  if (info.statusOnly) {
    return info.examples.map((e) => ({ key: names.statusExample(info.status), summary: info.title, value: e.body, headers: e.headers }));
  }
  const result: NamedExample[] = [];
  const seen = new Set<string>();
  for (const code of info.codes) {
    const entry = entryOf(catalog, code);
    const response = entry?.responses.find((r) => r.status === info.status);
    if (!entry || !response) continue;
    for (const example of response.examples) {
      let key = names.example(entry, example.name);
      for (let i = 2; seen.has(key); i++) key = `${names.example(entry, example.name)}_${i}`;
      seen.add(key);
      const summary = example.summary ?? response.title;
      // What the entry says for this status in particular; the rest is on its schema.
      const particular = (own: string | undefined, shared: string | undefined) => (own !== shared ? own : undefined);
      const fix = particular(response.fix, entry.fix);
      const description = [particular(response.description, entry.description), fix === undefined ? undefined : `Fix: ${fix}`].filter((s) => s !== undefined).join('\n\n');
      result.push({ key, summary, ...(description !== '' ? { description } : {}), value: example.body, headers: example.headers });
    }
  }
  return result;
}

export function responseDescription(info: StatusInfo): string {
  return info.description ?? `${info.title}.`;
}

export function headerComponent(header: Header): Record<string, unknown> {
  const component: Record<string, unknown> = {};
  if (header.description !== undefined) component['description'] = header.description;
  if (header.required) component['required'] = true;
  const schema: Record<string, unknown> = { type: header.type };
  if (header.format !== undefined) schema['format'] = header.format;
  component['schema'] = schema;
  if (header.example !== undefined) component['example'] = header.example;
  return component;
}

/**
 * The codes a header carries at a status, when it carries one: an `echo` of a level, or a level
 * that sits in the header itself (without a pattern, which would make it part of the value).
 */
export function headerCodes(catalog: Catalog, info: StatusInfo, header: Header): (string | number)[] | undefined {
  const level =
    header.echo ??
    catalog.envelope.levels.find((l) => l.at.source === 'header' && l.at.pattern === undefined && l.at.header.toLowerCase() === header.name.toLowerCase())?.name;
  if (level === undefined) return undefined;
  const values = info.codes.map((code) => entryOf(catalog, code)?.pins[level]).filter((v) => v !== undefined);
  return values.length > 0 ? [...new Set(values)] : undefined;
}

/** A response's header: the shared component, or inline where this status says more (not always sent, its codes). */
function responseHeader(catalog: Catalog, names: ComponentNames, info: StatusInfo, use: ResponseHeader): [string, unknown] {
  const header = catalog.headers.find((h) => h.name === use.name) as Header;
  const codes = headerCodes(catalog, info, header);
  if (use.required === header.required && codes === undefined) return [header.name, names.headerRef(names.header(header.name))];
  const inline = headerComponent({ ...header, required: use.required });
  if (codes !== undefined) inline['schema'] = { ...(inline['schema'] as object), enum: codes.map(String) };
  return [header.name, inline];
}

/** A status's response (3.x): description, headers, content with schema and named examples. */
export function statusResponse(catalog: Catalog, names: ComponentNames, info: StatusInfo, schemaName: string): Record<string, unknown> {
  const response: Record<string, unknown> = { description: responseDescription(info) };
  if (info.headers.length > 0) response['headers'] = Object.fromEntries(info.headers.map((use) => responseHeader(catalog, names, info, use)));
  const examples = statusExamples(catalog, names, info);
  response['content'] = {
    [catalog.envelope.contentType]: {
      schema: names.schemaRef(schemaName),
      examples: Object.fromEntries(examples.map((e) => [e.key, names.exampleRef(e.key)])),
    },
  };
  Object.assign(response, statusExtensions(info));
  return response;
}

/** Response components (3.x), one per status. */
export function responseComponents(catalog: Catalog, names: ComponentNames, bodySchemaName: (info: StatusInfo) => string): Record<string, unknown> {
  return Object.fromEntries(catalog.statuses.map((info) => [names.response(info.status), statusResponse(catalog, names, info, bodySchemaName(info))]));
}

export function exampleComponents(catalog: Catalog, names: ComponentNames): Record<string, unknown> {
  const examples: Record<string, unknown> = {};
  for (const info of catalog.statuses) {
    for (const e of statusExamples(catalog, names, info)) {
      examples[e.key] = { ...(e.summary !== undefined ? { summary: e.summary } : {}), ...(e.description !== undefined ? { description: e.description } : {}), value: e.value };
    }
  }
  return examples;
}
