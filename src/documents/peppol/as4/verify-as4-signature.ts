import type { X509Certificate } from "node:crypto";
import { err, ok, type Result } from "../../../core/result.ts";
import { parseXmlTree } from "../xml/parse-xml-tree.ts";
import {
  treeAttribute,
  treeChild,
  treeChildren,
  type XmlTreeDocument,
  type XmlTreeElement,
} from "../xml/xml-tree.ts";
import { verifyXmlSignature, type XmlSignatureCheck } from "../xmldsig/verify-xml-signature.ts";
import { DSIG_NS, WSSE_NS } from "../xmldsig/xmldsig-algorithms.ts";
import { EBMS_NS, SOAP12_NS, XENC_NS } from "./as4-namespaces.ts";
import type { As4Message } from "./read-as4-message.ts";

/** The WS-Security signature check of an AS4 message, with what the signature covers. */
export interface As4SignatureCheck {
  readonly signature: XmlSignatureCheck;
  /**
   * True when a valid reference covers the eb:Messaging header itself (the one child of the SOAP Header that the
   * routing and receipt information is read from): a signed eb:Messaging moved elsewhere does not count.
   */
  readonly messagingSigned: boolean;
  /** True when a valid reference covers the envelope's SOAP Body. */
  readonly bodySigned: boolean;
  /**
   * Content-IDs of attachments that are encrypted (named by an xenc:CipherReference): their signature digest was
   * taken over the plaintext, so it can only be checked after decryption (pass the plaintext as `decrypted`).
   */
  readonly encryptedAttachments: readonly string[];
  /** The parsed SOAP envelope, for reading the header the signature vouches for. */
  readonly envelope: XmlTreeElement;
}

/** Options of {@link verifyAs4Signature}. */
export interface VerifyAs4SignatureOptions {
  /** Decrypted (still compressed) attachment octets by Content-ID, for the encrypted parts. */
  readonly decrypted?: ReadonlyMap<string, Buffer>;
  /** Verify with this certificate instead of the message's BinarySecurityToken. */
  readonly certificate?: X509Certificate;
  /** The SOAP envelope already parsed from `message.soap` (saves parsing it twice). */
  readonly document?: XmlTreeDocument;
}

function encryptedContentIds(security: XmlTreeElement): string[] {
  const ids: string[] = [];
  for (const data of treeChildren(security, XENC_NS, "EncryptedData")) {
    const reference = treeChild(treeChild(data, XENC_NS, "CipherData"), XENC_NS, "CipherReference");
    const uri = reference ? treeAttribute(reference, "", "URI") : undefined;
    if (uri?.startsWith("cid:")) ids.push(uri.slice(4));
  }
  return ids;
}

/**
 * Verifies the signature in the SOAP header's wsse:Security of an AS4 message. Plain attachments are digested as
 * they are; encrypted ones only when their plaintext is supplied, otherwise their references are `unresolved`
 * and the check is at best `incomplete`. The certificate's trust is a separate check.
 */
export function verifyAs4Signature(
  message: As4Message,
  options: VerifyAs4SignatureOptions = {},
): Result<As4SignatureCheck, string> {
  let document = options.document;
  if (!document) {
    const parsed = parseXmlTree(message.soap);
    if (!parsed.ok) return err(`the SOAP envelope cannot be read: ${parsed.error.message}`);
    document = parsed.value;
  }
  const envelope = document.root;
  if (envelope.ns !== SOAP12_NS || envelope.localName !== "Envelope") return err("not a SOAP 1.2 envelope");
  const header = treeChild(envelope, SOAP12_NS, "Header");
  const security = treeChild(header, WSSE_NS, "Security");
  const signatures = treeChildren(security, DSIG_NS, "Signature");
  const signature = signatures[0];
  if (!security || !signature) return err("the SOAP header holds no wsse:Security signature");
  if (signatures.length > 1) return err("the wsse:Security header holds more than one signature");
  const encrypted = encryptedContentIds(security);
  const attachments = new Map<string, Buffer>();
  for (const [id, part] of message.attachments) {
    const plaintext = options.decrypted?.get(id);
    if (plaintext) attachments.set(id, plaintext);
    else if (!encrypted.includes(id)) attachments.set(id, part.body);
  }
  const check = verifyXmlSignature(document, signature, {
    attachments,
    ...(options.certificate ? { certificate: options.certificate } : {}),
  });
  // By identity, not by name: a signature-wrapping attack keeps the signed element somewhere harmless and puts
  // a forged one where the reader looks.
  const covered = (element: XmlTreeElement | undefined) =>
    element !== undefined && check.references.some((r) => r.status === "valid" && r.element === element);
  const messaging = treeChildren(header, EBMS_NS, "Messaging");
  return ok({
    signature: check,
    messagingSigned: messaging.length === 1 && covered(messaging[0]),
    bodySigned: covered(treeChild(envelope, SOAP12_NS, "Body")),
    encryptedAttachments: encrypted,
    envelope,
  });
}
