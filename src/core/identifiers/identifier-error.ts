/** Why an identifier was refused. A closed list, so callers can branch on it; `message` is for people. */
export type IdentifierErrorCode =
  | "empty"
  | "invalid-characters"
  | "invalid-length"
  | "invalid-format"
  | "invalid-check-digits"
  | "unknown-country"
  | "unknown-scheme"
  | "unusable-scheme"
  | "out-of-range";

/** An identifier that could not be parsed, with a sentence that says why. */
export interface IdentifierError {
  readonly code: IdentifierErrorCode;
  readonly message: string;
  /** For check-digit errors where it helps the reader: the check digits the rest of the number calls for. */
  readonly expected?: string;
}

/** Builds an {@link IdentifierError}. */
export function identifierError(
  code: IdentifierErrorCode,
  message: string,
  expected?: string,
): IdentifierError {
  return expected === undefined ? { code, message } : { code, message, expected };
}
