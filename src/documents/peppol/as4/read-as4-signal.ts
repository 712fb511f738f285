import { err, ok, type Result } from "../../../core/result.ts";
import { treeAttribute, treeChild, treeChildren, treeText, type XmlTreeElement } from "../xml/xml-tree.ts";
import { readReference, type SignatureReference } from "../xmldsig/read-signature.ts";
import { DSIG_NS } from "../xmldsig/xmldsig-algorithms.ts";
import { EBMS_NS } from "./as4-namespaces.ts";
import { EBBP_NS } from "./as4-profile.ts";
import { messagingOf } from "./read-user-message.ts";

/** One eb:Error of an error signal, as the other access point stated it. */
export interface EbmsSignalError {
  readonly errorCode: string;
  readonly severity: string;
  readonly shortDescription: string;
  readonly category: string | undefined;
  readonly detail: string;
  readonly refToMessageInError: string | undefined;
}

/** A signal message: a receipt with its non-repudiation references, or an error signal. */
export type As4Signal =
  | {
      readonly kind: "receipt";
      readonly messageId: string;
      readonly timestamp: string;
      readonly refToMessageId: string;
      readonly nonRepudiation: readonly SignatureReference[];
    }
  | {
      readonly kind: "error";
      readonly messageId: string;
      readonly timestamp: string;
      readonly refToMessageId: string | undefined;
      readonly errors: readonly EbmsSignalError[];
    };

function value(parent: XmlTreeElement | undefined, name: string): string | undefined {
  const element = treeChild(parent, EBMS_NS, name);
  const text = element ? treeText(element).trim() : "";
  return text === "" ? undefined : text;
}

function readError(element: XmlTreeElement): EbmsSignalError {
  const detail = treeChild(element, EBMS_NS, "ErrorDetail");
  return {
    errorCode: treeAttribute(element, "", "errorCode") ?? "",
    severity: treeAttribute(element, "", "severity") ?? "",
    shortDescription: treeAttribute(element, "", "shortDescription") ?? "",
    category: treeAttribute(element, "", "category"),
    detail: detail ? treeText(detail).trim() : "",
    refToMessageInError: treeAttribute(element, "", "refToMessageInError"),
  };
}

/** Reads the one eb:SignalMessage of an AS4 envelope: a receipt (with its NRI references) or an error signal. */
export function readAs4Signal(envelope: XmlTreeElement): Result<As4Signal, string> {
  const messaging = messagingOf(envelope);
  const signals = treeChildren(messaging, EBMS_NS, "SignalMessage");
  const [signal] = signals;
  if (!signal || signals.length !== 1) return err("the header does not hold exactly one eb:SignalMessage");
  const info = treeChild(signal, EBMS_NS, "MessageInfo");
  const messageId = value(info, "MessageId");
  const timestamp = value(info, "Timestamp");
  if (!messageId || !timestamp) return err("the signal has no MessageId or no Timestamp");
  const refToMessageId = value(info, "RefToMessageId");
  const errors = treeChildren(signal, EBMS_NS, "Error");
  if (errors.length > 0)
    return ok({ kind: "error", messageId, timestamp, refToMessageId, errors: errors.map(readError) });
  const receipt = treeChild(signal, EBMS_NS, "Receipt");
  if (!receipt) return err("the signal is neither a receipt nor an error");
  if (!refToMessageId) return err("the receipt has no RefToMessageId");
  const nri = treeChild(receipt, EBBP_NS, "NonRepudiationInformation");
  const nonRepudiation: SignatureReference[] = [];
  for (const [index, part] of treeChildren(nri, EBBP_NS, "MessagePartNRInformation").entries()) {
    const reference = treeChild(part, DSIG_NS, "Reference");
    if (!reference) return err(`MessagePartNRInformation ${index + 1} holds no ds:Reference`);
    const read = readReference(reference, index);
    if (!read.ok) return read;
    nonRepudiation.push(read.value);
  }
  return ok({ kind: "receipt", messageId, timestamp, refToMessageId, nonRepudiation });
}
