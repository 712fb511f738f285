import { err, ok, type Result } from "../../../core/result.ts";
import { canonicalize } from "../xml/canonicalize.ts";
import { parseXmlTree } from "../xml/parse-xml-tree.ts";
import type { XmlTreeElement } from "../xml/xml-tree.ts";

/**
 * The business document (the invoice) of an SBDH document as a standalone XML text: the element after the
 * header, in inclusive canonical form, which declares on it every namespace in scope (senders often declare the
 * payload's prefixes on the envelope's root, so cutting the text out would lose them). Comments are kept.
 */
export function businessDocumentOf(sbdh: Buffer | string): Result<string, string> {
  const parsed = parseXmlTree(sbdh);
  if (!parsed.ok) return err(`the SBDH cannot be read: ${parsed.error.message}`);
  const elements = parsed.value.root.children.filter(
    (child): child is XmlTreeElement => child.kind === "element",
  );
  const [header, business, ...rest] = elements;
  if (header?.localName !== "StandardBusinessDocumentHeader" || !business || rest.length > 0)
    return err("the SBDH does not hold a header and one business document");
  return ok(canonicalize(business, { mode: "inclusive", withComments: true }));
}
