/** Namespace URIs of UBL 2.1; elements are matched by these URIs, never by the prefixes a document happens to use. */
export const INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
export const CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
export const CAC_NS = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
export const CBC_NS = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

/** Conventional prefixes ("" for the document namespaces), used only to name elements in messages. */
export const CONVENTIONAL_PREFIXES: ReadonlyMap<string, string> = new Map([
  [INVOICE_NS, ""],
  [CREDIT_NOTE_NS, ""],
  [CAC_NS, "cac"],
  [CBC_NS, "cbc"],
]);
