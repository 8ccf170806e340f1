import type { XmlElement, XmlNode } from './types.js';

/** Key under which fast-xml-parser's `preserveOrder` output keeps a node's attributes. */
const ATTRIBUTES_KEY = ':@';
const TEXT_KEY = '#text';

/**
 * Converts fast-xml-parser's `preserveOrder` output (an array of `{ [tag]: children, ':@': attrs }` and
 * `{ '#text': text }` objects) into XmlElement nodes. Adjacent text runs (CDATA next to text, text split
 * by a comment) are merged, then trimmed; whitespace-only runs, which are indentation, are dropped.
 */
export function toXmlNodes(ordered: unknown): XmlNode[] {
  if (!Array.isArray(ordered)) throw new Error('unexpected XML parser output: expected an array of nodes');
  const raw: Array<XmlElement | { text: string }> = [];
  for (const entry of ordered as unknown[]) {
    if (!isRecord(entry)) continue;
    if (TEXT_KEY in entry) {
      const previous = raw.at(-1);
      const text = String(entry[TEXT_KEY]);
      if (previous !== undefined && 'text' in previous) previous.text += text;
      else raw.push({ text });
      continue;
    }
    const name = Object.keys(entry).find((key) => key !== ATTRIBUTES_KEY);
    if (name === undefined) continue;
    raw.push({ name, attributes: toAttributes(entry[ATTRIBUTES_KEY]), children: toXmlNodes(entry[name]) });
  }

  const nodes: XmlNode[] = [];
  for (const node of raw) {
    if (!('text' in node)) nodes.push(node);
    else if (node.text.trim() !== '') nodes.push(node.text.trim());
  }
  return nodes;
}

function toAttributes(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  const attributes: Record<string, string> = {};
  for (const [name, attributeValue] of Object.entries(value)) attributes[name] = String(attributeValue);
  return attributes;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
