import { compareCodePoints } from "./code-point-order.ts";
import {
  XML_NAMESPACE,
  type XmlTreeAttribute,
  type XmlTreeComment,
  type XmlTreeDocument,
  type XmlTreeElement,
  type XmlTreeInstruction,
} from "./xml-tree.ts";

/** Canonical XML 1.0 (inclusive) or Exclusive XML Canonicalization 1.0. */
export type C14nMode = "inclusive" | "exclusive";

/** Options of {@link canonicalize}. */
export interface CanonicalizeOptions {
  readonly mode: C14nMode;
  /** Keep comments (the `#WithComments` variants); default false. */
  readonly withComments?: boolean;
  /**
   * Exclusive mode only: the InclusiveNamespaces PrefixList, whose prefixes are rendered as inclusive
   * canonicalisation would ("#default" names the default namespace).
   */
  readonly inclusivePrefixes?: readonly string[];
  /** An element left out together with its subtree: what the enveloped-signature transform removes. */
  readonly exclude?: XmlTreeElement;
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "\r": "&#xD;",
};
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  '"': "&quot;",
  "\t": "&#x9;",
  "\n": "&#xA;",
  "\r": "&#xD;",
};

function escapeText(value: string): string {
  return value.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

function escapeAttribute(value: string): string {
  return value.replace(/[&<"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

/** The prefixes whose declarations an element may render: all in scope (inclusive) or the visibly used ones. */
function candidatePrefixes(element: XmlTreeElement, options: CanonicalizeOptions): Iterable<string> {
  if (options.mode === "inclusive") return new Set(["", ...element.inScope.keys()]);
  const used = new Set<string>([element.prefix]);
  for (const attribute of element.attributes) if (attribute.prefix !== "") used.add(attribute.prefix);
  for (const prefix of options.inclusivePrefixes ?? []) {
    const name = prefix === "#default" ? "" : prefix;
    if (name === "" || element.inScope.has(name)) used.add(name);
  }
  return used;
}

/** xml:* attributes of ancestors outside the subset, which inclusive canonicalisation copies onto the apex. */
function inheritedXmlAttributes(apex: XmlTreeElement): XmlTreeAttribute[] {
  const found = new Map<string, XmlTreeAttribute>();
  for (const own of apex.attributes) if (own.ns === XML_NAMESPACE) found.set(own.localName, own);
  const inherited: XmlTreeAttribute[] = [];
  for (let ancestor = apex.parent; ancestor; ancestor = ancestor.parent) {
    for (const attribute of ancestor.attributes) {
      if (attribute.ns !== XML_NAMESPACE || found.has(attribute.localName)) continue;
      found.set(attribute.localName, attribute);
      inherited.push(attribute);
    }
  }
  return inherited;
}

function compareAttributes(a: XmlTreeAttribute, b: XmlTreeAttribute): number {
  return compareCodePoints(a.ns, b.ns) || compareCodePoints(a.localName, b.localName);
}

function renderMisc(node: XmlTreeComment | XmlTreeInstruction): string {
  if (node.kind === "comment") return `<!--${node.value}-->`;
  return node.data === "" ? `<?${node.target}?>` : `<?${node.target} ${node.data}?>`;
}

function renderElement(
  element: XmlTreeElement,
  rendered: ReadonlyMap<string, string>,
  options: CanonicalizeOptions,
  out: string[],
  apex: boolean,
): void {
  const declarations: [string, string][] = [];
  for (const prefix of candidatePrefixes(element, options)) {
    if (prefix === "xml") continue;
    const uri = element.inScope.get(prefix) ?? "";
    if (prefix === "" ? uri !== (rendered.get("") ?? "") : uri !== "" && rendered.get(prefix) !== uri)
      declarations.push([prefix, uri]);
  }
  declarations.sort((a, b) => compareCodePoints(a[0], b[0]));
  const attributes =
    apex && options.mode === "inclusive"
      ? [...element.attributes, ...inheritedXmlAttributes(element)]
      : [...element.attributes];
  attributes.sort(compareAttributes);
  out.push(`<${element.qname}`);
  for (const [prefix, uri] of declarations)
    out.push(
      prefix === "" ? ` xmlns="${escapeAttribute(uri)}"` : ` xmlns:${prefix}="${escapeAttribute(uri)}"`,
    );
  for (const attribute of attributes) out.push(` ${attribute.qname}="${escapeAttribute(attribute.value)}"`);
  out.push(">");
  let inner = rendered;
  if (declarations.length > 0) {
    const next = new Map(rendered);
    for (const [prefix, uri] of declarations) next.set(prefix, uri);
    inner = next;
  }
  for (const child of element.children) {
    if (child.kind === "element") {
      if (child !== options.exclude) renderElement(child, inner, options, out, false);
    } else if (child.kind === "text") out.push(escapeText(child.value));
    else if (child.kind === "pi" || options.withComments === true) out.push(renderMisc(child));
  }
  out.push(`</${element.qname}>`);
}

/**
 * Canonicalises an element with its subtree (a document subset, as an `#id` reference selects it) or a whole
 * document (as `URI=""` selects it), per Canonical XML 1.0 or Exclusive XML Canonicalization 1.0. Namespace
 * declarations are emitted in code-point order of their prefixes and attributes in code-point order of
 * (namespace URI, local name). Returns the canonical text; hash its UTF-8 bytes.
 */
export function canonicalize(
  subject: XmlTreeElement | XmlTreeDocument,
  options: CanonicalizeOptions,
): string {
  const out: string[] = [];
  if ("root" in subject) {
    const keep = (node: XmlTreeComment | XmlTreeInstruction) =>
      node.kind === "pi" || options.withComments === true;
    for (const node of subject.before) if (keep(node)) out.push(renderMisc(node), "\n");
    renderElement(subject.root, new Map(), options, out, true);
    for (const node of subject.after) if (keep(node)) out.push("\n", renderMisc(node));
  } else {
    renderElement(subject, new Map(), options, out, true);
  }
  return out.join("");
}
