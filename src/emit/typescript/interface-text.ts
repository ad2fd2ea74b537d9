import type { InterfaceDeclarationStructure } from 'ts-morph';

type Docs = InterfaceDeclarationStructure['docs'];

/** A JSDoc block given as text, laid out as ts-morph's JSDoc printer lays it out, at an indentation. */
function laidOutDoc(text: string, indent: string): string {
  const lines = text.split(/\r?\n/);
  if (lines.length <= 1) {
    const open = `${indent}/** ${lines[0] ?? ''}`;
    return `${open}${open.endsWith(' ') ? '' : ' '}*/`;
  }
  const body = lines.slice(lines[0] === '' ? 1 : 0).map((line) => `${indent} *${line === '' ? '' : ` ${line}`}`);
  return [`${indent}/**`, ...body, `${indent} */`].join('\n');
}

/** The docs as blocks, each on its lines; undefined when one is a structure (ts-morph then prints it). */
function laidOutDocs(docs: Docs, indent: string): string[] | undefined {
  const blocks: string[] = [];
  for (const doc of docs ?? []) {
    if (typeof doc !== 'string') return undefined;
    blocks.push(laidOutDoc(doc, indent));
  }
  return blocks;
}

const oneLine = (text: unknown): text is string => typeof text === 'string' && !/[\r\n]/.test(text);

/**
 * An interface as ts-morph prints its structure (two-space indentation), when it is the plain kind
 * every code's error object is: docs given as text, one-line property types, index signatures,
 * nothing else. ts-morph writes each member's type through a writer of its own, seven for each
 * code's interface; undefined for any other interface, which ts-morph prints itself.
 */
export function interfaceText(structure: InterfaceDeclarationStructure): string | undefined {
  const { name, docs, properties = [], indexSignatures = [] } = structure;
  const plain =
    structure.isDefaultExport !== true &&
    structure.hasDeclareKeyword !== true &&
    (structure.typeParameters ?? []).length === 0 &&
    (structure.extends ?? []).length === 0 &&
    (structure.callSignatures ?? []).length === 0 &&
    (structure.constructSignatures ?? []).length === 0 &&
    (structure.methods ?? []).length === 0 &&
    structure.leadingTrivia === undefined &&
    structure.trailingTrivia === undefined;
  const head = laidOutDocs(docs, '');
  if (!plain || head === undefined || !oneLine(name)) return undefined;
  const members: string[] = [];
  for (const index of indexSignatures) {
    const blocks = laidOutDocs(index.docs, '  ');
    if (blocks === undefined || index.isReadonly === true || !oneLine(index.returnType) || index.leadingTrivia !== undefined || index.trailingTrivia !== undefined) return undefined;
    members.push(...blocks, `  [${index.keyName || 'key'}: ${index.keyType || 'string'}]: ${index.returnType};`);
  }
  for (const property of properties) {
    const blocks = laidOutDocs(property.docs, '  ');
    if (blocks === undefined || property.isReadonly === true || property.initializer !== undefined || !oneLine(property.type) || !oneLine(property.name) || property.leadingTrivia !== undefined || property.trailingTrivia !== undefined) return undefined;
    members.push(...blocks, `  ${property.name}${property.hasQuestionToken === true ? '?' : ''}: ${property.type};`);
  }
  return [...head, `${structure.isExported === true ? 'export ' : ''}interface ${name} {`, ...members, '}'].join('\n');
}
