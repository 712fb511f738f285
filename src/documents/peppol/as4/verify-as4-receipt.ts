import type { X509Certificate } from "node:crypto";
import { err, ok, type Result } from "../../../core/result.ts";
import { type CertificateTrust, checkCertificateTrust } from "../pki/check-certificate-trust.ts";
import { parseXmlTree } from "../xml/parse-xml-tree.ts";
import type { SignatureReference } from "../xmldsig/read-signature.ts";
import type { ReferenceSpec } from "../xmldsig/write-signed-info.ts";
import { type As4Error, as4Error } from "./as4-error.ts";
import { readAs4Message } from "./read-as4-message.ts";
import { type As4Signal, readAs4Signal } from "./read-as4-signal.ts";
import { verifyAs4Signature } from "./verify-as4-signature.ts";

/** What the sender kept of the user message it sent ({@link As4UserMessage} fits). */
export interface SentAs4Message {
  readonly messageId: string;
  readonly signatureReferences: readonly ReferenceSpec[];
  /** The receiver's certificate from the SMP: when given, the signal must be signed with it. */
  readonly receiverCertificate?: X509Certificate;
}

/** A verified answer to a user message: the receipt (or error signal), who signed it, and its SOAP octets. */
export interface VerifiedAs4Signal {
  readonly signal: As4Signal;
  readonly signerCertificate: X509Certificate;
  /** The signal's SOAP envelope as received: the evidence to store. */
  readonly soap: Buffer;
}

function sameReference(sent: ReferenceSpec, echoed: SignatureReference): boolean {
  return (
    sent.uri === echoed.uri &&
    sent.digestAlgorithm === echoed.digestAlgorithm &&
    sent.digestValue.equals(echoed.digestValue) &&
    sent.transforms.map((t) => t.algorithm).join(" ") === echoed.transforms.map((t) => t.algorithm).join(" ")
  );
}

/** The first sent reference the receipt does not echo, or an extra one it names; undefined when they agree. */
function nonRepudiationProblem(sent: readonly ReferenceSpec[], echoed: readonly SignatureReference[]) {
  for (const reference of sent)
    if (!echoed.some((candidate) => sameReference(reference, candidate)))
      return `the receipt does not echo the reference ${reference.uri} as sent`;
  if (echoed.length !== sent.length)
    return `the receipt names ${echoed.length} references, not ${sent.length}`;
  return undefined;
}

/**
 * Verifies the answer to a sent user message (the HTTP response): a signal signed over eb:Messaging and the Body
 * by a certificate trusted at `trust.at` (and the expected receiver's, when known), referring to the sent
 * MessageId. A receipt must also echo, in its NonRepudiationInformation, exactly the references of the sent
 * message's signature (URI, transforms, digest). Anything else is EBMS:0302 InvalidReceipt; an error signal that
 * verifies is returned as such, for the caller to act on its codes.
 */
export async function verifyAs4Receipt(
  contentType: string,
  body: Buffer,
  options: { readonly sent: SentAs4Message; readonly trust: CertificateTrust },
): Promise<Result<VerifiedAs4Signal, As4Error>> {
  const { sent } = options;
  const invalid = (detail: string) => err(as4Error("EBMS:0302", detail, sent.messageId));
  const message = readAs4Message(contentType, body);
  if (!message.ok) return invalid(message.error);
  const parsed = parseXmlTree(message.value.soap);
  if (!parsed.ok) return invalid(`the signal cannot be read: ${parsed.error.message}`);
  const signal = readAs4Signal(parsed.value.root);
  if (!signal.ok) return invalid(signal.error);
  if (signal.value.refToMessageId !== sent.messageId)
    return invalid(
      `the signal refers to ${signal.value.refToMessageId ?? "no message"}, not to ${sent.messageId}`,
    );
  const verified = verifyAs4Signature(message.value, { document: parsed.value });
  if (!verified.ok) return invalid(verified.error);
  const { signature, messagingSigned, bodySigned } = verified.value;
  if (signature.status !== "valid" || !messagingSigned || !bodySigned || !signature.certificate)
    return invalid(
      `the signal's signature does not hold: ${signature.problems.join("; ") || "it must cover eb:Messaging and the Body"}`,
    );
  if (sent.receiverCertificate && !sent.receiverCertificate.raw.equals(signature.certificate.raw))
    return invalid("the signal is not signed by the receiver the message was sent to");
  const trusted = await checkCertificateTrust(signature.certificate, options.trust);
  if (!trusted.ok) return invalid(`the signer: ${trusted.error}`);
  if (signal.value.kind === "receipt") {
    const problem = nonRepudiationProblem(sent.signatureReferences, signal.value.nonRepudiation);
    if (problem !== undefined) return invalid(problem);
  }
  return ok({ signal: signal.value, signerCertificate: signature.certificate, soap: message.value.soap });
}
