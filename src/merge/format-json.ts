/** The indentation the file uses: the first indented line's leading whitespace. */
function detectIndent(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

/** Prints a spec as JSON the way its original text was: the file's indentation and final newline kept (key order is the data's). */
export function formatLike(text: string, value: unknown): string {
  return `${JSON.stringify(value, null, detectIndent(text))}${text.endsWith('\n') ? '\n' : ''}`;
}
