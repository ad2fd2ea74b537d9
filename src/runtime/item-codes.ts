import type { CodeSite, WireValue } from './contract.js';
import { hasOwn, plainObject } from './json.js';

/** A value still to visit: where it sits (its holder and key), and which node of the map it is. */
interface Visit {
  readonly holder: object | undefined;
  readonly key: string;
  readonly value: unknown;
  readonly site: number;
}

/**
 * Every value of a code-bearing field in an error object, in document order: what the map of
 * code sites reaches. Iterative, and each (object, node) pair is visited once, so deep or cyclic
 * input ends; a value reached through two union members counts once.
 */
export function collectItemCodes(sites: readonly CodeSite[], error: unknown): WireValue[] {
  const found: WireValue[] = [];
  if (sites.length === 0) return found;
  const taken = new Map<object, Set<string>>();
  const visited = new Map<object, Set<number>>();
  const stack: Visit[] = [{ holder: undefined, key: '', value: error, site: 0 }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const { holder, key, value } = visit;
    const site = sites[visit.site];
    if (site === undefined) continue;
    if (
      site.codes === true &&
      holder !== undefined &&
      (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))
    ) {
      const keys = taken.get(holder) ?? new Set<string>();
      if (!keys.has(key)) found.push(value);
      keys.add(key);
      taken.set(holder, keys);
    }
    if (typeof value !== 'object' || value === null) {
      for (const other of [...(site.also ?? [])].reverse()) stack.push({ holder, key, value, site: other });
      continue;
    }
    const seen = visited.get(value) ?? new Set<number>();
    if (seen.has(visit.site)) continue;
    seen.add(visit.site);
    visited.set(value, seen);
    // Pushed in reverse, so that the stack pops them in document order.
    const next: Visit[] = [];
    for (const other of site.also ?? []) next.push({ holder, key, value, site: other });
    const itemSite = site.items;
    if (Array.isArray(value) && itemSite !== undefined) {
      const items: readonly unknown[] = value;
      items.forEach((item, i) => next.push({ holder: value, key: String(i), value: item, site: itemSite }));
    }
    if (plainObject(value)) {
      const declared = (site.properties ?? []).map(([name]) => name);
      for (const [name, child] of site.properties ?? [])
        if (hasOwn(value, name)) next.push({ holder: value, key: name, value: value[name], site: child });
      if (site.values !== undefined) {
        for (const name of Object.keys(value))
          if (!declared.includes(name)) next.push({ holder: value, key: name, value: value[name], site: site.values });
      }
    }
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i] as Visit);
  }
  return found;
}
