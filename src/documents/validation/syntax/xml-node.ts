import { CAC_NS, CBC_NS } from "../../ubl/ubl-namespaces.ts";
import { qualifiedName, type XmlElement } from "../../ubl/xml-element.ts";

/** An element met during the walk, with its parent chain so that rules can test their context. */
export interface XmlNode {
  readonly element: XmlElement;
  readonly parent: XmlNode | undefined;
  /** 1-based position among the parent's children of the same name, 0 when it is the only one. */
  readonly position: number;
}

/** Visits every element of a document once, depth first, in document order. */
export function walk(root: XmlElement, visit: (node: XmlNode) => void): void {
  const go = (node: XmlNode) => {
    visit(node);
    const children = node.element.children;
    let counts: Map<string, number> | undefined;
    if (children.length > 1) {
      counts = new Map();
      for (const child of children)
        counts.set(child.ns + child.name, (counts.get(child.ns + child.name) ?? 0) + 1);
    }
    const seen = new Map<string, number>();
    for (const child of children) {
      const key = child.ns + child.name;
      const index = (seen.get(key) ?? 0) + 1;
      seen.set(key, index);
      go({ element: child, parent: node, position: (counts?.get(key) ?? 1) > 1 ? index : 0 });
    }
  };
  go({ element: root, parent: undefined, position: 0 });
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
