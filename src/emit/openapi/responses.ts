import { entryOf } from '../../model/values.js';
import type { Catalog, Header, JsonValue, StatusInfo } from '../../model/catalog.js';
import { examplesForStatus, sampleHeaders, statusOnlyExample } from '../../model/examples.js';
import { statusExtensions } from './extensions.js';
import type { ComponentNames } from './names.js';

export interface NamedExample {
  key: string;
  summary?: string;
  value: JsonValue;
  headers: Readonly<Record<string, string>>;
}

/** The examples of one status response, one or more per code, in catalog order. */
export function statusExamples(catalog: Catalog, names: ComponentNames, info: StatusInfo): NamedExample[] {
  if (info.statusOnly) {
    return [{ key: names.statusExample(info.status), summary: info.title, value: statusOnlyExample(catalog, info.status), headers: sampleHeaders(catalog.headers, info.headers) }];
  }
  const result: NamedExample[] = [];
  const seen = new Set<string>();
  for (const code of info.codes) {
    const entry = entryOf(catalog, code);
    if (!entry) continue;
    for (const example of examplesForStatus(catalog, entry, info.status)) {
      let key = names.example(entry, example.name);
      for (let i = 2; seen.has(key); i++) key = `${names.example(entry, example.name)}_${i}`;
      seen.add(key);
      const summary = example.summary ?? entry.title;
      result.push({ key, ...(summary !== undefined ? { summary } : {}), value: example.body, headers: example.headers });
    }
  }
  return result;
}

/** Headers sent with a status: every header of its codes, and those declared on the status. */
export function statusHeaders(catalog: Catalog, info: StatusInfo): Header[] {
  const names = new Set<string>(info.headers);
  for (const code of info.codes) {
    for (const name of entryOf(catalog, code)?.headers ?? []) names.add(name);
  }
  // Catalog order, so output does not depend on which code named a header first.
  return catalog.headers.filter((h) => names.has(h.name));
}

/** Whether every code at the status sends the header (so a `required` header stays required). */
export function headerAlwaysSent(catalog: Catalog, info: StatusInfo, header: Header): boolean {
  if (header.everyError || info.headers.includes(header.name)) return header.required;
  return header.required && info.codes.every((code) => entryOf(catalog, code)?.headers.includes(header.name));
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

/** Response components (3.x): description, headers, content with schema and named examples. */
export function responseComponents(catalog: Catalog, names: ComponentNames, bodySchemaName: (info: StatusInfo) => string): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const info of catalog.statuses) {
    const response: Record<string, unknown> = { description: responseDescription(info) };
    const headers = statusHeaders(catalog, info);
    if (headers.length > 0) {
      response['headers'] = Object.fromEntries(
        headers.map((h) => {
          // A header component says `required` once; where it is not always sent, inline it.
          const always = headerAlwaysSent(catalog, info, h);
          return [h.name, always === h.required ? names.headerRef(names.header(h.name)) : headerComponent({ ...h, required: always })];
        }),
      );
    }
    const examples = statusExamples(catalog, names, info);
    response['content'] = {
      [catalog.envelope.contentType]: {
        schema: names.schemaRef(bodySchemaName(info)),
        examples: Object.fromEntries(examples.map((e) => [e.key, names.exampleRef(e.key)])),
      },
    };
    Object.assign(response, statusExtensions(info));
    responses[names.response(info.status)] = response;
  }
  return responses;
}

export function exampleComponents(catalog: Catalog, names: ComponentNames): Record<string, unknown> {
  const examples: Record<string, unknown> = {};
  for (const info of catalog.statuses) {
    for (const e of statusExamples(catalog, names, info)) {
      examples[e.key] = { ...(e.summary !== undefined ? { summary: e.summary } : {}), value: e.value };
    }
  }
  return examples;
}
