import type { InvoiceDocument } from "../../core/invoice/invoice.ts";
import { err, ok, type Result } from "../../core/result.ts";
import { mapUblDocument } from "./map-ubl-document.ts";
import { parseXml, type XmlReadOptions } from "./parse-xml.ts";
import { InvalidNumberError } from "./ubl-access.ts";
import { CREDIT_NOTE_NS, INVOICE_NS } from "./ubl-namespaces.ts";
import { type UblReadError, ublReadError } from "./ubl-read-error.ts";
import { elementPath, qualifiedName, type XmlElement } from "./xml-element.ts";

/** Options of {@link readUbl}. */
export type UblReadOptions = XmlReadOptions;

function kindOf(root: XmlElement): "invoice" | "credit-note" | undefined {
  if (root.name === "Invoice" && root.ns === INVOICE_NS) return "invoice";
  if (root.name === "CreditNote" && root.ns === CREDIT_NOTE_NS) return "credit-note";
  return undefined;
}

/**
 * Maps an already parsed UBL Invoice or CreditNote element (from {@link parseXml}, e.g. found inside a rule test
 * file's `<test>`), or the XML text of one, to the EN 16931 model. Lenient: a fragment with missing elements reads,
 * the missing fields stay undefined (required strings of the model read as ""), so the validator can report them.
 */
export function readUblElement(
  element: XmlElement | string,
  options: UblReadOptions = {},
): Result<InvoiceDocument, UblReadError> {
  let root: XmlElement;
  if (typeof element === "string") {
    const parsed = parseXml(element, options);
    if (!parsed.ok) return parsed;
    root = parsed.value;
  } else {
    root = element;
  }
  const kind = kindOf(root);
  if (!kind) {
    const found =
      root.ns === "" ? `<${root.name}> in no namespace` : `<${root.name}> in namespace ${root.ns}`;
    return err(
      ublReadError(
        "wrong-root",
        `expected a UBL 2.1 Invoice or CreditNote root element, found ${found}`,
        `/${qualifiedName(root)}`,
      ),
    );
  }
  try {
    return ok(mapUblDocument(root, kind));
  } catch (e) {
    if (!(e instanceof InvalidNumberError)) throw e;
    const location = elementPath(root, e.element);
    return err(ublReadError("invalid-number", `${qualifiedName(e.element)}: ${e.message}`, location));
  }
}

/**
 * Reads any UBL 2.1 Invoice or CreditNote (Peppol BIS 3.0 or another customisation) into the EN 16931 model.
 * Refuses DOCTYPE/ENTITY declarations and inputs over `maxBytes` (default 20 MB) before parsing; amounts,
 * quantities and rates are exact decimals; every failure is a value naming what and where.
 */
export function readUbl(
  xml: string | Buffer,
  options: UblReadOptions = {},
): Result<InvoiceDocument, UblReadError> {
  const parsed = parseXml(xml, options);
  if (!parsed.ok) return parsed;
  return readUblElement(parsed.value, options);
}
