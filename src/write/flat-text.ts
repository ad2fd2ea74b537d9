/**
 * A text as one flat string. A string built by `+` is a tree of every piece appended; a long
 * output kept as such a tree keeps its millions of pieces alive until it is read (promoted and
 * copied by the collector, then walked piece by piece when encoded). Reading a character makes
 * V8 flatten the tree into one string: done while the pieces are young, they die young.
 */
export function flatText(text: string): string {
  text.charCodeAt(0);
  return text;
}
