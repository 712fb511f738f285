import {
  XML_NAMESPACE,
  type XmlNamespaceDeclaration,
  type XmlTreeAttribute,
  type XmlTreeElement,
  type XmlTreeNode,
} from "./xml-tree.ts";

/** An XML 1.0 NCName, approximately: the letters XML allows are the ones at and above U+00C0. */
export const NCNAME = /^[A-Za-z_\u00c0-\uffff][\w.\u00b7-\uffff-]*$/;

/** A syntax error at an offset of the decoded text. */
export class TreeSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** An element whose children are still being read. */
export interface OpenElement {
  readonly kind: "element";
  readonly qname: string;
  readonly prefix: string;
  readonly localName: string;
  readonly ns: string;
  readonly declarations: readonly XmlNamespaceDeclaration[];
  readonly attributes: readonly XmlTreeAttribute[];
  readonly inScope: ReadonlyMap<string, string>;
  readonly children: XmlTreeNode[];
  readonly parent: XmlTreeElement | undefined;
}

/** Splits a qualified name at its colon, checking both parts are NCNames. */
export function splitQName(qname: string, offset: number): { prefix: string; localName: string } {
  const colon = qname.indexOf(":");
  const prefix = colon < 0 ? "" : qname.slice(0, colon);
  const localName = colon < 0 ? qname : qname.slice(colon + 1);
  if ((prefix !== "" && !NCNAME.test(prefix)) || !NCNAME.test(localName))
    throw new TreeSyntaxError(`"${qname}" is not a valid XML name`, offset);
  return { prefix, localName };
}

/** Builds one element from its start tag: namespace declarations first, then prefixes resolved against them. */
export function openElement(
  qname: string,
  raw: readonly { qname: string; value: string }[],
  parent: OpenElement | undefined,
  offset: number,
): OpenElement {
  const declarations: XmlNamespaceDeclaration[] = [];
  for (const { qname: name, value } of raw) {
    if (name !== "xmlns" && !name.startsWith("xmlns:")) continue;
    const prefix = name === "xmlns" ? "" : name.slice(6);
    if (
      prefix === "xmlns" ||
      (prefix === "xml") !== (value === XML_NAMESPACE) ||
      (prefix !== "" && value === "")
    )
      throw new TreeSyntaxError(`the namespace declaration ${name}="${value}" is not allowed`, offset);
    declarations.push({ prefix, uri: value });
  }
  const inherited = parent?.inScope ?? new Map([["xml", XML_NAMESPACE]]);
  let inScope: ReadonlyMap<string, string> = inherited;
  if (declarations.length > 0) {
    const extended = new Map(inherited);
    for (const d of declarations) extended.set(d.prefix, d.uri);
    inScope = extended;
  }
  const resolve = (prefix: string, what: string): string => {
    const uri = inScope.get(prefix);
    if (uri === undefined)
      throw new TreeSyntaxError(`the prefix "${prefix}" of ${what} is not declared`, offset);
    return uri;
  };
  const { prefix, localName } = splitQName(qname, offset);
  const ns = prefix === "" ? (inScope.get("") ?? "") : resolve(prefix, `<${qname}>`);
  const attributes: XmlTreeAttribute[] = [];
  const seen = new Set<string>();
  for (const { qname: name, value } of raw) {
    if (name === "xmlns" || name.startsWith("xmlns:")) continue;
    const parts = splitQName(name, offset);
    const attributeNs = parts.prefix === "" ? "" : resolve(parts.prefix, `the attribute ${name}`);
    const key = `${attributeNs} ${parts.localName}`;
    if (seen.has(key)) throw new TreeSyntaxError(`<${qname}> has the attribute ${name} twice`, offset);
    seen.add(key);
    attributes.push({
      qname: name,
      prefix: parts.prefix,
      localName: parts.localName,
      ns: attributeNs,
      value,
    });
  }
  return {
    kind: "element",
    qname,
    prefix,
    localName,
    ns,
    declarations,
    attributes,
    inScope,
    children: [],
    parent,
  };
}
