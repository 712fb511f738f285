import { err, ok, type Result } from "../../core/result.ts";
import { SOAP12_NS } from "../../documents/peppol/as4/as4-namespaces.ts";
import { readAs4Message } from "../../documents/peppol/as4/read-as4-message.ts";
import { readUserMessage } from "../../documents/peppol/as4/read-user-message.ts";
import type { SentAs4Message } from "../../documents/peppol/as4/verify-as4-receipt.ts";
import { parseXmlTree } from "../../documents/peppol/xml/parse-xml-tree.ts";
import { treeChild } from "../../documents/peppol/xml/xml-tree.ts";
import { readSignature } from "../../documents/peppol/xmldsig/read-signature.ts";
import { DSIG_NS, WSSE_NS } from "../../documents/peppol/xmldsig/xmldsig-algorithms.ts";

/**
 * What a receipt must echo, read back from a message built by an earlier attempt (its MessageId and its signature's
 * references). A retry resends those exact bytes rather than a fresh build: a receiver that already has the message
 * answers with the receipt it gave the first time, whose non-repudiation information names the first build's
 * digests, and a fresh build (new ids, new content key) would no longer match them.
 */
export function sentMessageFromBytes(
  contentType: string,
  body: Buffer,
): Result<Omit<SentAs4Message, "receiverCertificate">, string> {
  const message = readAs4Message(contentType, body);
  if (!message.ok) return err(`the earlier message cannot be read: ${message.error}`);
  const parsed = parseXmlTree(message.value.soap);
  if (!parsed.ok) return err(`the earlier message cannot be read: ${parsed.error.message}`);
  const envelope = parsed.value.root;
  const user = readUserMessage(envelope);
  if (!user.ok) return err(`the earlier message: ${user.error}`);
  const security = treeChild(treeChild(envelope, SOAP12_NS, "Header"), WSSE_NS, "Security");
  const element = treeChild(security, DSIG_NS, "Signature");
  if (!element) return err("the earlier message is not signed");
  const signature = readSignature(element);
  if (!signature.ok) return err(`the earlier message's signature: ${signature.error}`);
  return ok({ messageId: user.value.messageId, signatureReferences: signature.value.references });
}
