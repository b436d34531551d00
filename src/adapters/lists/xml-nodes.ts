import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { ParseProblem } from './list-parse-types.ts';

/**
 * An XML element as fast-xml-parser gives it with `preserveOrder`: one key, the tag, holding the
 * children in document order, plus `:@` with the attributes; text is `{ '#text': '...' }`. Order
 * matters here: eCFR cells mix text with `<br/>` and `<E>` elements.
 */
export type XmlNode = Readonly<Record<string, unknown>>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  removeNSPrefix: true,
});

/**
 * Parses an XML document, or says where it is malformed (line and column, and what the parser
 * expected). The validator runs first because the parser itself accepts broken nesting silently.
 */
export function parseXml(name: string, text: string): Result<readonly XmlNode[], ParseProblem> {
  // fast-xml-parser 5 deprecates its validator in favour of the separate fast-xml-validator
  // package, which is not a dependency; until it is, this one (the same code) is what we have.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) {
    return err({
      file: name,
      line: valid.err.line,
      element: `column ${valid.err.col}`,
      message: `malformed XML: ${valid.err.msg}`,
    });
  }
  try {
    const parsed: unknown = parser.parse(text);
    return ok(Array.isArray(parsed) ? parsed.filter(isNode) : []);
  } catch (error) {
    // The validator passed, so this is unexpected; still, bad input must not crash an import.
    return err({
      file: name,
      message: `malformed XML: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

const isNode = (value: unknown): value is XmlNode => typeof value === 'object' && value !== null;

/** The tag of an element (`TR`), or `#text` for text. */
export function tagOf(node: XmlNode): string {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return '';
}

/** The children of an element, in document order. */
export function childrenOf(node: XmlNode): readonly XmlNode[] {
  const children = node[tagOf(node)];
  return Array.isArray(children) ? children.filter(isNode) : [];
}

/** The child elements with a tag. */
export const childElements = (node: XmlNode, tag: string): XmlNode[] =>
  childrenOf(node).filter((child) => tagOf(child) === tag);

/** An attribute's value, or '' when absent. */
export function attributeOf(node: XmlNode, name: string): string {
  const attributes = node[':@'];
  if (typeof attributes !== 'object' || attributes === null) return '';
  const value: unknown = (attributes as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** The text of a text node, or '' for an element. */
export function textValue(node: XmlNode): string {
  const value = node['#text'];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** Every element with a tag, depth first, in document order. */
export function findAll(nodes: readonly XmlNode[], tag: string, found: XmlNode[] = []): XmlNode[] {
  for (const node of nodes) {
    if (tagOf(node) === tag) found.push(node);
    else findAll(childrenOf(node), tag, found);
  }
  return found;
}
