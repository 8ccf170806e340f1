import { NfoParseError } from './errors.js';
import type { Conversion } from './field-values.js';
import type { XmlElement } from './types.js';

/** Where a reader is, for error messages: `episode.nfo: <episodedetails> #2: <actor>/<order> must …`. */
export interface ReadLocation {
  fileName: string;
  /** Names the root when a file has several (multi-episode NFOs), else empty. */
  rootLabel: string;
  /** Element names from below the root down to the element being read. */
  path: readonly string[];
}

// Kodi joins and splits list values on its "video item separator".
const KODI_ITEM_SEPARATOR = ' / ';
const MAX_QUOTED_VALUE_LENGTH = 60;

/**
 * Reads the children of one element. Every child name asked for is marked as modelled, so whatever no
 * field asked for can be kept verbatim as `extra`.
 */
export class ChildElementReader {
  private readonly modelledNames = new Set<string>();

  constructor(
    private readonly element: XmlElement,
    private readonly location: ReadLocation,
  ) {}

  /** A reader for a child element, for nested structures such as `<actor>`. */
  nested(child: XmlElement): ChildElementReader {
    return new ChildElementReader(child, { ...this.location, path: [...this.location.path, child.name] });
  }

  /** Child elements with this name, without marking the name as modelled. */
  peek(name: string): XmlElement[] {
    return this.element.children.filter((node): node is XmlElement => typeof node !== 'string' && node.name === name);
  }

  /** Child elements whose name, lower-cased and without underscores, is `normalizedName` (`imdb_id`, `imdbId`). */
  elementsIgnoringCase(normalizedName: string): XmlElement[] {
    const found = this.element.children.filter(
      (node): node is XmlElement => typeof node !== 'string' && node.name.toLowerCase().replaceAll('_', '') === normalizedName,
    );
    for (const element of found) this.modelledNames.add(element.name);
    return found;
  }

  elements(name: string): XmlElement[] {
    this.modelledNames.add(name);
    return this.peek(name);
  }

  /** The first element with this name; Kodi, too, ignores repeats of single-valued elements. */
  first(name: string): XmlElement | undefined {
    return this.elements(name)[0];
  }

  text(name: string): string | undefined {
    const element = this.first(name);
    return element === undefined ? undefined : nonEmpty(textContent(element));
  }

  converted<T>(name: string, convert: (raw: string) => Conversion<T>): T | undefined {
    const raw = this.text(name);
    return raw === undefined ? undefined : this.check(convert(raw), raw, `<${name}>`);
  }

  /** Marks names as modelled without reading them: legacy duplicates that Kodi, too, ignores. */
  ignore(...names: string[]): void {
    for (const name of names) this.modelledNames.add(name);
  }

  /** The text of the element this reader reads, such as the value of `<uniqueid>` or `<thumb>`. */
  ownText(): string | undefined {
    return nonEmpty(textContent(this.element));
  }

  convertedOwnText<T>(convert: (raw: string) => Conversion<T>): T | undefined {
    const raw = this.ownText();
    return raw === undefined ? undefined : this.check(convert(raw), raw);
  }

  hasChildElements(): boolean {
    return this.element.children.some((node) => typeof node !== 'string');
  }

  attribute(name: string): string | undefined {
    return nonEmpty(this.element.attributes[name]?.trim() ?? '');
  }

  convertedAttribute<T>(name: string, convert: (raw: string) => Conversion<T>): T | undefined {
    const raw = this.attribute(name);
    return raw === undefined ? undefined : this.check(convert(raw), raw, `attribute "${name}"`);
  }

  /** Child elements no field asked for, in document order. */
  unmodelled(): XmlElement[] {
    return this.element.children.filter((node): node is XmlElement => typeof node !== 'string' && !this.modelledNames.has(node.name));
  }

  /** `what` is a child (`<order>`), an attribute (`attribute "season"`) or, absent, the element itself. */
  fail(reason: string, what?: string): never {
    const path = this.location.path.map((name) => `<${name}>`).join('/');
    let subject = path;
    if (what?.startsWith('<')) subject = path === '' ? what : `${path}/${what}`;
    else if (what !== undefined) subject = `${path} ${what}`;
    throw new NfoParseError(this.location.fileName, `${this.location.rootLabel}${subject} ${reason}`);
  }

  /** The converted value, or a failure naming the field (`what`, as for `fail`) and what it expected. */
  check<T>(conversion: Conversion<T>, raw: string, what?: string): T {
    if (conversion.ok) return conversion.value;
    return this.fail(`must be ${conversion.expected}, got ${quote(raw)}`, what);
  }
}

/** The values of one list element, " / "-joined values split the way Kodi splits them. */
export function listValues(element: XmlElement): string[] {
  return textContent(element)
    .split(KODI_ITEM_SEPARATOR)
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** All text inside an element, including text nested in child elements (stray HTML such as `<br/>`). */
function textContent(element: XmlElement): string {
  return element.children
    .map((node) => (typeof node === 'string' ? node : textContent(node)))
    .filter((text) => text !== '')
    .join(' ');
}

function nonEmpty(value: string): string | undefined {
  return value === '' ? undefined : value;
}

function quote(raw: string): string {
  const shown = raw.length > MAX_QUOTED_VALUE_LENGTH ? `${raw.slice(0, MAX_QUOTED_VALUE_LENGTH)}…` : raw;
  return JSON.stringify(shown);
}
