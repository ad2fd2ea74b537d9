import { isAlias, isCollection, isMap, isScalar, visit, type Node } from 'yaml';
import { diagnostic, FILE_START, type Diagnostic } from '../diagnostics/diagnostic.js';
import { spanOf, type SourceDocument } from '../parse/source-document.js';
import { unsafeNumber } from '../parse/unsafe-number.js';

/**
 * Keys and numbers a catalog cannot mean: a null or collection key would become a code named
 * "null" or "[ a, b ]", and an integer past 2^53 would be rounded in every output. Checked on the
 * document, before it becomes plain data, where both are lost.
 */
export function keysAndNumbers(source: SourceDocument): Diagnostic[] {
  const found: Diagnostic[] = [];
  const at = (node: Node | null | undefined) => (node?.range ? spanOf(source.lineCounter, node.range) : FILE_START);
  visit(source.document, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      if (isCollection(key) || isAlias(key)) {
        found.push(diagnostic('invalid-key', `A key must be a string or a number, not ${isAlias(key) ? 'an alias' : isMap(key) ? 'a mapping' : 'a list'}; write the key as text (quoted if needed).`, source.file, at(key)));
      } else if (key === null || (isScalar(key) && key.value === null)) {
        const written = isScalar(key) ? source.text.slice(key.range?.[0] ?? 0, key.range?.[1] ?? 0) : '';
        found.push(diagnostic('invalid-key', `This key is null${written ? ` (\`${written}\`)` : ''}, so it names nothing; quote it (\`"${written || 'null'}":\`) if you mean the text, or give the key a name.`, source.file, isScalar(key) ? at(key) : at(pair.value as Node | null)));
      }
    },
    Scalar(_, node) {
      const written = node.range ? source.text.slice(node.range[0], node.range[1]) : String(node.value);
      if (!unsafeNumber(node.value, written)) return;
      found.push(
        diagnostic(
          'unsafe-integer',
          `${written} is beyond 2^53 (9007199254740991), so JavaScript and JSON tools would read it as ${String(node.value)}; quote it to make it a string, or use a smaller number.`,
          source.file,
          at(node),
        ),
      );
    },
  });
  return found;
}
