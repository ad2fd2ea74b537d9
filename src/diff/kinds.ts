/**
 * Every change `errcat diff` reports: a stable kebab-case kind, its impact on clients (code
 * that reads errors: branches on codes, switches exhaustively over the generated per-status
 * unions, reads fields and headers, retries) and on servers (code that produces errors and must
 * keep to the contract), and the one-line migration note. Kinds are a public contract (CI
 * filters on them); never rename one, only add.
 *
 * A kind whose impact depends on a circumstance is split in two (`code-added` /
 * `code-added-at-new-status`), so that each kind has one fixed pair of impacts.
 */

export type Impact = 'breaking' | 'warning' | 'info';

export const IMPACTS: readonly Impact[] = ['breaking', 'warning', 'info'];

/** What a finding is about, for its message: a code (at a status), a status's own responses, or every error. */
export interface Subject {
  code?: string | number;
  status?: number;
  /** With a status and no code: bodies that name no documented code at that status (`other`), or a status with no code at all. */
  other?: boolean;
  /** The shape every error shares. */
  every?: boolean;
}

/** The facts a finding's message and migration note are made from, as plain values. */
export interface FindingParams {
  subjects: readonly Subject[];
  field: string;
  header: string;
  level: string;
  statuses: readonly number[];
  before: string;
  after: string;
  /** `GET /things` (a spec's operation) or a rule's selector in words. */
  operations: readonly { name: string; literal: boolean }[];
}

/**
 * How a destination writes a value: `code` for identifiers and wire values (a code span in
 * Markdown, backticks in a terminal), `text` for prose made of values. Templates below write
 * every value through one of the two, so each destination escapes in one place.
 */
export interface Words {
  code: (value: string) => string;
  text: (value: string) => string;
}

/** `a`, `a and b`, `a, b, c and 3 more`. */
export function listed(items: readonly string[], most = 3): string {
  if (items.length <= most) return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  return `${items.slice(0, most).join(', ')} and ${items.length - most} more`;
}

function subject(s: Subject, w: Words): string {
  if (s.every) return w.text('every error');
  if (s.code === undefined) return w.text(`${s.other ? 'other errors' : 'errors'} at ${s.status ?? ''}`);
  return s.status === undefined ? w.code(String(s.code)) : `${w.code(String(s.code))}${w.text(` at ${s.status}`)}`;
}

const who = (p: FindingParams, w: Words) => listed(p.subjects.map((s) => subject(s, w)));
const at = (p: FindingParams, w: Words) => w.text(listed(p.statuses.map(String)));
const ops = (p: FindingParams, w: Words) => listed(p.operations.map((o) => (o.literal ? w.code(o.name) : w.text(o.name))));

interface KindSpec {
  clients: Impact;
  servers: Impact;
  /** What changed, in one line. */
  message: (p: FindingParams, w: Words) => string;
  /** What a client or server team does about it, in one line. */
  migration: (p: FindingParams, w: Words) => string;
}

const kind = (clients: Impact, servers: Impact, message: KindSpec['message'], migration: KindSpec['migration']): KindSpec => ({ clients, servers, message, migration });

