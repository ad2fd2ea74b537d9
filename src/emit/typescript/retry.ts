import { StructureKind, VariableDeclarationKind, type StatementStructures } from 'ts-morph';
import { DEFAULT_BACKOFF, retryData } from '../../model/retry.js';
import { valueLiteral } from './literals.js';

/** Retry helpers: the policy of a status, whether to retry, and how long to wait. */
export function retryDeclarations(): StatementStructures[] {
  return [
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      docs: ["errcat's own default for a 5xx status neither the catalog nor its defaults name."],
      declarations: [{ name: 'DEFAULT_BACKOFF', type: 'BackoffPolicy', initializer: valueLiteral(retryData(DEFAULT_BACKOFF)) }],
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      docs: ["errcat's own default for a 4xx status neither the catalog nor its defaults name."],
      declarations: [{ name: 'NEVER', type: 'RetryPolicy', initializer: '{ strategy: "never" }' }],
    },
    {
      kind: StructureKind.Interface,
      name: 'RetryOptions',
      isExported: true,
      docs: ['Sources of randomness and time, replaceable in tests.'],
      properties: [
        { name: 'random', type: '() => number', hasQuestionToken: true, isReadonly: true, docs: ['A number in [0, 1); default `Math.random`.'] },
        { name: 'now', type: '() => number', hasQuestionToken: true, isReadonly: true, docs: ['Milliseconds since the epoch; default `Date.now`.'] },
      ],
    },
    {
      kind: StructureKind.Function,
      name: 'retryPolicyFor',
      isExported: true,
      parameters: [{ name: 'status', type: 'number' }],
      returnType: 'RetryPolicy',
      docs: ['The retry policy of an HTTP status: the catalog\'s for the status, else its default by status, class or `default`, else never for 4xx and backoff for 5xx.'],
      statements: [
        'const key = String(status);',
        'if (hasOwn(STATUSES, key)) return (STATUSES as Readonly<Record<string, StatusMeta>>)[key]?.retry ?? NEVER;',
        'const defaults: Readonly<Record<string, RetryPolicy>> = RETRY_DEFAULTS;',
        'for (const name of [key, `${Math.floor(status / 100)}xx`, "default"]) {',
        '  const policy = hasOwn(defaults, name) ? defaults[name] : undefined;',
        '  if (policy !== undefined) return policy;',
        '}',
        'return status >= 500 ? DEFAULT_BACKOFF : NEVER;',
      ],
    },
    {
      kind: StructureKind.Function,
      name: 'isRetryable',
      isExported: true,
      parameters: [{ name: 'error', type: '{ readonly retry: RetryPolicy }' }, { name: 'attempt', type: 'number', initializer: '1' }],
      returnType: 'boolean',
      docs: ['Whether another attempt may follow attempt number `attempt` (1 for the first request) under the error\'s policy.'],
      statements: ['return error.retry.strategy !== "never" && attempt >= 1 && attempt < error.retry.maxAttempts;'],
    },
    {
      kind: StructureKind.Function,
      name: 'retryDelayMs',
      isExported: true,
      parameters: [
        { name: 'error', type: '{ readonly retry: RetryPolicy; readonly error?: unknown }' },
        { name: 'attempt', type: 'number' },
        { name: 'headers', type: 'HeadersLike', hasQuestionToken: true },
        { name: 'options', type: 'RetryOptions', initializer: '{}' },
      ],
      returnType: 'number | undefined',
      docs: [
        'How long to wait before retrying after attempt number `attempt` failed, in milliseconds; `undefined` when the policy says not to retry (never, or attempts used up).\n\n' +
          'A `retry-after` policy honours the header (seconds, or an HTTP-date) or the body field (seconds) the catalog names, and falls back to its backoff when that is absent or unreadable.',
      ],
      statements: [
        'if (!isRetryable(error, attempt)) return undefined;',
        'const policy = error.retry;',
        'const random = options.random ?? Math.random;',
        'if (policy.strategy === "retry-after") {',
        '  const told = policy.header !== undefined ? headerDelayMs(readHeader(headers, policy.header), options.now ?? Date.now) : fieldDelayMs(error.error, policy.field);',
        '  return told ?? backoffDelayMs(policy.fallback, attempt, random);',
        '}',
        'return policy.strategy === "backoff" ? backoffDelayMs(policy, attempt, random) : undefined;',
      ],
    },
    {
      kind: StructureKind.Function,
      name: 'backoffDelayMs',
      parameters: [{ name: 'policy', type: 'BackoffPolicy' }, { name: 'attempt', type: 'number' }, { name: 'random', type: '() => number' }],
      returnType: 'number',
      statements: [
        'const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * Math.pow(policy.factor, Math.max(0, attempt - 1)));',
        'if (policy.jitter === "full") return Math.round(random() * delay);',
        'if (policy.jitter === "equal") return Math.round(delay / 2 + (random() * delay) / 2);',
        'return delay;',
      ],
    },
    {
      kind: StructureKind.Function,
      name: 'headerDelayMs',
      parameters: [{ name: 'value', type: 'string | undefined' }, { name: 'now', type: '() => number' }],
      returnType: 'number | undefined',
      docs: ['`Retry-After`: delay-seconds, or an HTTP-date (RFC 9110).'],
      statements: [
        'if (value === undefined) return undefined;',
        'const text = value.trim();',
        'if (/^\\d+$/.test(text)) return Number(text) * 1000;',
        'if (!/GMT$/.test(text)) return undefined;',
        'const date = Date.parse(text);',
        'return Number.isNaN(date) ? undefined : Math.max(0, date - now());',
      ],
    },
    {
      kind: StructureKind.Function,
      name: 'fieldDelayMs',
      parameters: [{ name: 'error', type: 'unknown' }, { name: 'field', type: 'string | undefined' }],
      returnType: 'number | undefined',
      statements: [
        'if (field === undefined) return undefined;',
        'const seconds = own(error, field);',
        'return typeof seconds === "number" && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;',
      ],
    },
  ];
}
