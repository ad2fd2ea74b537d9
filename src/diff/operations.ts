import { ComponentNames } from '../emit/openapi/names.js';
import type { Catalog, OperationSelector } from '../model/catalog.js';
import { attachedStatuses, listOperations, selects, type SpecOperation } from '../merge/operations.js';
import { ownedResponseRefs, recordedOwnership, specVersion, successSchemas } from '../merge/plan.js';
import { isMapping, mappingAt, type SpecMapping } from '../merge/spec-data.js';
import { finding, type Finding } from './finding.js';
import type { Subject } from './kinds.js';

/**
 * What one operation (or, without a spec, one rule's selector) answers: per status, the codes
 * of that status. A merged operation references the status's whole response, which documents
 * every code of the status, so that is what a client of the operation can receive.
 */
export type Attachment = ReadonlyMap<number, readonly (string | number)[]>;

/** The operations of a spec and what each answers, keyed `METHOD /path`. */
export interface OperationAttachments {
  /** True when read from a spec's operations; false when from the rules' selectors alone. */
  bySpec: boolean;
  operations: ReadonlyMap<string, Attachment>;
  /** Which rule attaches a status to an operation: for locating findings. */
  ruleFor: (key: string, status: number) => number | undefined;
}

const operationKey = (op: SpecOperation) => `${op.method.toUpperCase()} ${op.path}`;
const codesAt = (catalog: Catalog, status: number) => catalog.statuses.find((s) => s.status === status)?.codes ?? [];

/**
 * What `errcat merge` would make each operation of the spec answer: the statuses the rules
 * attach, except those where the spec keeps a response of its own (one errcat does not own,
 * and the rule does not `replace`).
 */
export function operationAttachments(catalog: Catalog, spec: SpecMapping): OperationAttachments {
  const version = specVersion(spec) ?? '3.1';
  const names = new ComponentNames(catalog, version);
  const owned = ownedResponseRefs(
    recordedOwnership(spec, catalog.info.title)['responses'] ?? [],
    catalog.statuses.map((s) => names.response(s.status)),
    version,
  );
  const operations = new Map<string, Attachment>();
  const rules = new Map<string, Map<number, number>>();
  for (const op of listOperations(spec)) {
    const responses = mappingAt(spec, ['paths', op.path, op.method, 'responses']) ?? {};
    const attached = new Map<number, readonly (string | number)[]>();
    for (const { status, replace } of attachedStatuses(catalog, op)) {
      // Errors under 2xx join the success body there is (merge skips an operation without one).
      if (status >= 200 && status <= 299) {
        if (successSchemas(spec, version, op, status).length > 0) attached.set(status, codesAt(catalog, status));
        continue;
      }
      const current = Object.hasOwn(responses, String(status)) ? responses[String(status)] : undefined;
      const ref = isMapping(current) ? current['$ref'] : undefined;
      if (current !== undefined && !replace && !(typeof ref === 'string' && owned.has(ref))) continue;
      attached.set(status, codesAt(catalog, status));
    }
    const key = operationKey(op);
    operations.set(key, attached);
    rules.set(key, new Map([...attached.keys()].map((status) => [status, firstRule(catalog, op, status) ?? -1])));
  }
  return { bySpec: true, operations, ruleFor: (key, status) => rules.get(key)?.get(status) };
}

/** The first rule that attaches a status to an operation. */
function firstRule(catalog: Catalog, op: SpecOperation, status: number): number | undefined {
  const index = catalog.operations.findIndex(
    (rule) =>
      selects(rule.match, op) &&
      !(rule.exclude && selects(rule.exclude, op)) &&
      (rule.statuses.includes(status) || rule.codes.some((code) => catalog.entries.find((e) => e.code === code)?.statuses.includes(status))),
  );
  return index === -1 ? undefined : index;
}

