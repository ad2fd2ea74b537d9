import type { Catalog, StatusInfo } from '../../model/catalog.js';
import type { JsonSchema } from '../../model/error-schema.js';
import { hasBodyWrapper, pascalWords } from '../../model/names.js';
import { entryOf } from '../../model/values.js';
import { degradeUnion, swaggerResponse } from './document.js';
import { toOpenApi30, toSwagger20 } from './downgrade.js';
import type { ComponentNames, OpenApiVersion } from './names.js';
import { statusResponse } from './responses.js';
import { componentSchemas, union } from './schemas.js';

/** A part of a status's codes that some operation answers with, and the name that tells it apart. */
export interface StatusSubset {
  status: number;
  codes: readonly (string | number)[];
  /** Put between `Status404` and `Response`: `NotFound`, `InvalidRequestOrBudgetExceeded`, `ExceptBadRequest`, `ForCreateCustomer`. */
  name: string;
}

/** How many codes a subset's name lists before it names the complement, or the first operation, instead. */
const LISTED = 3;

/**
 * The name of a subset of a status's codes: the codes' names when there are few
 * (`InvalidRequestOrBudgetExceeded`), else the few left out (`ExceptBadRequest`), else the first
 * operation that answers with it (`ForCreateCustomer`). Deterministic for a catalog and a spec.
 */
export function subsetName(catalog: Catalog, info: StatusInfo, codes: readonly (string | number)[], firstOperation: string): string {
  const named = (list: readonly (string | number)[], joint: string) => list.map((code) => entryOf(catalog, code)?.name ?? pascalWords(String(code))).join(joint);
  if (codes.length <= LISTED) return named(codes, 'Or');
  const left = info.codes.filter((code) => !codes.includes(code));
  if (left.length <= LISTED) return `Except${named(left, 'And')}`;
  return `For${pascalWords(firstOperation.replace(/([a-z0-9])([A-Z])/g, '$1 $2'))}`;
}

/** The status's facts as a subset of its codes says them: those codes, and the headers their responses send. */
export function subsetInfo(catalog: Catalog, info: StatusInfo, codes: readonly (string | number)[]): StatusInfo {
  const responses = codes.flatMap((code) => entryOf(catalog, code)?.responses.filter((r) => r.status === info.status) ?? []);
  const headers = info.headers
    .filter((h) => catalog.headers.find((x) => x.name === h.name)?.everyError || responses.some((r) => r.headers.some((x) => x.name === h.name)))
    .map((h) => ({ name: h.name, required: responses.length > 0 && responses.every((r) => r.headers.some((x) => x.name === h.name && x.required)) }));
  return { ...info, codes: [...codes], headers, statusOnly: false };
}

/**
 * The components of subset responses, by section (`schemas`/`responses` for 3.x,
 * `definitions`/`responses` for 2.0): per subset its union (of two codes or more), its body (for
 * envelopes around the error object) and its response, whose examples are the status's own.
 */
export function subsetComponents(catalog: Catalog, names: ComponentNames, version: OpenApiVersion, subsets: readonly StatusSubset[]): Record<string, Record<string, unknown>> {
  const schemas: Record<string, JsonSchema> = {};
  const responses: Record<string, unknown> = {};
  const build = componentSchemas(catalog, names);
  const downgrade = (schema: JsonSchema) => (version === '3.0' ? toOpenApi30(schema) : version === '2.0' ? toSwagger20(schema) : schema);
  for (const subset of subsets) {
    const info = catalog.statuses.find((s) => s.status === subset.status);
    if (!info) continue;
    const [only] = subset.codes;
    const single = subset.codes.length === 1 && only !== undefined ? entryOf(catalog, only) : undefined;
    let schemaName = single ? names.entry(single) : names.statusUnion(subset.status, subset.name);
    if (!single) {
      const schema: JsonSchema = { description: `The errors answered with HTTP ${subset.status} that the operations referencing it return.`, ...union(catalog, names, subset.codes) };
      schemas[schemaName] = version === '2.0' && ('oneOf' in schema || 'anyOf' in schema) ? toSwagger20(degradeUnion(catalog, names, schema)) : downgrade(schema);
    }
    if (hasBodyWrapper(catalog.envelope)) {
      const body = names.statusBody(subset.status, subset.name);
      schemas[body] = downgrade({ description: `The body of an HTTP ${subset.status} error response of these codes.`, ...build.body(names.schemaRef(schemaName)) });
      schemaName = body;
    }
    const view = subsetInfo(catalog, info, subset.codes);
    responses[names.response(subset.status, subset.name)] = version === '2.0' ? swaggerResponse(catalog, names, view, schemaName) : statusResponse(catalog, names, view, schemaName);
  }
  return { [version === '2.0' ? 'definitions' : 'schemas']: schemas, responses };
}

/** The schema a subset's response carries: its body, its union, or its one code's error object. */
export function subsetSchemaName(catalog: Catalog, names: ComponentNames, subset: StatusSubset): string {
  if (hasBodyWrapper(catalog.envelope)) return names.statusBody(subset.status, subset.name);
  const [only] = subset.codes;
  const single = subset.codes.length === 1 && only !== undefined ? entryOf(catalog, only) : undefined;
  return single ? names.entry(single) : names.statusUnion(subset.status, subset.name);
}
