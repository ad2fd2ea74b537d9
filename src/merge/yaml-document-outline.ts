import { isAlias, isMap, isScalar, type Document } from 'yaml';
import { afterLine, lineStart, type MappingLayout, type PairLayout, type YamlOutline } from './yaml-layout.js';

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
      const pairs: PairLayout[] = [];
      let column = -1;
      let end = 0;
      for (const pair of node.items) {
        const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
        if (!keyRange || !isScalar(pair.key)) return whole;
        const start = lineStart(text, keyRange[0]);
        if (text.slice(start, keyRange[0]).trim() !== '') return whole;
        if (column === -1) column = keyRange[0] - start;
        const valueEnd = (pair.value as { range?: [number, number, number] } | null)?.range?.[1] ?? keyRange[1];
        const pairEnd = afterLine(text, Math.max(keyRange[0], valueEnd - 1));
        pairs.push({ key: String(pair.key.value), start, end: pairEnd });
        end = Math.max(end, pairEnd);
      }
      return pairs.length > 0 ? { style: 'block', column, pairs, end } : whole;
    },
  };
}
