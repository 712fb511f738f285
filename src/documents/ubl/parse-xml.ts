import { XMLParser, XMLValidator } from "fast-xml-parser";
import { err, ok, type Result } from "../../core/result.ts";
import { decodeEntities, UndefinedEntityError } from "./decode-entities.ts";
import { DEFAULT_MAX_XML_BYTES, decodeXmlInput } from "./decode-xml-input.ts";
import { type UblReadError, ublReadError } from "./ubl-read-error.ts";
import type { XmlElement } from "./xml-element.ts";

/** Options of {@link parseXml} and the UBL readers. */
export interface XmlReadOptions {
  /** Inputs larger than this many bytes are refused before parsing; default 20 MB. */
  readonly maxBytes?: number;
}

/** Deeper nesting is refused: UBL needs about ten levels, and a bound keeps recursion safe. */
const MAX_DEPTH = 100;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  // Values stay text: amounts are parsed exactly by the mappers, never through Number.
  parseTagValue: false,
  parseAttributeValue: false,
  // No entity processing at all in the parser: DOCTYPEs are refused earlier and the five predefined entities and
  // character references are decoded by decodeEntities.
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  cdataPropName: "#cdata",
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH,
  jPath: false,
});

type FxpNode = Record<string, unknown>;
type Scope = Readonly<Record<string, string>>;

class NamespaceError extends Error {}

function isNodeList(value: unknown): value is FxpNode[] {
  return Array.isArray(value);
}

function attributesOf(node: FxpNode): Record<string, string> | undefined {
  const attrs = node[":@"];
  return typeof attrs === "object" && attrs !== null ? (attrs as Record<string, string>) : undefined;
}

/** Collects the text of a `#cdata` node, which the parser wraps as a list of text nodes. */
function cdataText(value: unknown): string {
  if (!isNodeList(value)) return "";
  let text = "";
  for (const part of value) if (typeof part["#text"] === "string") text += part["#text"];
  return text;
}

function convert(node: FxpNode, tag: string, parentScope: Scope): XmlElement {
  const rawAttributes = attributesOf(node);
  let scope = parentScope;
  const attributes: Record<string, string> = Object.create(null);
  if (rawAttributes) {
    let declared: Record<string, string> | undefined;
    for (const key of Object.keys(rawAttributes)) {
      const value = decodeEntities(String(rawAttributes[key]));
      if (key === "xmlns" || key.startsWith("xmlns:")) {
        declared ??= Object.create(parentScope) as Record<string, string>;
        declared[key === "xmlns" ? "" : key.slice(6)] = value;
      } else {
        attributes[key] = value;
      }
    }
    if (declared) scope = declared;
  }
  const colon = tag.indexOf(":");
  const prefix = colon < 0 ? "" : tag.slice(0, colon);
  const ns = scope[prefix];
  if (ns === undefined && prefix !== "")
    throw new NamespaceError(`the prefix "${prefix}" of <${tag}> is not declared`);
  const children: XmlElement[] = [];
  let text = "";
  const content = node[tag];
  if (isNodeList(content)) {
    for (const child of content) {
      const childTag = Object.keys(child).find((k) => k !== ":@");
      if (childTag === undefined) continue;
      if (childTag === "#text") text += decodeEntities(String(child[childTag]));
      else if (childTag === "#cdata") text += cdataText(child[childTag]);
      else children.push(convert(child, childTag, scope));
    }
  }
  return { ns: ns ?? "", name: colon < 0 ? tag : tag.slice(colon + 1), attributes, children, text };
}

function lineAndColumn(line: number | undefined, col: number | undefined): string | undefined {
  return line === undefined ? undefined : `line ${line}, column ${col ?? 0}`;
}

/**
 * Parses an XML document into namespace-resolved {@link XmlElement}s: size limit, DOCTYPE/ENTITY refusal and a
 * well-formedness check first (the parser alone accepts some malformed input, e.g. a truncated file), then a parse
 * that keeps every value as text. Nothing remote is ever fetched.
 */
export function parseXml(
  input: string | Buffer,
  options: XmlReadOptions = {},
): Result<XmlElement, UblReadError> {
  const decoded = decodeXmlInput(input, options.maxBytes ?? DEFAULT_MAX_XML_BYTES);
  if (!decoded.ok) return decoded;
  const xml = decoded.value;
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    const { msg, line, col } = wellFormed.err;
    return err(ublReadError("not-xml", `not well-formed XML: ${msg}`, lineAndColumn(line, col)));
  }
  try {
    const nodes: unknown = parser.parse(xml);
    const root = isNodeList(nodes)
      ? nodes.find((n) => Object.keys(n).some((k) => k !== ":@" && !k.startsWith("#")))
      : undefined;
    const rootTag = root && Object.keys(root).find((k) => k !== ":@");
    if (!root || rootTag === undefined)
      return err(ublReadError("not-xml", "no root element: this is not XML"));
    return ok(convert(root, rootTag, { xml: "http://www.w3.org/XML/1998/namespace" }));
  } catch (e) {
    if (e instanceof NamespaceError || e instanceof UndefinedEntityError) {
      return err(ublReadError("not-xml", `not well-formed XML: ${e.message}`));
    }
    const message = e instanceof Error ? e.message : String(e);
    if (message.includes("nested tags")) {
      return err(ublReadError("not-xml", `elements are nested deeper than ${MAX_DEPTH} levels`));
    }
    return err(ublReadError("not-xml", `not well-formed XML: ${message}`));
  }
}
