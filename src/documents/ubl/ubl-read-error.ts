/** Why a UBL document could not be read. */
export type UblReadErrorCode =
  /** The input is larger than the configured limit; nothing was parsed. */
  | "too-large"
  /** The input has a DOCTYPE or ENTITY declaration, refused to rule out XXE and entity expansion. */
  | "doctype-refused"
  /** The input is not well-formed XML (or not namespace-well-formed). */
  | "not-xml"
  /** The root element is not a UBL 2.1 Invoice or CreditNote. */
  | "wrong-root"
  /** An amount, quantity, price or percentage is not a plain decimal number. */
  | "invalid-number";

/** A failed read, as a value: what went wrong and, when known, where. */
export interface UblReadError {
  readonly code: UblReadErrorCode;
  readonly message: string;
  /** `line L, column C` for XML errors; an element path such as `/Invoice/cac:InvoiceLine[2]/cbc:Note` otherwise. */
  readonly location?: string;
}

/** Builds a {@link UblReadError}. */
export function ublReadError(code: UblReadErrorCode, message: string, location?: string): UblReadError {
  return location === undefined ? { code, message } : { code, message, location };
}
