import { htmlEntityCharacter } from './html-entities.js';

const XML_PREDEFINED_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

// CDATA sections and comments are matched first so that ampersands inside them are left alone.
const AMPERSAND_OR_OPAQUE_SECTION = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|&(?:(#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)?/g;

/**
 * Makes the ampersands of real-world NFO text well-formed, the way Kodi's own XML reader tolerates them:
 * an HTML named entity becomes its character, an unknown entity and a bare `&` ("Tom & Jerry") become
 * literal text. Numeric references and XML's five entities are kept for the XML parser to decode.
 * Only characters on a line change, never line breaks, so validator line numbers still match the file.
 */
export function repairEntities(xml: string): string {
  return xml.replace(AMPERSAND_OR_OPAQUE_SECTION, (match: string, reference: string | undefined) => {
    if (match.startsWith('<')) return match;
    if (reference === undefined) return '&amp;';
    if (reference.startsWith('#') || XML_PREDEFINED_ENTITIES.has(reference)) return match;
    return htmlEntityCharacter(reference) ?? `&amp;${reference};`;
  });
}
