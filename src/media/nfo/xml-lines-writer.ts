import type { XmlElement } from './types.js';
import { withoutCharactersNotAllowedInXml } from './xml-characters.js';
import { isXmlName } from './xml-names.js';

export type AttributeValue = string | number | boolean | undefined;
export type Attributes = Readonly<Record<string, AttributeValue>>;

const INDENT = '  ';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/**
 * Writes an indented XML document line by line. Output depends only on the calls made, never on the
 * clock or the platform: the publisher compares bytes to skip rewriting unchanged files.
 */
export class XmlLinesWriter {
  private readonly lines: string[] = [XML_DECLARATION];
  private depth = 0;

  /**
   * `<name>value</name>`, or nothing when the value is undefined or blank. Text is trimmed because every
   * reader trims it: writing the spaces would only make equal data produce different bytes.
   */
  leaf(name: string, value: string | number | undefined, attributes: Attributes = {}): void {
    if (value === undefined) return;
    const text = typeof value === 'number' ? formatNumber(value, name) : cleanText(value).trim();
    if (text === '') return;
    this.line(`${startTag(name, attributes)}${escapeText(text)}</${name}>`);
  }

  /** An element whose children `writeChildren` writes, one level deeper. */
  block(name: string, attributes: Attributes, writeChildren: () => void): void {
    this.line(startTag(name, attributes));
    this.depth += 1;
    writeChildren();
    this.depth -= 1;
    this.line(`</${name}>`);
  }

  /** An element kept verbatim from a parsed file (or built by a caller), with its attributes and children. */
  element(element: XmlElement): void {
    const [onlyChild] = element.children;
    if (element.children.length === 0) {
      this.line(startTag(element.name, element.attributes, ' />'));
    } else if (element.children.length === 1 && typeof onlyChild === 'string') {
      this.line(`${startTag(element.name, element.attributes)}${escapeText(cleanText(onlyChild))}</${element.name}>`);
    } else {
      this.block(element.name, element.attributes, () => {
        for (const child of element.children) {
          if (typeof child === 'string') this.line(escapeText(cleanText(child)));
          else this.element(child);
        }
      });
    }
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }

  private line(content: string): void {
    this.lines.push(`${INDENT.repeat(this.depth)}${content}`);
  }
}

function startTag(name: string, attributes: Attributes, end = '>'): string {
  checkName(name);
  const written = Object.entries(attributes)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([attribute, value]) => {
      checkName(attribute);
      const text = typeof value === 'number' ? formatNumber(value, `${name} ${attribute}`) : cleanText(String(value));
      return ` ${attribute}="${escapeAttribute(text)}"`;
    });
  return `<${name}${written.join('')}${end}`;
}

function checkName(name: string): void {
  if (!isXmlName(name)) throw new TypeError(`cannot write an XML element or attribute named ${JSON.stringify(name)}`);
}

function formatNumber(value: number, what: string): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot write <${what}>: ${value} is not a finite number`);
  return String(value);
}

function cleanText(text: string): string {
  return withoutCharactersNotAllowedInXml(text.replace(/\r\n?/g, '\n'));
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Line breaks and tabs are escaped because XML readers turn them into spaces inside attribute values.
function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