/** `operations matching paths /v1/things/**, methods get (except operationIds health)`. */
export function describeSelector(match: OperationSelector, exclude?: OperationSelector): string {
  const words = (s: OperationSelector) =>
    s.all
      ? 'all'
      : [
          s.tags.length > 0 ? `tags ${s.tags.join(', ')}` : '',
          s.paths.length > 0 ? `paths ${s.paths.join(', ')}` : '',
          s.methods.length > 0 ? `methods ${s.methods.join(', ')}` : '',
          s.operationIds.length > 0 ? `operationIds ${s.operationIds.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; ');
  return `operations matching ${words(match)}${exclude ? ` (except ${words(exclude)})` : ''}`;
}

/** Without a spec: what each distinct selector of the rules attaches, the rules with that selector added up. */
export function ruleAttachments(catalog: Catalog): OperationAttachments {
  const operations = new Map<string, Map<number, readonly (string | number)[]>>();
  const rules = new Map<string, Map<number, number>>();
  catalog.operations.forEach((rule, index) => {
    const key = describeSelector(rule.match, rule.exclude);
    const attached = operations.get(key) ?? new Map<number, readonly (string | number)[]>();
    const ruleOf = rules.get(key) ?? new Map<number, number>();
    const statuses = [...rule.statuses, ...rule.codes.flatMap((code) => catalog.entries.find((e) => e.code === code)?.statuses ?? [])];
    for (const status of statuses) {
      attached.set(status, codesAt(catalog, status));
      if (!ruleOf.has(status)) ruleOf.set(status, index);
    }
    operations.set(key, attached);
    rules.set(key, ruleOf);
  });
  return { bySpec: false, operations, ruleFor: (key, status) => rules.get(key)?.get(status) };
}

interface Slot {
  label: Subject;
  status: number;
  operations: string[];
  rule: number | undefined;
}

/**
 * Operations that gain or lose a code (or a status with no code of its own). Codes removed,
 * added or renamed outright are reported as such, not once per operation; a renamed code is
 * the same code here. Operations only one side has are not error-contract changes.
 */
export function compareOperations(old: OperationAttachments, next: OperationAttachments, renamedTo: ReadonlyMap<string | number, string | number>, common: ReadonlySet<string | number>, statusOnly: ReadonlySet<number>): Finding[] {
  const gains = new Map<string, Slot>();
  const losses = new Map<string, Slot>();
  const items = (attachment: Attachment, rename: boolean) =>
    [...attachment].flatMap(([status, codes]) =>
      codes.length === 0
        ? statusOnly.has(status)
          ? [{ key: `${status}:`, label: { status } as Subject, status }]
          : []
        : codes
            .map((code) => (rename ? (renamedTo.get(code) ?? code) : code))
            .filter((code) => common.has(code))
            .map((code) => ({ key: `${status}:${typeof code}:${code}`, label: { code, status } as Subject, status })),
    );
  // A spec's operation only one side has is no error-contract change; a rule's selector only one side has attaches nothing on the other.
  const keys = next.bySpec ? [...next.operations.keys()].filter((k) => old.operations.has(k)) : [...new Set([...old.operations.keys(), ...next.operations.keys()])];
  const none: Attachment = new Map();
  for (const key of keys) {
    const before = old.operations.get(key) ?? none;
    const after = next.operations.get(key) ?? none;
    const had = new Set(items(before, true).map((i) => i.key));
    const has = new Set(items(after, false).map((i) => i.key));
    for (const item of items(after, false)) {
      if (had.has(item.key)) continue;
      const slot = gains.get(item.key) ?? { label: item.label, status: item.status, operations: [], rule: next.ruleFor(key, item.status) };
      slot.operations.push(key);
      gains.set(item.key, slot);
    }
    for (const item of items(before, true)) {
      if (has.has(item.key)) continue;
      const slot = losses.get(item.key) ?? { label: item.label, status: item.status, operations: [], rule: old.ruleFor(key, item.status) };
      slot.operations.push(key);
      losses.set(item.key, slot);
    }
  }
  const found: Finding[] = [];
  // One finding per set of operations that gains (or loses) the same codes.
  const emit = (kind: 'operation-gains-code' | 'operation-loses-code', slots: Map<string, Slot>, side: 'old' | 'new') => {
    const byOperations = new Map<string, { labels: Subject[]; operations: string[]; rule: number | undefined }>();
    for (const slot of slots.values()) {
      const id = slot.operations.join('\n');
      const group = byOperations.get(id) ?? { labels: [], operations: slot.operations, rule: slot.rule };
      group.labels.push(slot.label);
      byOperations.set(id, group);
    }
    for (const group of byOperations.values()) {
      const operations = group.operations.map((name) => ({ name, literal: old.bySpec }));
      found.push(finding(kind, { operations, subjects: group.labels }, side, group.rule === undefined || group.rule < 0 ? ['operations'] : ['operations', group.rule]));
    }
  };
  emit('operation-gains-code', gains, 'new');
  emit('operation-loses-code', losses, 'old');
  return found;
}
