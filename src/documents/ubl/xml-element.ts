import { CONVENTIONAL_PREFIXES } from "./ubl-namespaces.ts";

/**
 * An XML element with its namespace resolved: what the UBL reader maps, and what the validator can walk for the
 * syntax rules the semantic model cannot express (repeated elements, attributes on every amount).
 */
export interface XmlElement {
  /** Namespace URI; "" when the element is in no namespace. */
  readonly ns: string;
  /** Local name, without prefix. */
  readonly name: string;
  /**
   * Attributes by name as written (UBL's currencyID, schemeID, unitCode, listID, mimeCode, filename are
   * unprefixed), values with entities decoded; namespace declarations are not included. Null prototype.
   */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Character data directly inside the element, entities decoded and CDATA included, not trimmed. */
  readonly text: string;
}

/** The first child element with this namespace and local name. */
export function firstChild(parent: XmlElement | undefined, ns: string, name: string): XmlElement | undefined {
  if (!parent) return undefined;
  for (const child of parent.children) if (child.name === name && child.ns === ns) return child;
  return undefined;
}

/** Every child element with this namespace and local name, in document order. */
export function childrenNamed(parent: XmlElement | undefined, ns: string, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  if (!parent) return found;
  for (const child of parent.children) if (child.name === name && child.ns === ns) found.push(child);
  return found;
}

/** The element's text, trimmed; undefined when the element is absent or its text is empty. */
export function textOf(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  const text = element.text.trim();
  return text === "" ? undefined : text;
}

/** An attribute's value, trimmed; undefined when absent or empty. */
export function attributeOf(element: XmlElement | undefined, name: string): string | undefined {
  const value = element?.attributes[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

/** The element's name with its conventional UBL prefix (`cbc:ID`), or `{uri}name` for other namespaces. */
export function qualifiedName(element: XmlElement): string {
  const prefix = CONVENTIONAL_PREFIXES.get(element.ns);
  if (prefix === undefined) return element.ns === "" ? element.name : `{${element.ns}}${element.name}`;
  return prefix === "" ? element.name : `${prefix}:${element.name}`;
}

/**
 * The path from `root` to `target` (`/Invoice/cac:InvoiceLine[2]/cbc:Note`), for messages; found by a search,
 * because elements keep no parent link (they stay plain, printable data).
 */
export function elementPath(root: XmlElement, target: XmlElement): string | undefined {
  const stack: { element: XmlElement; path: string }[] = [{ element: root, path: `/${qualifiedName(root)}` }];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    if (entry.element === target) return entry.path;
    const totals = new Map<string, number>();
    for (const child of entry.element.children) {
      const name = qualifiedName(child);
      totals.set(name, (totals.get(name) ?? 0) + 1);
    }
    const seen = new Map<string, number>();
    for (const child of entry.element.children) {
      const name = qualifiedName(child);
      const index = (seen.get(name) ?? 0) + 1;
      seen.set(name, index);
      const suffix = (totals.get(name) ?? 0) > 1 ? `[${index}]` : "";
      stack.push({ element: child, path: `${entry.path}/${name}${suffix}` });
    }
  }
  return undefined;
}
