import { isAlias, isMap, isScalar, visit, type Document } from 'yaml';
import { blockLayout, type MappingLayout, type TextRange, type YamlOutline } from './yaml-layout.js';

/**
 * The outline of a spec from a full `yaml` Document: over ten times slower than js-yaml's
 * events on a large spec, and used only when those cannot be read.
 */
export function documentOutline(text: string, document: Document.Parsed): YamlOutline {
  return {
    mapping(path) {
      const node: unknown = path.length === 0 ? document.contents : document.getIn(path, true);
      if (isAlias(node)) return isMap(node.resolve(document)) && node.range ? { style: 'whole', start: node.range[0], end: node.range[1] } : undefined;
      if (!isMap(node) || !node.range) return undefined;
      const whole: MappingLayout = { style: 'whole', start: node.range[0], end: node.range[1] };
      if (node.flow) return whole;
      const keys = node.items.map((pair) => {
        if (!isScalar(pair.key) || !pair.key.range) return undefined;
        const valueEnd = (pair.value as { range?: [number, number, number] } | null)?.range?.[1] ?? pair.key.range[1];
        return { key: String(pair.key.value), keyStart: pair.key.range[0], last: valueEnd - 1 };
      });
      return blockLayout(text, keys, whole);
    },
    anchored() {
      let found = false;
      visit(document, { Map: (_, map) => void (found ||= map.anchor !== undefined) });
      return found;
    },
    aliases(path) {
      const node: unknown = path.length === 0 ? document.contents : document.getIn(path, true);
      if (!isMap(node) || !node.anchor || !node.range) return [];
      const { anchor } = node;
      const after = node.range[1];
      const ranges: TextRange[] = [];
      let taken = false;
      visit(document, (_, other) => {
        const start = (other as { range?: [number, number, number] }).range?.[0] ?? -1;
        if (taken || start < after) return;
        if (isAlias(other) && other.source === anchor && other.range) ranges.push({ start: other.range[0], end: other.range[1] });
        // A later node with the same anchor takes the name over.
        else if ((other as { anchor?: string }).anchor === anchor) taken = true;
      });
      return ranges;
    },
  };
}
