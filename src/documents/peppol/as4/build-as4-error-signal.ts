import { randomUUID } from "node:crypto";
import { err, ok, type Result } from "../../../core/result.ts";
import { writeBinarySecurityToken } from "../xmldsig/binary-security-token.ts";
import { escapeXml } from "../xmldsig/escape-xml.ts";
import { SIGNATURE_SLOT, signWsSecurity } from "../xmldsig/ws-security-signature.ts";
import { WSU_NS } from "../xmldsig/xmldsig-algorithms.ts";
import type { As4Error, EbmsErrorCode } from "./as4-error.ts";
import { EBMS_NS } from "./as4-namespaces.ts";
import type { As4Seat } from "./build-as4-user-message.ts";
import { writeSoapEnvelope } from "./write-soap-envelope.ts";

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
  const unique = randomUUID();
  const ids = { messaging: `msg-${unique}`, body: `body-${unique}`, token: `X509-${unique}` };
  const ref = error.refToMessageId;
  const messaging = [
    `<eb:Messaging xmlns:eb="${EBMS_NS}" xmlns:wsu="${WSU_NS}" S12:mustUnderstand="true" wsu:Id="${ids.messaging}">`,
    "<eb:SignalMessage><eb:MessageInfo>",
    `<eb:Timestamp>${input.timestamp.toISOString()}</eb:Timestamp>`,
    `<eb:MessageId>${escapeXml(input.messageId)}</eb:MessageId>`,
    ref === undefined ? "" : `<eb:RefToMessageId>${escapeXml(ref)}</eb:RefToMessageId>`,
    "</eb:MessageInfo>",
    `<eb:Error errorCode="${error.code}" severity="failure" shortDescription="${error.shortDescription}"`,
    ` category="${CATEGORIES[error.code]}" origin="ebMS"`,
    ref === undefined ? "" : ` refToMessageInError="${escapeXml(ref)}"`,
    `><eb:ErrorDetail>${escapeXml(error.detail)}</eb:ErrorDetail></eb:Error>`,
    "</eb:SignalMessage></eb:Messaging>",
  ].join("");
  const security = `${writeBinarySecurityToken(ids.token, input.signer.certificate)}${SIGNATURE_SLOT}`;
  const signed = signWsSecurity({
    envelope: writeSoapEnvelope({ security, messaging, bodyId: ids.body }),
    elementIds: [ids.messaging, ids.body],
    attachments: [],
    tokenId: ids.token,
    signatureId: `SIG-${unique}`,
    privateKey: input.signer.privateKey,
  });
  if (!signed.ok) return err(signed.error);
  return ok({
    contentType: "application/soap+xml; charset=UTF-8",
    body: Buffer.from(signed.value.envelope, "utf8"),
    messageId: input.messageId,
  });
}