export const FINDING_KINDS = {
  // The envelope: how every error body looks on the wire.
  'envelope-kind-changed': kind('breaking', 'breaking', (p, w) => `The envelope changed from ${w.code(p.before)} to ${w.code(p.after)}.`, () => 'Every client parses error bodies anew and every server writes the new shape; ship it as a new API version.'),
  'envelope-key-changed': kind('breaking', 'breaking', (p, w) => `The error object moved from under ${w.code(p.before)} to under ${w.code(p.after)}.`, (p, w) => `Read and write the error under ${w.code(p.after)}; accept both during the transition.`),
  'content-type-changed': kind('breaking', 'breaking', (p, w) => `Error responses changed their content type from ${w.code(p.before)} to ${w.code(p.after)}.`, (p, w) => `Clients accept ${w.code(p.after)}; servers send it.`),
  'envelope-closed': kind('info', 'breaking', () => 'Error objects no longer allow undeclared properties.', () => 'Servers stop sending properties the catalog does not declare, or declare them.'),
  'envelope-opened': kind('warning', 'info', () => 'Error objects may now carry undeclared properties.', () => 'Clients that validate error bodies strictly accept unknown properties.'),
  'error-marker-changed': kind('breaking', 'breaking', (p, w) => `The marker of errors sent under 2xx changed from ${w.code(p.before)} to ${w.code(p.after)}.`, () => 'Clients and servers tell errors from successes by the new marker.'),
  'level-added-required': kind('info', 'breaking', (p, w) => `A new code level ${w.code(p.level)} at ${w.code(p.after)}, required on every error.`, (p, w) => `Servers send ${w.code(p.level)} on every error; clients may branch on it.`),
  'level-added-optional': kind('info', 'info', (p, w) => `A new optional code level ${w.code(p.level)} at ${w.code(p.after)}.`, (p, w) => `Clients may branch on ${w.code(p.level)} where it is present.`),
  'level-removed': kind('breaking', 'info', (p, w) => `The code level ${w.code(p.level)} (${w.code(p.before)}) is gone.`, (p, w) => `Clients stop branching on ${w.code(p.level)}; branch on the remaining levels.`),
  'level-moved': kind('breaking', 'breaking', (p, w) => `The code level ${w.code(p.level)} moved from ${w.code(p.before)} to ${w.code(p.after)}.`, (p, w) => `Read and write ${w.code(p.level)} at ${w.code(p.after)}.`),
  'level-type-changed': kind('breaking', 'breaking', (p, w) => `The code level ${w.code(p.level)} changed type from ${w.code(p.before)} to ${w.code(p.after)}.`, (p, w) => `Compare ${w.code(p.level)} values as ${w.code(p.after)}s.`),
  'level-made-optional': kind('breaking', 'info', (p, w) => `The code level ${w.code(p.level)} may now be absent.`, (p, w) => `Clients handle errors without ${w.code(p.level)} (classify by the coarser level, then the status).`),
  'level-made-required': kind('info', 'breaking', (p, w) => `The code level ${w.code(p.level)} is now on every error.`, (p, w) => `Servers send ${w.code(p.level)} on every error.`),
  'level-renamed': kind('warning', 'info', (p, w) => `The code level at ${w.code(p.after)} was renamed from ${w.code(p.before)} to ${w.code(p.level)}.`, (p, w) => `Generated code names it ${w.code(p.level)} (${w.code(`codes.${p.level}`)}); update references.`),
  'message-renamed': kind('breaking', 'breaking', (p, w) => `The message moved from ${w.code(p.before)} to ${w.code(p.after)}.`, (p, w) => `Read and write the message as ${w.code(p.after)}.`),
  'message-removed': kind('breaking', 'info', (p, w) => `Error objects no longer carry the message ${w.code(p.before)}.`, () => 'Clients stop displaying or parsing the message; use the code and fields.'),
  'message-added-required': kind('info', 'breaking', (p, w) => `Error objects now carry a required message ${w.code(p.after)}.`, (p, w) => `Servers send ${w.code(p.after)} on every error.`),
  'message-added-optional': kind('info', 'info', (p, w) => `Error objects may now carry a message ${w.code(p.after)}.`, () => 'Clients may show it.'),
  'message-made-optional': kind('breaking', 'info', (p, w) => `The message ${w.code(p.field)} may now be absent.`, (p, w) => `Clients handle errors without ${w.code(p.field)}.`),
  'message-made-required': kind('info', 'breaking', (p, w) => `The message ${w.code(p.field)} is now on every error.`, (p, w) => `Servers send ${w.code(p.field)} on every error.`),

  // Codes.
  'code-removed': kind('breaking', 'breaking', (p, w) => `The code ${who(p, w)} is gone.`, (p, w) => `Clients drop their handling of ${who(p, w)} (its generated types and guards are gone); servers stop sending it.`),
  'code-renamed': kind('breaking', 'breaking', (p, w) => `The code ${w.code(p.before)} is now ${w.code(p.after)}.`, (p, w) => `Clients branch on ${w.code(p.after)} (and ${w.code(p.before)} while old servers run); servers send ${w.code(p.after)}.`),
  'code-added': kind('breaking', 'info', (p, w) => `A new code ${who(p, w)} at ${at(p, w)}, where clients already switch over codes.`, (p, w) => `Exhaustive switches over the ${at(p, w)} codes need a case for ${who(p, w)}; other clients treat it as before, by status.`),
  'code-added-at-new-status': kind('warning', 'info', (p, w) => `A new code ${who(p, w)} at ${at(p, w)}, which had no codes before.`, (p, w) => `Exhaustive switches over every code need a case for ${who(p, w)}.`),
  'code-value-changed': kind('breaking', 'breaking', (p, w) => `The code ${who(p, w)} is now identified on the wire by ${w.code(p.after)} instead of ${w.code(p.before)}.`, (p, w) => `Match ${who(p, w)} by ${w.code(p.after)}; servers send it so.`),
  'code-deprecated': kind('warning', 'info', (p, w) => `The code ${who(p, w)} is deprecated${p.after ? `; use ${w.code(p.after)}` : ''}.`, (p, w) => (p.after ? `Clients handle ${w.code(p.after)} too and plan to drop ${who(p, w)}.` : `Clients plan to drop their handling of ${who(p, w)}.`)),
  'code-undeprecated': kind('info', 'info', (p, w) => `The code ${who(p, w)} is no longer deprecated.`, () => 'Nothing to do.'),
  'code-replacement-changed': kind('info', 'info', (p, w) => `The code ${who(p, w)} is now replaced by ${w.code(p.after)} instead of ${w.code(p.before)}.`, (p, w) => `Clients migrate to ${w.code(p.after)}.`),
  'type-name-changed': kind('warning', 'warning', (p, w) => `The generated name of ${who(p, w)} changed from ${w.code(p.before)} to ${w.code(p.after)}.`, (p, w) => `Rename references to ${w.code(p.before)} (types, guards, constructors) to ${w.code(p.after)}.`),
  'code-status-added': kind('breaking', 'info', (p, w) => `The code ${who(p, w)} is now also answered with ${at(p, w)}.`, (p, w) => `Clients that match ${who(p, w)} under a status (or switch over the ${at(p, w)} codes) handle it at ${at(p, w)} too.`),
  'code-status-removed': kind('warning', 'breaking', (p, w) => `The code ${who(p, w)} is no longer answered with ${at(p, w)}.`, (p, w) => `Servers answer ${who(p, w)} with ${w.text(p.after)} only; clients' handling at ${at(p, w)} is dead code.`),
  'code-status-moved': kind('breaking', 'breaking', (p, w) => `The code ${who(p, w)} moved from ${w.text(p.before)} to ${w.text(p.after)}.`, (p, w) => `Clients expect ${who(p, w)} at ${w.text(p.after)}; servers answer it with ${w.text(p.after)}.`),
  'condition-changed': kind('warning', 'warning', (p, w) => `The conditions that tell ${who(p, w)} apart at ${at(p, w)} changed from ${w.code(p.before)} to ${w.code(p.after)}.`, () => 'Regenerate the classifier; servers make responses meet the new conditions.'),
  'status-added': kind('warning', 'info', (p, w) => `A new status ${at(p, w)} with no code of its own.`, (p, w) => `Clients handle ${at(p, w)} (by status).`),
  'status-removed': kind('info', 'breaking', (p, w) => `The status ${at(p, w)} (no code of its own) is gone.`, (p, w) => `Servers stop answering ${at(p, w)}.`),

  // Fields, shared or per code; nested ones by their path (`errors[].code`).
  'field-added-required': kind('info', 'breaking', (p, w) => `A new required field ${w.code(p.field)} on ${who(p, w)}.`, (p, w) => `Servers send ${w.code(p.field)} on ${who(p, w)}.`),
  'field-added-optional': kind('info', 'info', (p, w) => `A new optional field ${w.code(p.field)} on ${who(p, w)}.`, (p, w) => `Clients may read ${w.code(p.field)}.`),
  'field-removed': kind('breaking', 'info', (p, w) => `The field ${w.code(p.field)} is gone from ${who(p, w)}.`, (p, w) => `Clients stop reading ${w.code(p.field)} on ${who(p, w)}.`),
  'field-type-changed': kind('breaking', 'breaking', (p, w) => `The field ${w.code(p.field)} on ${who(p, w)} changed from ${w.code(p.before)} to ${w.code(p.after)}.`, (p, w) => `Read and write ${w.code(p.field)} as ${w.code(p.after)}.`),
  'field-made-required': kind('info', 'breaking', (p, w) => `The field ${w.code(p.field)} is now required on ${who(p, w)}.`, (p, w) => `Servers always send ${w.code(p.field)} on ${who(p, w)}.`),
  'field-made-optional': kind('breaking', 'info', (p, w) => `The field ${w.code(p.field)} may now be absent from ${who(p, w)}.`, (p, w) => `Clients handle ${who(p, w)} without ${w.code(p.field)}.`),
  'field-made-nullable': kind('breaking', 'info', (p, w) => `The field ${w.code(p.field)} on ${who(p, w)} may now be null.`, (p, w) => `Clients handle a null ${w.code(p.field)}.`),
  'field-made-non-nullable': kind('info', 'breaking', (p, w) => `The field ${w.code(p.field)} on ${who(p, w)} may no longer be null.`, (p, w) => `Servers never send a null ${w.code(p.field)}.`),
  'field-values-added': kind('warning', 'info', (p, w) => `The field ${w.code(p.field)} on ${who(p, w)} has new values: ${w.code(p.after)}.`, (p, w) => `Exhaustive switches over ${w.code(p.field)} need cases for ${w.code(p.after)}.`),
  'field-values-removed': kind('info', 'breaking', (p, w) => `The field ${w.code(p.field)} on ${who(p, w)} no longer takes ${w.code(p.before)}.`, (p, w) => `Servers stop sending ${w.code(p.before)} in ${w.code(p.field)}.`),
  'field-constraint-changed': kind('warning', 'warning', (p, w) => `The constraints of ${w.code(p.field)} on ${who(p, w)} changed from ${w.code(p.before)} to ${w.code(p.after)}.`, () => 'Clients that validate and servers that produce the field follow the new constraints.'),
  'field-value-changed': kind('warning', 'breaking', (p, w) => `The value of ${w.code(p.field)} on ${who(p, w)} changed from ${w.code(p.before)} to ${w.code(p.after)}.`, (p, w) => `Servers send ${w.code(p.after)}; clients that branch on ${w.code(p.field)} update.`),

  // Headers on error responses.
  'header-removed': kind('breaking', 'info', (p, w) => `The header ${w.code(p.header)} is no longer sent with ${who(p, w)}.`, (p, w) => `Clients stop reading ${w.code(p.header)} there.`),
  'header-added-required': kind('info', 'breaking', (p, w) => `The header ${w.code(p.header)} is now always sent with ${who(p, w)}.`, (p, w) => `Servers send ${w.code(p.header)} with ${who(p, w)}.`),
  'header-added-optional': kind('info', 'info', (p, w) => `The header ${w.code(p.header)} may now come with ${who(p, w)}.`, (p, w) => `Clients may read ${w.code(p.header)}.`),
  'header-made-required': kind('info', 'breaking', (p, w) => `The header ${w.code(p.header)} is now required with ${who(p, w)}.`, (p, w) => `Servers always send ${w.code(p.header)} with ${who(p, w)}.`),
  'header-made-optional': kind('breaking', 'info', (p, w) => `The header ${w.code(p.header)} may now be absent from ${who(p, w)}.`, (p, w) => `Clients handle responses without ${w.code(p.header)}.`),
  'header-type-changed': kind('breaking', 'breaking', (p, w) => `The header ${w.code(p.header)} changed from ${w.code(p.before)} to ${w.code(p.after)}.`, (p, w) => `Read and write ${w.code(p.header)} as ${w.code(p.after)}.`),

  // Retry policies, per code and status (and per status, for bodies that name no documented code).
  'retry-disabled': kind('breaking', 'info', (p, w) => `${who(p, w)} must no longer be retried (was ${w.code(p.before)}).`, () => 'Clients stop retrying it (regenerate; hand-written retry loops too).'),
  'retry-enabled': kind('warning', 'warning', (p, w) => `${who(p, w)} may now be retried (${w.code(p.after)}).`, () => 'Clients may retry it; servers make the operation safe to repeat.'),
  'retry-strategy-changed': kind('warning', 'warning', (p, w) => `The retry strategy of ${who(p, w)} changed from ${w.code(p.before)} to ${w.code(p.after)}.`, () => 'Regenerate; hand-written retry loops follow the new strategy.'),
  'retry-attempts-reduced': kind('warning', 'info', (p, w) => `${who(p, w)} may be attempted ${w.code(p.after)} times, not ${w.code(p.before)}.`, (p, w) => `Clients cap attempts at ${w.code(p.after)}.`),
  'retry-attempts-increased': kind('info', 'warning', (p, w) => `${who(p, w)} may be attempted ${w.code(p.after)} times, not ${w.code(p.before)}.`, () => 'Servers expect more retries.'),
  'retry-backoff-changed': kind('info', 'warning', (p, w) => `The backoff of ${who(p, w)} changed from ${w.code(p.before)} to ${w.code(p.after)}.`, () => 'Regenerate; servers expect the new retry timing.'),
  'retry-hint-removed': kind('breaking', 'info', (p, w) => `The retry delay of ${who(p, w)} is no longer told by ${w.code(p.before)}.`, (p, w) => `Clients stop reading ${w.code(p.before)}; they read ${w.code(p.after)}.`),
  'retry-hint-added': kind('info', 'info', (p, w) => `The retry delay of ${who(p, w)} may now be told by ${w.code(p.after)}.`, (p, w) => `Clients may read ${w.code(p.after)}.`),
  'retry-hint-changed': kind('breaking', 'breaking', (p, w) => `The retry delay of ${who(p, w)} is now written ${w.code(p.after)}, not ${w.code(p.before)}.`, (p, w) => `Read and write it as ${w.code(p.after)}.`),
  'retry-override-changed': kind('warning', 'warning', (p, w) => `The header that overrides retrying ${who(p, w)} changed from ${w.code(p.before)} to ${w.code(p.after)}.`, (p, w) => `Clients honour ${w.code(p.after)}.`),

  // Which operations answer which codes.
  'operation-gains-code': kind('warning', 'info', (p, w) => `${who(p, w)} may now be answered by ${ops(p, w)}.`, (p, w) => `Callers of ${ops(p, w)} handle ${who(p, w)}.`),
  'operation-loses-code': kind('info', 'breaking', (p, w) => `${who(p, w)} is no longer answered by ${ops(p, w)}.`, (p, w) => `Servers stop answering ${who(p, w)} from ${ops(p, w)}.`),
} as const satisfies Record<string, KindSpec>;

export type FindingKind = keyof typeof FINDING_KINDS;

const RANK: Record<Impact, number> = { breaking: 0, warning: 1, info: 2 };

/** The more serious of two impacts. */
export function worse(a: Impact, b: Impact): Impact {
  return RANK[a] <= RANK[b] ? a : b;
}

/** Whether an impact is at least as serious as a threshold. */
export function reaches(impact: Impact, threshold: Impact): boolean {
  return RANK[impact] <= RANK[threshold];
}
