import { SaxesParser, type SaxesTagPlain } from "saxes";
import { err, ok, type Result } from "../../core/result.ts";
import { DEFAULT_MAX_XML_BYTES, decodeXmlInput } from "./decode-xml-input.ts";
import { type UblReadError, ublReadError } from "./ubl-read-error.ts";
import type { XmlElement } from "./xml-element.ts";

/** Options of {@link parseXml} and the UBL readers. */
export interface XmlReadOptions {
  /** Inputs larger than this many bytes are refused before parsing; default 20 MB. */
  readonly maxBytes?: number;
}

/** Deeper nesting is refused: UBL needs about ten levels, and a bound keeps the recursive mappers and rules safe. */
const MAX_DEPTH = 100;

/** The one prefix bound without a declaration (Namespaces in XML 1.0, section 3). */
const PREDECLARED: Scope = { xml: "http://www.w3.org/XML/1998/namespace" };

type Scope = Readonly<Record<string, string>>;

/** An element while its content is read; it is an {@link XmlElement} once closed. */
interface OpenElement {
  readonly ns: string;
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  children: XmlElement[];
  text: string;
}

/**
 * Shared by every element without attributes, or without children (most UBL elements have no attribute, and most
 * have no child element), so a large document allocates a third fewer objects: the garbage collector took a third of
 * the parse. Frozen, so that sharing cannot leak a change from one element to another; the builder replaces
 * NO_CHILDREN with an array of its own at an element's first child.
 */
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze(Object.create(null));
const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];

/**
 * Texts up to this length are shared between the elements that have the same one, and so are element names. Most of
 * a large invoice's short texts repeat (unit and category codes, rates, currencies, and the indentation between
 * elements, which is otherwise a chain of joined pieces per parent). The tree lives through validation, and V8
 * copies a young tree at each minor collection: a quarter smaller, a 1,000-line invoice reads and validates a few
 * per cent faster.
 */
const MAX_SHARED_TEXT = 32;

/** Well-formed XML that is not namespace-well-formed, or too deep: found by the tree builder, not by saxes. */
class ShapeError extends Error {}

/** A saxes error with its place, the message without saxes's "line:column: " prefix. */
class MalformedXmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/**
 * Builds the element tree from saxes's events. saxes is a strict, conformant XML 1.0 parser: it refuses every
 * well-formedness error (mismatched or unclosed tags, bad names, duplicate attributes, undefined entities, characters
 * XML forbids, content after the root), decodes the predefined entities and character references, and normalises
 * line ends and attribute values as the specification says. It is several times faster on a 1,000-line invoice than
 * the validate-then-parse of fast-xml-parser used before. Namespaces are resolved here rather than by saxes
 * (xmlns: true), which builds an object per attribute and tripled the time.
 */
class TreeBuilder {
  readonly elements: OpenElement[] = [];
  readonly scopes: Scope[] = [PREDECLARED];
  /** Prefix and local name by qualified name: a document uses a few dozen names, each thousands of times. */
  readonly names = new Map<string, { readonly prefix: string; readonly name: string }>();
  /** Short texts by value, see {@link MAX_SHARED_TEXT}. */
  readonly texts = new Map<string, string>();
  root: XmlElement | undefined;

  open(tag: SaxesTagPlain): void {
    const { elements, scopes } = this;
    if (elements.length >= MAX_DEPTH)
      throw new ShapeError(`elements are nested deeper than ${MAX_DEPTH} levels`);
    const parentScope = scopes[scopes.length - 1] as Scope;
    let scope = parentScope;
    let attributes = NO_ATTRIBUTES;
    for (const key in tag.attributes) {
      const value = tag.attributes[key] ?? "";
      if (key === "xmlns" || key.startsWith("xmlns:")) {
        if (scope === parentScope) scope = Object.create(parentScope) as Scope;
        (scope as Record<string, string>)[key === "xmlns" ? "" : key.slice(6)] = value;
      } else {
        if (attributes === NO_ATTRIBUTES) attributes = Object.create(null) as Record<string, string>;
        (attributes as Record<string, string>)[key] = value;
      }
    }
    const qname = tag.name;
    let split = this.names.get(qname);
    if (!split) {
      const colon = qname.indexOf(":");
      split =
        colon < 0
          ? { prefix: "", name: qname }
          : { prefix: qname.slice(0, colon), name: qname.slice(colon + 1) };
      this.names.set(qname, split);
    }
    const { prefix, name } = split;
    const ns = scope[prefix];
    if (ns === undefined && prefix !== "")
      throw new ShapeError(`not well-formed XML: the prefix "${prefix}" of <${qname}> is not declared`);
    const element: OpenElement = { ns: ns ?? "", name, attributes, children: NO_CHILDREN, text: "" };
    const parent = elements[elements.length - 1];
    if (!parent) this.root = element;
    else if (parent.children === NO_CHILDREN) parent.children = [element];
    else parent.children.push(element);
    elements.push(element);
    scopes.push(scope);
  }

  close(): void {
    const element = this.elements.pop();
    this.scopes.pop();
    if (!element || element.text.length > MAX_SHARED_TEXT) return;
    const shared = this.texts.get(element.text);
    if (shared === undefined) this.texts.set(element.text, element.text);
    else element.text = shared;
  }

  /** Text outside the root can only be whitespace (saxes refuses anything else), so it is dropped. */
  text(text: string): void {
    const top = this.elements[this.elements.length - 1];
    if (top) top.text += text;
  }
}

function buildTree(xml: string): XmlElement | undefined {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const builder = new TreeBuilder();
  parser.on("error", (error) => {
    const prefix = `${parser.line}:${parser.column}: `;
    const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    throw new MalformedXmlError(message, parser.line, parser.column);
  });
  parser.on("opentag", (tag) => builder.open(tag));
  parser.on("closetag", () => builder.close());
  parser.on("text", (text) => builder.text(text));
  parser.on("cdata", (text) => builder.text(text));
  parser.write(xml).close();
  return builder.root;
}

/**
 * Parses an XML document into namespace-resolved {@link XmlElement}s: size limit and DOCTYPE/ENTITY refusal first,
 * then a strict parse that keeps every value as text. Nothing remote is ever fetched.
 */
export function parseXml(
  input: string | Buffer,
  options: XmlReadOptions = {},
): Result<XmlElement, UblReadError> {
  const decoded = decodeXmlInput(input, options.maxBytes ?? DEFAULT_MAX_XML_BYTES);
  if (!decoded.ok) return decoded;
  try {
    const root = buildTree(decoded.value);
    return root ? ok(root) : err(ublReadError("not-xml", "no root element: this is not XML"));
  } catch (e) {
    if (e instanceof MalformedXmlError)
      return err(
        ublReadError("not-xml", `not well-formed XML: ${e.message}`, `line ${e.line}, column ${e.column}`),
      );
    if (e instanceof ShapeError) return err(ublReadError("not-xml", e.message));
    throw e;
  }
}
