import { StructureKind, type FunctionDeclarationStructure, type StatementStructures } from 'ts-morph';

/**
 * Types and helpers every generated file carries: no runtime dependencies, safe on hostile
 * input (own properties only, no prototype lookups), for browsers and Node alike.
 */
export function runtimeTypes(): StatementStructures[] {
  return [
    {
      kind: StructureKind.TypeAlias,
      name: 'HeadersLike',
      isExported: true,
      docs: ['Response headers: a fetch `Headers`, or a plain record such as Node\'s `IncomingHttpHeaders`.'],
      type: '{ get(name: string): string | null } | { readonly [name: string]: string | readonly string[] | undefined }',
    },
    {
      kind: StructureKind.Interface,
      name: 'BackoffPolicy',
      isExported: true,
      docs: ['Exponential backoff: `baseDelayMs × factor^(attempt − 1)`, capped at `maxDelayMs`, randomised by `jitter`.'],
      properties: [
        { name: 'strategy', type: '"backoff"', isReadonly: true },
        { name: 'maxAttempts', type: 'number', isReadonly: true, docs: ['Attempts in all, the first included.'] },
        { name: 'baseDelayMs', type: 'number', isReadonly: true },
        { name: 'factor', type: 'number', isReadonly: true },
        { name: 'maxDelayMs', type: 'number', isReadonly: true },
        { name: 'jitter', type: '"none" | "full" | "equal"', isReadonly: true },
      ],
    },
    {
      kind: StructureKind.TypeAlias,
      name: 'RetryPolicy',
      isExported: true,
      docs: ['How to retry an error: never; with backoff; or after the delay the server gives in a header (seconds or an HTTP-date) or a body field (seconds), else with the fallback backoff.'],
      type: '{ readonly strategy: "never" } | BackoffPolicy | { readonly strategy: "retry-after"; readonly header?: string; readonly field?: string; readonly maxAttempts: number; readonly fallback: BackoffPolicy }',
    },
    {
      kind: StructureKind.Interface,
      name: 'ErrorMeta',
      isExported: true,
      docs: ['What the catalog says about one code.'],
      properties: [
        { name: 'code', type: 'ErrorCode', isReadonly: true },
        { name: 'name', type: 'string', isReadonly: true, docs: ['The TypeScript name, without suffix.'] },
        { name: 'statuses', type: 'readonly number[]', isReadonly: true },
        { name: 'title', type: 'string', isReadonly: true },
        { name: 'description', type: 'string', isReadonly: true, hasQuestionToken: true },
        { name: 'fix', type: 'string', isReadonly: true, hasQuestionToken: true, docs: ['What the client should do.'] },
        { name: 'docUrl', type: 'string', isReadonly: true, hasQuestionToken: true },
        { name: 'retry', type: 'RetryPolicy', isReadonly: true },
        { name: 'headers', type: 'readonly string[]', isReadonly: true },
        { name: 'deprecated', type: 'boolean', isReadonly: true },
        { name: 'replacedBy', type: 'string', isReadonly: true, hasQuestionToken: true },
      ],
    },
    {
      kind: StructureKind.Interface,
      name: 'StatusMeta',
      isExported: true,
      docs: ['What the catalog says about one HTTP status.'],
      properties: [
        { name: 'title', type: 'string', isReadonly: true },
        { name: 'codes', type: 'readonly ErrorCode[]', isReadonly: true },
        { name: 'retry', type: 'RetryPolicy', isReadonly: true },
        { name: 'headers', type: 'readonly string[]', isReadonly: true },
      ],
    },
  ];
}

const OPTIONAL_HELPERS = ['onlyKeys', 'codePoints', 'deepEqual', 'firstItem'];

function helper(name: string, parameters: [string, string][], returnType: string, statements: string[], doc: string): FunctionDeclarationStructure {
  return { kind: StructureKind.Function, name, parameters: parameters.map(([n, type]) => ({ name: n, type })), returnType, statements, docs: [doc] };
}

/** The helpers every file uses, then the optional ones the guards asked for. */
export function runtimeHelpers(optional: ReadonlySet<string>): StatementStructures[] {
  const all: FunctionDeclarationStructure[] = [
    helper('isRecord', [['value', 'unknown']], 'value is Record<string, unknown>', ['return typeof value === "object" && value !== null && !Array.isArray(value);'], 'A plain JSON object (not an array, not null).'),
    helper('hasOwn', [['value', 'object'], ['key', 'string']], 'boolean', ['return Object.prototype.hasOwnProperty.call(value, key);'], 'An own property: inherited keys such as `constructor` or `__proto__` never count.'),
    helper('own', [['value', 'unknown'], ['key', 'string']], 'unknown', ['return isRecord(value) && hasOwn(value, key) ? value[key] : undefined;'], 'Reads an own property, or undefined.'),
    helper('onlyKeys', [['value', 'object'], ['allowed', 'readonly string[]']], 'boolean', ['return Object.keys(value).every((key) => allowed.includes(key));'], 'No properties besides the allowed ones.'),
    helper('codePoints', [['value', 'string']], 'number', ['return Array.from(value).length;'], 'String length in code points, as JSON Schema counts it.'),
    helper('firstItem', [['value', 'unknown']], 'unknown', ['return Array.isArray(value) ? (value[0] as unknown) : undefined;'], 'The first item of an array, or undefined.'),
    helper(
      'deepEqual',
      [['a', 'unknown'], ['b', 'unknown']],
      'boolean',
      [
        'if (a === b) return true;',
        'if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));',
        'if (isRecord(a) && isRecord(b)) {',
        '  const keys = Object.keys(a);',
        '  return keys.length === Object.keys(b).length && keys.every((key) => hasOwn(b, key) && deepEqual(a[key], b[key]));',
        '}',
        'return false;',
      ],
      'JSON equality.',
    ),
    helper(
      'readHeader',
      [['headers', 'HeadersLike | undefined'], ['name', 'string']],
      'string | undefined',
      [
        'if (headers === undefined || headers === null) return undefined;',
        'try {',
        '  if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(name: string): string | null }).get(name) ?? undefined;',
        '  const wanted = name.toLowerCase();',
        '  for (const key of Object.keys(headers)) {',
        '    if (key.toLowerCase() !== wanted) continue;',
        '    const value: unknown = (headers as Record<string, unknown>)[key];',
        '    if (typeof value === "string") return value;',
        '    if (Array.isArray(value) && typeof value[0] === "string") return value[0];',
        '  }',
        '} catch {',
        '  return undefined;',
        '}',
        'return undefined;',
      ],
      'A header value, case-insensitively, from a fetch `Headers` or a plain record; never throws.',
    ),
  ];
  return all.filter((f) => !OPTIONAL_HELPERS.includes(f.name ?? '') || optional.has(f.name ?? ''));
}
