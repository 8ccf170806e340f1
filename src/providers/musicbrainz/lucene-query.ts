// Characters with a meaning in Lucene query syntax, which MusicBrainz search parses.
const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

/**
 * A user's text as a literal Lucene query, so "AC/DC" or "Sunn O)))" are searched for rather than parsed
 * (an unescaped "/" starts a regular expression and ")" ends a group that never began).
 */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (character) => `\\${character}`);
}
