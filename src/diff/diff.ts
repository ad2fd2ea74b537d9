import type { Catalog } from '../model/catalog.js';
import type { SpecMapping } from '../merge/spec-data.js';
import { compareCodes, compareStatusOnly, pairEntries } from './codes.js';
import { compareEnvelopes } from './envelope.js';
import type { Finding } from './finding.js';
import { compareOperations, operationAttachments, ruleAttachments } from './operations.js';
import { compareFields, compareResponses } from './responses.js';

export interface DiffOptions {
  /**
   * Where operations come from. One spec: both catalogs are attached to its operations (the
   * spec they are merged into). Two: each catalog to its own (two specs, imported). None: the
   * rules' selectors are compared as they are.
   */
  specs?: { old: SpecMapping; new: SpecMapping };
}

/**
 * Every change from OLD to NEW that matters to clients or servers, in a fixed order: the
 * envelope, codes, statuses, fields, headers, retry, operations. Pure; the same catalogs give
 * the same findings in the same order. Documentation text (titles, descriptions, fixes,
 * examples) is not part of the contract and is not compared.
 */
export function diffCatalogs(old: Catalog, next: Catalog, options: DiffOptions = {}): Finding[] {
  const paired = pairEntries(old, next);
  const attach = (catalog: Catalog, spec: SpecMapping | undefined) => (spec ? operationAttachments(catalog, spec) : ruleAttachments(catalog));
  const renamedTo = new Map(paired.renamed.map((p) => [p.old.code, p.next.code]));
  const common = new Set(paired.pairs.map((p) => p.next.code));
  const statusOnly = new Set(next.statuses.filter((s) => s.statusOnly && old.statuses.some((o) => o.status === s.status && o.statusOnly)).map((s) => s.status));
  return [
    ...compareEnvelopes(old, next),
    ...compareCodes(old, next, paired),
    ...compareStatusOnly(old, next),
    ...compareFields(old, next, paired.pairs),
    ...compareResponses(old, next, paired.pairs),
    ...compareOperations(attach(old, options.specs?.old), attach(next, options.specs?.new), renamedTo, common, statusOnly),
  ];
}
