/** The `articles` package (CoffeeScript, untyped): the indefinite article for an English word or phrase. */
declare module 'articles' {
  const articles: { find(phrase: string): 'a' | 'an' };
  export = articles;
}
