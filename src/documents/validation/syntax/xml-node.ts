import { CAC_NS, CBC_NS } from "../../ubl/ubl-namespaces.ts";
import { qualifiedName, type XmlElement } from "../../ubl/xml-element.ts";

/** An element met during the walk, with its parent chain so that rules can test their context. */
export interface XmlNode {
  readonly element: XmlElement;
  readonly parent: XmlNode | undefined;
  /** 1-based position among the parent's children of the same name, 0 when it is the only one. */
  readonly position: number;
}

/**
 * A node of the walk. Its position is only needed for the path of a failing node, so it is counted on demand: the
 * walk used to count every element's same-named siblings in two maps, which was most of the syntax rules' time.
 */
class WalkNode implements XmlNode {
  constructor(
    readonly element: XmlElement,
    readonly parent: XmlNode | undefined,
  ) {}

  get position(): number {
    if (!this.parent) return 0;
    let index = 0;
    let same = 0;
    for (const sibling of this.parent.element.children) {
      if (sibling.name !== this.element.name || sibling.ns !== this.element.ns) continue;
      same++;
      if (sibling === this.element) index = same;
    }
    return same > 1 ? index : 0;
  }
}

/** Visits every element of a document once, depth first, in document order. */
export function walk(root: XmlElement, visit: (node: XmlNode) => void): void {
  const go = (node: XmlNode) => {
    visit(node);
    for (const child of node.element.children) go(new WalkNode(child, node));
  };
  go(new WalkNode(root, undefined));
}

/** `/Invoice/cac:InvoiceLine[2]/cbc:Note`, built only for nodes that fail a rule. */
export function pathOf(node: XmlNode): string {
  const step = qualifiedName(node.element) + (node.position > 0 ? `[${node.position}]` : "");
  return node.parent ? `${pathOf(node.parent)}/${step}` : `/${step}`;
}

/** True when the element is `cbc:name`. */
export function isCbc(element: XmlElement | undefined, name: string): boolean {
  return element !== undefined && element.ns === CBC_NS && element.name === name;
}

/** True when the element is `cac:name`. */
export function isCac(element: XmlElement | undefined, name: string): boolean {
  return element !== undefined && element.ns === CAC_NS && element.name === name;
}

/** The `cac:`/`cbc:` children of an element with that local name. */
export function childrenNamed(element: XmlElement | undefined, ns: string, name: string): XmlElement[] {
  return element ? element.children.filter((c) => c.ns === ns && c.name === name) : [];
}

/** The first `cbc:` child with that name. */
export function cbcChild(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.ns === CBC_NS && c.name === name);
}

/** The first `cac:` child with that name. */
export function cacChild(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.ns === CAC_NS && c.name === name);
}

/** XPath string value of an element with only text content, normalised. */
export function textOf(element: XmlElement | undefined): string {
  return element ? element.text.trim().replace(/\s+/g, " ") : "";
}

export { CAC_NS, CBC_NS };
