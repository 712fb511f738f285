/** `fatal` blocks a document (schematron flag="fatal"); `warning` is reported but does not. */
export type Severity = "fatal" | "warning";

/** One rule violation found in one place of a document. */
export interface Finding {
  /** Official rule identifier, e.g. `BR-CO-10` or `PEPPOL-EN16931-R120`. */
  readonly rule: string;
  readonly severity: Severity;
  /** XPath-like location in UBL terms, e.g. `/Invoice/cac:InvoiceLine[3]/cbc:LineExtensionAmount`. */
  readonly location: string;
  /** The official rule text. */
  readonly message: string;
}
