import { ok, type Result } from "../../../core/result.ts";
import { escapeXml } from "../xmldsig/escape-xml.ts";
import type { As4Error, EbmsErrorCode } from "./as4-error.ts";
import type { As4Seat } from "./build-as4-user-message.ts";
import { signSignalMessage } from "./sign-signal-message.ts";

/** The category of each error code (ebMS 3.0 core, table of section 6.7.1). */
const CATEGORIES: Readonly<Record<EbmsErrorCode, string>> = {
  "EBMS:0003": "Content",
  "EBMS:0004": "Content",
  "EBMS:0007": "Unpackaging",
  "EBMS:0009": "Unpackaging",
  "EBMS:0101": "Processing",
  "EBMS:0102": "Processing",
  "EBMS:0103": "Processing",
  "EBMS:0302": "Communication",
  "EBMS:0303": "Communication",
};

/** What an error signal answers and who signs it. */
export interface As4ErrorSignalInput {
  readonly error: As4Error;
  readonly messageId: string;
  readonly timestamp: Date;
  readonly signer: As4Seat;
}

/** A signed error signal, ready to be the HTTP response body. */
export interface As4ErrorSignal {
  readonly contentType: string;
  readonly body: Buffer;
  readonly messageId: string;
}

/**
 * Builds the ebMS error signal a receiving access point answers a refused user message with: one eb:Error of
 * severity failure, with its code, short description, category, the refused MessageId when it could be read, and the
 * reason as ErrorDetail (for Peppol's "not serviced" answer, EBMS:0004 with detail `PEPPOL:NOT_SERVICED`). Signed
 * like a receipt, so that the sender can tell a genuine refusal from a forged one.
 */
export function buildAs4ErrorSignal(input: As4ErrorSignalInput): Result<As4ErrorSignal, string> {
  const { error } = input;
  const ref = error.refToMessageId;
  const signed = signSignalMessage({
    messageId: input.messageId,
    timestamp: input.timestamp,
    ...(ref === undefined ? {} : { refToMessageId: ref }),
    content: [
      `<eb:Error errorCode="${error.code}" severity="failure" shortDescription="${error.shortDescription}"`,
      ` category="${CATEGORIES[error.code]}" origin="ebMS"`,
      ref === undefined ? "" : ` refToMessageInError="${escapeXml(ref)}"`,
      `><eb:ErrorDetail>${escapeXml(error.detail)}</eb:ErrorDetail></eb:Error>`,
    ].join(""),
    signer: input.signer,
  });
  if (!signed.ok) return signed;
  const { contentType, body, messageId } = signed.value;
  return ok({ contentType, body, messageId });
}
