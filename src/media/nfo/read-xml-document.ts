import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { NfoParseError } from './errors.js';
import { repairEntities } from './repair-entities.js';
import type { XmlElement, XmlNode } from './types.js';
import { isXmlName } from './xml-names.js';
import { toXmlNodes } from './xml-tree.js';

/** The top level of an NFO's XML: its root elements and whatever text sits beside them. */
export interface XmlDocumentTopLevel {
  roots: XmlElement[];
  /** Non-empty text outside every root element, including text after the last tag (a URL line). */
  textOutsideRoots: string[];
}

// Multi-episode NFOs have several root elements, which XML forbids, so the reader wraps the whole file in
// one synthetic element and treats the wrapper's children as the roots.
const WRAPPER = 'reelflow-nfo-document';
const WRAPPER_START = `<${WRAPPER}>`;

const XML_DECLARATION = /^\s*<\?xml\b[\s\S]*?\?>/;
const DOCTYPE_AT_START = /^\s*<!DOCTYPE\b[^>[]*(?:\[[\s\S]*?\])?\s*>/i;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Everything stays text: the field readers convert and report wrong types with the field's name.
  parseTagValue: false,
  parseAttributeValue: false,
  // Trimming happens after CDATA and text runs are merged (xml-tree.ts).
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Needed for numeric character references (`&#233;`) to be decoded at all.
  htmlEntities: true,
});

/**
 * Reads the XML part of an NFO. `text` has no BOM, uses `\n` line ends and starts (after whitespace)
 * with `<`. Text after the last `>` is not XML: Kodi allows a URL line there.
 */
export function readXmlDocument(text: string, fileName: string): XmlDocumentTopLevel {
  const xmlEnd = text.lastIndexOf('>') + 1;
  const unclosedTagStart = text.indexOf('<', xmlEnd);
  if (unclosedTagStart !== -1) {
    // A file cut short inside a tag; the validator would only see the wrapper's end tag appended to it.
    const line = text.slice(0, unclosedTagStart).split('\n').length;
    const tag = JSON.stringify(text.slice(unclosedTagStart).split(/\s/, 1)[0]);
    throw new NfoParseError(fileName, `not well-formed XML at line ${line}: ${tag} is never closed with ">"`);
  }
  const trailingText = text.slice(xmlEnd).trim();
  const wrapped = `${WRAPPER_START}${repairEntities(blankProlog(text.slice(0, xmlEnd)))}</${WRAPPER}>`;

  const validation = XMLValidator.validate(wrapped);
  if (validation !== true) {
    const { line, msg } = validation.err;
    throw new NfoParseError(fileName, `not well-formed XML at line ${line}: ${describeWithoutWrapper(msg)}`);
  }

  let ordered: unknown;
  try {
    ordered = parser.parse(wrapped);
  } catch (error) {
    throw new NfoParseError(fileName, `could not be read as XML: ${error instanceof Error ? error.message : String(error)}`);
  }

  const [wrapper] = toXmlNodes(ordered);
  if (wrapper === undefined || typeof wrapper === 'string') {
    throw new NfoParseError(fileName, 'could not be read as XML: no content');
  }
  checkNames(wrapper.children, fileName);
  const roots: XmlElement[] = [];
  const textOutsideRoots: string[] = [];
  for (const node of wrapper.children) {
    if (typeof node === 'string') textOutsideRoots.push(node);
    else roots.push(node);
  }
  if (trailingText !== '') textOutsideRoots.push(trailingText);
  return { roots, textOutsideRoots };
}

/** Element and attribute names the parser let through but XML (and our writer) does not allow. */
function checkNames(nodes: readonly XmlNode[], fileName: string): void {
  for (const node of nodes) {
    if (typeof node === 'string') continue;
    if (!isXmlName(node.name))
      throw new NfoParseError(fileName, `not well-formed XML: ${JSON.stringify(node.name)} is not an element name`);
    const attribute = Object.keys(node.attributes).find((name) => !isXmlName(name));
    if (attribute !== undefined) {
      throw new NfoParseError(fileName, `not well-formed XML: <${node.name}> has an attribute named ${JSON.stringify(attribute)}`);
    }
    checkNames(node.children, fileName);
  }
}

/**
 * The XML declaration and a DOCTYPE must come first in a document, so they cannot sit inside the wrapper.
 * They are replaced by spaces rather than removed, keeping every line number the validator reports.
 */
function blankProlog(xml: string): string {
  let result = xml.replace(XML_DECLARATION, blankKeepingLineBreaks);
  result = result.replace(DOCTYPE_AT_START, blankKeepingLineBreaks);
  return result;
}

function blankKeepingLineBreaks(section: string): string {
  return section.replace(/[^\n]/g, ' ');
}

/**
 * The wrapper is ours, not the file's: an unclosed root shows up as the wrapper closing too early, and
 * positions on the first line are shifted by the wrapper's start tag.
 */
function describeWithoutWrapper(message: string): string {
  return message
    .replace(`instead of closing tag '${WRAPPER}'`, 'before the end of the file')
    .replaceAll(`'${WRAPPER}'`, 'the document')
    .replace(/\bline 1, col (\d+)/g, (_match, column: string) => `line 1, col ${Number(column) - WRAPPER_START.length}`);
}
