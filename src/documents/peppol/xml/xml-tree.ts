/**
 * A faithful XML tree, as canonicalisation needs it: prefixes as written, namespace declarations per element in
 * document order, attributes in document order, whitespace text, comments and processing instructions. The UBL
 * reader's {@link XmlElement} drops all of these because it maps values; a signature is computed over them.
 */

/** A namespace declaration (`xmlns="…"` has prefix ""). */
export interface XmlNamespaceDeclaration {
  readonly prefix: string;
  readonly uri: string;
}

/** A non-namespace attribute: qualified name as written, resolved namespace ("" when unprefixed). */
export interface XmlTreeAttribute {
  readonly qname: string;
  readonly prefix: string;
  readonly localName: string;
  readonly ns: string;
  /** Value after attribute-value normalisation and entity decoding. */
  readonly value: string;
}

export interface XmlTreeText {
  readonly kind: "text";
  /** Character data with entities decoded and CDATA sections merged in. */
  readonly value: string;
}

export interface XmlTreeComment {
  readonly kind: "comment";
  readonly value: string;
}

export interface XmlTreeInstruction {
  readonly kind: "pi";
  readonly target: string;
  readonly data: string;
}

export interface XmlTreeElement {
  readonly kind: "element";
  readonly qname: string;
  readonly prefix: string;
  readonly localName: string;
  /** Namespace URI; "" when the element is in no namespace. */
  readonly ns: string;
  /** Namespace declarations written on this element, in document order. */
  readonly declarations: readonly XmlNamespaceDeclaration[];
  readonly attributes: readonly XmlTreeAttribute[];
  /** Every namespace in scope here (prefix to URI, "" for the default namespace), inherited ones included. */
  readonly inScope: ReadonlyMap<string, string>;
  readonly children: readonly XmlTreeNode[];
  /** Undefined for the document element. */
  readonly parent: XmlTreeElement | undefined;
}

export type XmlTreeNode = XmlTreeElement | XmlTreeText | XmlTreeComment | XmlTreeInstruction;

/** A parsed document: its element and the comments and processing instructions around it. */
export interface XmlTreeDocument {
  readonly root: XmlTreeElement;
  readonly before: readonly (XmlTreeComment | XmlTreeInstruction)[];
  readonly after: readonly (XmlTreeComment | XmlTreeInstruction)[];
}

/** The XML namespace, bound to the prefix `xml` in every document. */
export const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

/** Child elements of `parent` with this namespace and local name, in document order. */
export function treeChildren(
  parent: XmlTreeElement | undefined,
  ns: string,
  localName: string,
): XmlTreeElement[] {
  const found: XmlTreeElement[] = [];
  if (!parent) return found;
  for (const child of parent.children)
    if (child.kind === "element" && child.localName === localName && child.ns === ns) found.push(child);
  return found;
}

/** The first child element with this namespace and local name. */
export function treeChild(
  parent: XmlTreeElement | undefined,
  ns: string,
  localName: string,
): XmlTreeElement | undefined {
  return treeChildren(parent, ns, localName)[0];
}

/** The concatenated text of every text node below `element`. */
export function treeText(element: XmlTreeElement): string {
  let text = "";
  for (const child of element.children) {
    if (child.kind === "text") text += child.value;
    else if (child.kind === "element") text += treeText(child);
  }
  return text;
}

/** The value of the attribute with this namespace ("" for unprefixed) and local name. */
export function treeAttribute(element: XmlTreeElement, ns: string, localName: string): string | undefined {
  for (const attribute of element.attributes)
    if (attribute.localName === localName && attribute.ns === ns) return attribute.value;
  return undefined;
}
