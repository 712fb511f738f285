import { err, type Result } from "../../../core/result.ts";
import { EBBP_NS } from "./as4-profile.ts";
import type { As4Seat } from "./build-as4-user-message.ts";
import { type SignedSignalMessage, signSignalMessage } from "./sign-signal-message.ts";

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
export type As4Receipt = SignedSignalMessage;

/**
 * Builds the signed AS4 receipt a Peppol access point returns for a user message it accepted: an eb:SignalMessage
 * whose eb:Receipt holds ebbp:NonRepudiationInformation, one MessagePartNRInformation per ds:Reference of the user
 * message's signature (proof of what was received), signed like a user message (eb:Messaging and Body).
 */
export function buildAs4Receipt(input: As4ReceiptInput): Result<As4Receipt, string> {
  if (input.signatureReferences.length === 0)
    return err("a receipt needs the user message's signature references");
  const parts = input.signatureReferences.map(
    (reference) => `<ebbp:MessagePartNRInformation>${reference}</ebbp:MessagePartNRInformation>`,
  );
  return signSignalMessage({
    messageId: input.messageId,
    timestamp: input.timestamp,
    refToMessageId: input.refToMessageId,
    content: `<eb:Receipt><ebbp:NonRepudiationInformation xmlns:ebbp="${EBBP_NS}">${parts.join("")}</ebbp:NonRepudiationInformation></eb:Receipt>`,
    signer: input.signer,
  });
}
