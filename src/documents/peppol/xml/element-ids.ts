import { XML_NAMESPACE, type XmlTreeElement } from "./xml-tree.ts";

const WSU_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

/** Elements by the ids that `#id` references may name. */
export type ElementIds = ReadonlyMap<string, readonly XmlTreeElement[]>;

function idsOf(element: XmlTreeElement): string[] {
  const ids: string[] = [];
  for (const attribute of element.attributes) {
    const unprefixed = attribute.ns === "" && ["Id", "ID", "id"].includes(attribute.localName);
    const wsu = attribute.ns === WSU_NS && attribute.localName === "Id";
    const xml = attribute.ns === XML_NAMESPACE && attribute.localName === "id";
    if (unprefixed || wsu || xml) ids.push(attribute.value);
  }
  return ids;
}

/**
 * Indexes every element carrying an `Id`, `ID`, `id`, `wsu:Id` or `xml:id` attribute (the attributes XML Signature
 * and WS-Security references point at). Every element per id is kept, so that a duplicated id, the mark of a
 * signature-wrapping attack, can be refused rather than resolved to whichever element comes first.
 */
export function indexElementIds(root: XmlTreeElement): ElementIds {
  const index = new Map<string, XmlTreeElement[]>();
  const stack: XmlTreeElement[] = [root];
  for (let element = stack.pop(); element; element = stack.pop()) {
    for (const id of new Set(idsOf(element))) {
      const list = index.get(id);
      if (list) list.push(element);
      else index.set(id, [element]);
    }
    for (let i = element.children.length - 1; i >= 0; i--) {
      const child = element.children[i];
      if (child?.kind === "element") stack.push(child);
    }
  }
  return index;
}
