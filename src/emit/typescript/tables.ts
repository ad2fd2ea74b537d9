import type { StatementStructures } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from './ts-morph.js';
import type { Catalog, Entry, FieldShape, JsonValue } from '../../model/catalog.js';
import { isPinnable, locatorData } from '../../model/locators.js';
import { DEFAULT_BACKOFF, retryData } from '../../model/retry.js';
import { DOCUMENTED_ERROR, ERROR_SHAPE, guardOf } from '../../model/names.js';
import type { EmitContext } from './context.js';
import { declaration, type Statement } from './layout.js';
import { jsDoc } from './jsdoc.js';
import { jsonRows, valueLiteral } from './literals.js';

/** Entries with conditions first, then catalog order: a conditional entry is the more specific one. */
function conditionalFirst(entries: readonly Entry[]): Entry[] {
  const conditional = (e: Entry) => e.responses.some((r) => r.when.length > 0);
  return [...entries.filter(conditional), ...entries.filter((e) => !conditional(e))];
}

function codes(entries: readonly Entry[]): string {
  return `[${entries.map((e) => valueLiteral(e.code)).join(', ')}]`;
}

/** Per level: wire value → the entries at that level with that value. */
function byValue(catalog: Catalog): string {
  const maps = catalog.envelope.levels.map((level) => {
    const groups = new Map<string | number, Entry[]>();
    for (const entry of catalog.entries) {
      if (entry.level !== level.name || entry.value === undefined) continue;
      groups.set(entry.value, [...(groups.get(entry.value) ?? []), entry]);
    }
    // JSON: a literal of thousands of pairs would cost every client's type check.
    const pairs: JsonValue[] = [...groups].map(([value, entries]) => [value, conditionalFirst(entries).map((e) => e.code)]);
    return `\n  new Map<unknown, readonly WireValue[]>(${jsonRows(pairs).replace(/\n/g, '\n  ')}),`;
  });
  return `[${maps.join('')}\n]`;
}

/** Status → the codeless entries answered with it. */
function codeless(catalog: Catalog): string {
  const pairs = catalog.statuses.flatMap((info) => {
    const entries = catalog.entries.filter((e) => e.level === undefined && e.statuses.includes(info.status));
    return entries.length === 0 ? [] : [`[${info.status}, ${codes(conditionalFirst(entries))}]`];
  });
  return `new Map<number, readonly WireValue[]>([${pairs.join(', ')}])`;
}

/** The map of where item codes sit (see `CodeSite`), as data: node 0 is the error object. */
function codeSites(catalog: Catalog): JsonValue[] {
  const types = new Map(catalog.types.map((t) => [t.name, t.shape]));
  // The named types that lead to a code, found to a fixpoint (types may refer to each other).
  const leading = new Set<string>();
  const leads = (shape: FieldShape): boolean =>
    shape.codes !== undefined ||
    (shape.ref !== undefined && leading.has(shape.ref)) ||
    (shape.items !== undefined && leads(shape.items)) ||
    (shape.properties ?? []).some(leads) ||
    (typeof shape.additionalProperties === 'object' && leads(shape.additionalProperties)) ||
    (shape.oneOf ?? []).some(leads);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, shape] of types) {
      if (!leading.has(name) && leads(shape)) {
        leading.add(name);
        grew = true;
      }
    }
  }
  const sites: Record<string, JsonValue>[] = [];
  const typeSites = new Map<string, number>();
  const reserve = () => sites.push({}) - 1;
  const siteOf = (shape: FieldShape): number | undefined => {
    if (!leads(shape)) return undefined;
    if (shape.ref !== undefined) return typeSite(shape.ref);
    const index = reserve();
    sites[index] = bodyOf(shape);
    return index;
  };
  const typeSite = (name: string): number => {
    const known = typeSites.get(name);
    if (known !== undefined) return known;
    const index = reserve();
    typeSites.set(name, index);
    const shape = types.get(name) as FieldShape;
    sites[index] = bodyOf(shape.ref === undefined ? shape : { nullable: false, oneOf: [shape] });
    return index;
  };
  const bodyOf = (shape: FieldShape): Record<string, JsonValue> => {
    const site: Record<string, JsonValue> = {};
    if (shape.codes !== undefined) site['codes'] = true;
    const properties = (shape.properties ?? []).flatMap((p) => {
      const index = siteOf(p);
      return index === undefined ? [] : [[p.name, index]];
    });
    if (properties.length > 0) site['properties'] = properties;
    const items = shape.items && siteOf(shape.items);
    if (items !== undefined) site['items'] = items;
    const values = typeof shape.additionalProperties === 'object' ? siteOf(shape.additionalProperties) : undefined;
    if (values !== undefined) site['values'] = values;
    const also = (shape.oneOf ?? []).map(siteOf).filter((i) => i !== undefined);
    if (also.length > 0) site['also'] = also;
    return site;
  };
  const fields = [...catalog.fields, ...catalog.entries.flatMap((e) => e.fields)];
  if (!fields.some(leads)) return [];
  const root = reserve();
  sites[root] = bodyOf({ nullable: false, type: 'object', properties: fields });
  return sites;
}

/** `TABLES`: everything the runtime reads, as data, typed `ErrorTables`. */
export function tablesDeclaration(ctx: EmitContext): Statement {
  const { catalog } = ctx;
  const { envelope } = catalog;
  const envelopeRow: Record<string, JsonValue> = { kind: envelope.kind };
  if (envelope.key !== undefined) envelopeRow['key'] = envelope.key;
  if (envelope.message !== undefined) envelopeRow['message'] = envelope.message.name;
  if (envelope.errorWhen !== undefined) envelopeRow['errorWhen'] = { name: envelope.errorWhen.name, value: envelope.errorWhen.value };
  const levels = envelope.levels.map((level) => ({
    name: level.name,
    at: locatorData(level.at),
    type: level.type,
    echoes: catalog.headers.filter((h) => h.echo === level.name).map((h) => h.name),
  }));
  const unindexed = catalog.entries.filter((e) => {
    const level = envelope.levels.find((l) => l.name === e.level);
    return level === undefined || !isPinnable(level.at);
  });
  const sites = codeSites(catalog).map((site) => valueLiteral(site));
  const members = [
    `envelope: ${valueLiteral(envelopeRow).slice(0, -2)}, contentType: CONTENT_TYPE }`,
    `levels: [${levels.map((l) => `\n  ${valueLiteral(l)},`).join('')}\n]`,
    'entries: META',
    'guards: GUARDS',
    `byValue: ${byValue(catalog)}`,
    `unindexed: ${codes(unindexed)}`,
    `codeless: ${codeless(catalog)}`,
    sites.length === 0 ? 'itemCodes: []' : `itemCodes: [${sites.map((site, i) => `\n  /* ${i} */ ${site},`).join('')}\n]`,
    `sharedShape: ${guardOf(ERROR_SHAPE)}`,
    'statuses: STATUSES',
    'retryDefaults: RETRY_DEFAULTS',
    `defaultBackoff: ${valueLiteral(retryData(DEFAULT_BACKOFF))}`,
  ];
  return declaration(
    jsDoc(`Everything the classifier, \`${guardOf(DOCUMENTED_ERROR)}\` and the retry helpers read, as data.`),
    `const TABLES: ErrorTables = {\n${members.map((m) => `  ${m.replace(/\n/g, '\n  ')},`).join('\n')}\n};`,
  );
}
