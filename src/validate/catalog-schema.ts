import type { ErrorObject, ValidateFunction } from 'ajv';
import { diagnostic, FILE_START, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { locate, type PathSegment, type SourceDocument } from '../parse/source-document.js';
import * as precompiled from './shape-validators.generated.js';
import { closest, didYouMean } from './suggest.js';

/** The JSON Schema of the catalog language, shipped in the package at `schema/catalog.schema.json`. */
export const CATALOG_SCHEMA_URL = new URL('../../schema/catalog.schema.json', import.meta.url);

/** The JSON Schema of the project config, shipped at `schema/config.schema.json`. */
export const CONFIG_SCHEMA_URL = new URL('../../schema/config.schema.json', import.meta.url);

/** The validators of both schemas, compiled at build time (schema/build-validators.mjs). */
function validator(url: URL): ValidateFunction {
  return (url.href === CONFIG_SCHEMA_URL.href ? precompiled.config : precompiled.catalog) as unknown as ValidateFunction;
}

/** Validates the plain value of a catalog against the catalog JSON Schema; every error located. */
export function validateCatalogShape(source: SourceDocument, value: unknown): Diagnostic[] {
  return validateShape(source, value, CATALOG_SCHEMA_URL);
}

/** What shape errors point into: a parsed document, or a file without positions (a config module, reported at 1:1). */
export type ShapeSource = SourceDocument | { file: string; document?: undefined };

/** Validates a parsed document against one of errcat's shipped JSON Schemas; every error located. */
export function validateShape(source: ShapeSource, value: unknown, schema: URL): Diagnostic[] {
  const validate = validator(schema);
  if (validate(value)) return [];
  const errors = dropTypoMisses(pruneAlternatives(validate.errors ?? []));
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const root = schema.href === CONFIG_SCHEMA_URL.href ? 'the config' : 'the catalog';
  for (const error of errors) {
    const d = toDiagnostic(source, error, root);
    const key = `${d.code}:${d.start.line}:${d.start.column}:${d.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      diagnostics.push(d);
    }
  }
  return diagnostics;
}

/**
 * ajv reports every failing branch of a `oneOf`. A branch that failed only because the value has
 * another JSON type is noise; what remains is what the user meant. When nothing remains, the
 * `oneOf` error itself says the value has the wrong type.
 */
function pruneAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  let result = errors.filter((e) => e.keyword !== 'if');
  for (const alternative of errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')) {
    const prefix = `${alternative.schemaPath}/`;
    const inBranch = result.filter((e) => e.schemaPath.startsWith(prefix));
    const mismatchedBranches = new Set(
      inBranch
        .filter((e) => e.instancePath === alternative.instancePath && (e.keyword === 'type' || (e.keyword === 'enum' && typeof e.data !== 'string') || (e.keyword === 'const' && typeof e.data !== typeof (e.params as { allowedValue?: unknown }).allowedValue)))
        .map((e) => e.schemaPath.slice(prefix.length).split('/')[0]),
    );
    const meaningful = inBranch.filter((e) => !mismatchedBranches.has(e.schemaPath.slice(prefix.length).split('/')[0]));
    result = result.filter((e) => !e.schemaPath.startsWith(prefix) || meaningful.includes(e));
    if (meaningful.length > 0) result = result.filter((e) => e !== alternative);
  }
  return result;
}

/**
 * A misspelt key (`statsu:`) is both an unknown key and a missing one; the unknown key's
 * did-you-mean says it all, so the missing-key error that the typo caused is dropped.
 */
function dropTypoMisses(errors: readonly ErrorObject[]): ErrorObject[] {
  const unknown = errors.filter((e) => e.keyword === 'additionalProperties');
  return errors.filter((e) => {
    if (e.keyword !== 'required') return true;
    const missing = String((e.params as { missingProperty?: unknown }).missingProperty);
    return !unknown.some((u) => u.instancePath === e.instancePath && closest(String((u.params as { additionalProperty?: unknown }).additionalProperty), [missing]) === missing);
  });
}

function pathOf(instancePath: string): PathSegment[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describePath(path: readonly PathSegment[], root: string): string {
  return path.length === 0 ? root : `\`${path.join('.')}\``;
}

function toDiagnostic(source: ShapeSource, error: ErrorObject, root: string): Diagnostic {
  const path = pathOf(error.instancePath);
  const where = (at: readonly PathSegment[]) => describePath(at, root);
  const at = (code: DiagnosticCode, message: string, target: readonly PathSegment[] = path, key = false) =>
    diagnostic(code, message, source.file, source.document ? locate(source, target, { key }) : FILE_START);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params['additionalProperty']);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const hint = didYouMean(name, allowed) || (allowed.length ? ` Allowed here: ${allowed.join(', ')}.` : '');
      return at('unknown-key', `Unknown key \`${name}\` in ${where(path)}.${hint}`, [...path, name], true);
    }
    case 'required': {
      const name = String(params['missingProperty']);
      return at('missing-key', `${where(path)} needs \`${name}\`; add it.`, path, true);
    }
    case 'type':
    case 'oneOf':
    case 'anyOf': {
      const expected = error.keyword === 'type' ? String(params['type']).replace(/,/g, ' or ') : describeAlternatives(error.schema);
      return at('wrong-type', `${where(path)} must be ${expected}, not ${describeValue(error.data)}.`);
    }
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      const hint = typeof error.data === 'string' ? didYouMean(error.data, allowed) : '';
      return at('invalid-value', `${where(path)} must be one of ${allowed.map((v) => `\`${v}\``).join(', ')}.${hint}`);
    }
    case 'propertyNames': {
      const name = String(params['propertyName']);
      return at('invalid-value', `\`${name}\` is not allowed as a key in ${where(path)}; ${propertyNamesHint(path)}.`, [...path, name], true);
    }
    case 'pattern':
      // propertyNames reports a pattern error too, on the same key; keep the clearer one above.
      return at('invalid-value', `${where(path)} must match ${String(params['pattern'])}; got ${describeValue(error.data)}.`);
    default:
      return at('invalid-value', `${where(path)} ${error.message ?? 'is invalid'}.`);
  }
}

function propertyNamesHint(path: readonly PathSegment[]): string {
  const last = path[path.length - 1];
  if (last === 'retry') return 'use a status such as `429`, a class such as `5xx`, or `default`';
  if (last === 'statuses') return 'use a three-digit HTTP status such as `405`';
  return 'rename it';
}

function describeAlternatives(schema: unknown): string {
  if (!Array.isArray(schema)) return 'a different value';
  const kinds = schema.map((branch: { type?: string; enum?: unknown[] }) =>
    branch.enum ? `one of ${branch.enum.map((v) => `\`${String(v)}\``).join(', ')}` : `a${branch.type === 'integer' || branch.type === 'array' || branch.type === 'object' ? 'n' : ''} ${branch.type ?? 'value'}`,
  );
  return kinds.join(' or ');
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 37) + '...' : value)}`;
  return `${typeof value} ${String(value)}`;
}
