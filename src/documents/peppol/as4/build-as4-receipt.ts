import { randomUUID } from "node:crypto";
import { err, ok, type Result } from "../../../core/result.ts";
import { writeBinarySecurityToken } from "../xmldsig/binary-security-token.ts";
import { escapeXml } from "../xmldsig/escape-xml.ts";
import type { ReferenceSpec } from "../xmldsig/write-signed-info.ts";
import { SIGNATURE_SLOT, signWsSecurity } from "../xmldsig/ws-security-signature.ts";
import { WSU_NS } from "../xmldsig/xmldsig-algorithms.ts";
import { EBMS_NS } from "./as4-namespaces.ts";
import { EBBP_NS } from "./as4-profile.ts";
import type { As4Seat } from "./build-as4-user-message.ts";
import { writeSoapEnvelope } from "./write-soap-envelope.ts";

/** What a receipt acknowledges and who signs it. */
export interface As4ReceiptInput {
  /** The MessageId of the user message received. */
  readonly refToMessageId: string;
  /** Its signature's ds:Reference elements in canonical form ({@link OpenedAs4UserMessage.signatureReferences}). */
  readonly signatureReferences: readonly string[];
  readonly messageId: string;
  readonly timestamp: Date;
  readonly signer: As4Seat;
}

/** A signed receipt, ready to be the HTTP response body. */
export interface As4Receipt {
  readonly contentType: string;
  readonly body: Buffer;
  readonly messageId: string;
  readonly signatureReferences: readonly ReferenceSpec[];
}

/**
 * Builds the signed AS4 receipt a Peppol access point returns for a user message it accepted: an eb:SignalMessage
 * whose eb:Receipt holds ebbp:NonRepudiationInformation, one MessagePartNRInformation per ds:Reference of the user
 * message's signature (proof of what was received), signed like a user message (eb:Messaging and Body).
 */
export function buildAs4Receipt(input: As4ReceiptInput): Result<As4Receipt, string> {
  if (input.signatureReferences.length === 0)
    return err("a receipt needs the user message's signature references");
  const unique = randomUUID();
  const ids = {
    messaging: `msg-${unique}`,
    body: `body-${unique}`,
    token: `X509-${unique}`,
    signature: `SIG-${unique}`,
  };
  const parts = input.signatureReferences.map(
    (reference) => `<ebbp:MessagePartNRInformation>${reference}</ebbp:MessagePartNRInformation>`,
  );
  const messaging = [
    `<eb:Messaging xmlns:eb="${EBMS_NS}" xmlns:wsu="${WSU_NS}" S12:mustUnderstand="true" wsu:Id="${ids.messaging}">`,
    "<eb:SignalMessage><eb:MessageInfo>",
    `<eb:Timestamp>${input.timestamp.toISOString()}</eb:Timestamp>`,
    `<eb:MessageId>${escapeXml(input.messageId)}</eb:MessageId>`,
    `<eb:RefToMessageId>${escapeXml(input.refToMessageId)}</eb:RefToMessageId>`,
    "</eb:MessageInfo><eb:Receipt>",
    `<ebbp:NonRepudiationInformation xmlns:ebbp="${EBBP_NS}">${parts.join("")}</ebbp:NonRepudiationInformation>`,
    "</eb:Receipt></eb:SignalMessage></eb:Messaging>",
  ].join("");
  const security = `${writeBinarySecurityToken(ids.token, input.signer.certificate)}${SIGNATURE_SLOT}`;
  const signed = signWsSecurity({
    envelope: writeSoapEnvelope({ security, messaging, bodyId: ids.body }),
    elementIds: [ids.messaging, ids.body],
    attachments: [],
    tokenId: ids.token,
    signatureId: ids.signature,
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
