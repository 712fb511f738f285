/** The ebMS 3.0 and AS4 error codes facteur answers with, and their short descriptions (ebMS 3.0 core, 6.7). */
export const EBMS_ERRORS = {
  "EBMS:0003": "ValueInconsistent",
  "EBMS:0004": "Other",
  "EBMS:0007": "MimeInconsistency",
  "EBMS:0009": "InvalidHeader",
  "EBMS:0101": "FailedAuthentication",
  "EBMS:0102": "FailedDecryption",
  "EBMS:0103": "PolicyNoncompliance",
  "EBMS:0302": "InvalidReceipt",
  "EBMS:0303": "DecompressionFailure",
} as const;

export type EbmsErrorCode = keyof typeof EBMS_ERRORS;

/** Why an AS4 message or receipt was refused: the ebMS error to answer with, and a sentence for the log. */
export interface As4Error {
  readonly code: EbmsErrorCode;
  readonly shortDescription: (typeof EBMS_ERRORS)[EbmsErrorCode];
  readonly detail: string;
  /** The refused message's MessageId, when it could be read (the error signal refers to it). */
  readonly refToMessageId?: string;
}

/** Builds an {@link As4Error}. */
export function as4Error(code: EbmsErrorCode, detail: string, refToMessageId?: string): As4Error {
  return {
    code,
    shortDescription: EBMS_ERRORS[code],
    detail,
    ...(refToMessageId === undefined ? {} : { refToMessageId }),
  };
}
