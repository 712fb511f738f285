import { randomUUID } from "node:crypto";
import { ok, type Result } from "../../../core/result.ts";
import { writeBinarySecurityToken } from "../xmldsig/binary-security-token.ts";
import { escapeXml } from "../xmldsig/escape-xml.ts";
import type { ReferenceSpec } from "../xmldsig/write-signed-info.ts";
import { SIGNATURE_SLOT, signWsSecurity } from "../xmldsig/ws-security-signature.ts";
import { WSU_NS } from "../xmldsig/xmldsig-algorithms.ts";
import { EBMS_NS } from "./as4-namespaces.ts";
import type { As4Seat } from "./build-as4-user-message.ts";
import { writeSoapEnvelope } from "./write-soap-envelope.ts";

/** A signal message to sign: its MessageInfo, and what follows it inside eb:SignalMessage (a receipt, an error). */
export interface SignalMessageInput {
  readonly messageId: string;
  readonly timestamp: Date;
  /** The user message the signal answers, when known. */
  readonly refToMessageId?: string;
  /** The XML after eb:MessageInfo (eb:Receipt or eb:Error), already escaped. */
  readonly content: string;
  readonly signer: As4Seat;
}

/** A signed signal, ready to be the HTTP response body. */
export interface SignedSignalMessage {
  readonly contentType: string;
  readonly body: Buffer;
  readonly messageId: string;
  readonly signatureReferences: readonly ReferenceSpec[];
}

/**
 * Wraps a signal (receipt or error) in eb:Messaging and a SOAP envelope, and signs eb:Messaging and the Body with the
 * seat's key, as the Peppol AS4 profile asks of every signal, so that the sender can tell a genuine answer from a
 * forged one.
 */
export function signSignalMessage(input: SignalMessageInput): Result<SignedSignalMessage, string> {
  const unique = randomUUID();
  const ids = { messaging: `msg-${unique}`, body: `body-${unique}`, token: `X509-${unique}` };
  const ref = input.refToMessageId;
  const messaging = [
    `<eb:Messaging xmlns:eb="${EBMS_NS}" xmlns:wsu="${WSU_NS}" S12:mustUnderstand="true" wsu:Id="${ids.messaging}">`,
    "<eb:SignalMessage><eb:MessageInfo>",
    `<eb:Timestamp>${input.timestamp.toISOString()}</eb:Timestamp>`,
    `<eb:MessageId>${escapeXml(input.messageId)}</eb:MessageId>`,
    ref === undefined ? "" : `<eb:RefToMessageId>${escapeXml(ref)}</eb:RefToMessageId>`,
    "</eb:MessageInfo>",
    input.content,
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
  if (!signed.ok) return signed;
  return ok({
    contentType: "application/soap+xml; charset=UTF-8",
    body: Buffer.from(signed.value.envelope, "utf8"),
    messageId: input.messageId,
    signatureReferences: signed.value.references,
  });
}
