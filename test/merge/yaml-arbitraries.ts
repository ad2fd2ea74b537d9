import fc from 'fast-check';
import { isCollection, isPair, parseDocument, stringify, type Node } from 'yaml';

const key = fc.oneof(fc.constantFrom('200', '404', 'default', '$ref', 'x-a', 'a b', '#x', "it's", 'a: b', '- x'), fc.string({ maxLength: 6 }));
const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('line\n# hash\n\n', 'a\n\nb', ' padded ', '}', '{', '- item', 'null'), fc.integer(), fc.boolean(), fc.constant(null));

/** Spec-like data: mappings with status-like and awkward keys, sequences, scalars that are hard to write. */
export const specTree = (): fc.Arbitrary<Record<string, unknown>> => {
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('tree'), { maxLength: 3 }), fc.dictionary(key, tie('tree'), { maxKeys: 4 })),
  }));
  return fc.dictionary(key, tree, { minKeys: 1, maxKeys: 5 });
};

const style = fc.record({
  indent: fc.integer({ min: 1, max: 4 }),
  flowFrom: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
  defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
  comments: fc.boolean(),
} as const);

/** Writes data as YAML in a given style: flow collections from some depth down, comment lines between lines. */
function write(value: Record<string, unknown>, { flowFrom, comments, ...options }: typeof style extends fc.Arbitrary<infer S> ? S : never): string {
  const document = parseDocument(stringify(value, { ...options, lineWidth: 20 }));
  const visit = (node: unknown, depth: number) => {
    if (!isCollection(node)) return;
    if (flowFrom !== undefined && depth >= flowFrom) node.flow = true;
    for (const item of node.items as unknown[]) visit(isPair(item) ? item.value : (item as Node), depth + 1);
  };
  visit(document.contents, 0);
  let text = document.toString({ lineWidth: 20 });
  // A comment line before some lines, indented as that line is.
  if (comments) text = text.replace(/\n(?=( *)\S)/g, (newline, indent: string, offset: number) => (offset % 3 === 0 ? `\n${indent}# comment${newline}` : newline));
  return text;
}

/** YAML text of spec-like data in many styles, each one the yaml package reads without error. */
export const styledYaml = (): fc.Arbitrary<string> =>
  fc
    .tuple(specTree(), style)
    .map(([value, options]) => write(value, options))
    .filter((text) => parseDocument(text).errors.length === 0);
