import type { InvoiceDocument } from "../../core/invoice/invoice.ts";
import { parseXml } from "../ubl/parse-xml.ts";
import { readUblElement, type UblReadOptions } from "../ubl/read-ubl.ts";
import type { UblReadError } from "../ubl/ubl-read-error.ts";
import type { Finding } from "./finding.ts";
import { validateUblSyntax } from "./syntax/validate-ubl-syntax.ts";
import { validateDocument } from "./validate-document.ts";

/** The outcome of validating a UBL file: the document when it could be read, and every finding. */
export interface UblValidation {
  readonly document: InvoiceDocument | undefined;
  readonly findings: Finding[];
}

/** A document that cannot be read is one fatal finding, rule `XML`, saying why and where. */
export function readErrorFinding(error: UblReadError): Finding {
  return {
    rule: "XML",
    severity: "fatal",
    location: error.location ?? "/",
    message: `${error.code}: ${error.message}`,
  };
}

/**
 * Reads a UBL Invoice or CreditNote and checks it against every implemented rule: the model rules on the document
 * read, the syntax rules on the XML. Never throws for bad input: an unreadable document is an `XML` finding.
 */
export function validateUbl(xml: string | Buffer, options: UblReadOptions = {}): UblValidation {
  const parsed = parseXml(xml, options);
  if (!parsed.ok) return { document: undefined, findings: [readErrorFinding(parsed.error)] };
  const read = readUblElement(parsed.value, options);
  if (!read.ok) return { document: undefined, findings: [readErrorFinding(read.error)] };
  return {
    document: read.value,
    findings: [...validateDocument(read.value), ...validateUblSyntax(parsed.value)],
  };
}
