/** Why a document could not be written as UBL. */
export interface UblWriteError {
  /** A value holds a character XML 1.0 cannot carry (a control character, a lone surrogate, U+FFFE, U+FFFF). */
  readonly code: "invalid-character";
  /** The model field, e.g. `lines[3].item.name` or `seller.address.city`. */
  readonly field: string;
  readonly message: string;
}
