import { err, ok, type Result } from "../../../core/result.ts";
import type { ElementIds } from "../xml/element-ids.ts";
import { treeAttribute, treeChild, treeChildren, treeText, type XmlTreeElement } from "../xml/xml-tree.ts";
import { decodeBase64 } from "../xmldsig/read-signature.ts";
import { DSIG_NS } from "../xmldsig/xmldsig-algorithms.ts";
import {
  AES128_GCM,
  ATTACHMENT_CIPHERTEXT_TRANSFORM,
  MGF1_SHA256,
  OAEP_DIGEST_SHA256,
  RSA_OAEP,
  XENC_NS,
  XENC11_NS,
} from "./xmlenc-algorithms.ts";

/** One encrypted attachment as the header describes it: which MIME part, and the wrapped content key. */
export interface AttachmentEncryption {
  readonly contentId: string;
  readonly wrappedKey: Buffer;
  readonly mimeType: string | undefined;
}

function algorithmOf(element: XmlTreeElement | undefined): string | undefined {
  return element ? treeAttribute(element, "", "Algorithm") : undefined;
}

function checkKeyTransport(encryptedKey: XmlTreeElement): string | undefined {
  const method = treeChild(encryptedKey, XENC_NS, "EncryptionMethod");
  if (algorithmOf(method) !== RSA_OAEP)
    return `key transport ${algorithmOf(method) ?? "(none)"} is not rsa-oaep`;
  if (algorithmOf(treeChild(method, DSIG_NS, "DigestMethod")) !== OAEP_DIGEST_SHA256)
    return "the RSA-OAEP digest is not SHA-256";
  if (algorithmOf(treeChild(method, XENC11_NS, "MGF")) !== MGF1_SHA256)
    return "the RSA-OAEP MGF is not MGF1-SHA-256";
  return undefined;
}

function readEncryptedData(data: XmlTreeElement, wrappedKey: Buffer): Result<AttachmentEncryption, string> {
  const method = algorithmOf(treeChild(data, XENC_NS, "EncryptionMethod"));
  if (method !== AES128_GCM) return err(`content encryption ${method ?? "(none)"} is not aes128-gcm`);
  const reference = treeChild(treeChild(data, XENC_NS, "CipherData"), XENC_NS, "CipherReference");
  const uri = reference ? treeAttribute(reference, "", "URI") : undefined;
  if (!reference || !uri?.startsWith("cid:"))
    return err("the EncryptedData does not reference an attachment");
  const transforms = treeChildren(treeChild(reference, XENC_NS, "Transforms"), DSIG_NS, "Transform");
  if (transforms.length !== 1 || algorithmOf(transforms[0]) !== ATTACHMENT_CIPHERTEXT_TRANSFORM)
    return err("the attachment's CipherReference lacks the Attachment-Ciphertext-Transform");
  return ok({ contentId: uri.slice(4), wrappedKey, mimeType: treeAttribute(data, "", "MimeType") });
}

/**
 * Reads the encrypted attachments a wsse:Security header announces: each xenc:EncryptedKey (RSA-OAEP with SHA-256
 * and MGF1-SHA-256 only, as the Peppol AS4 profile requires) and the xenc:EncryptedData its ReferenceList names
 * (AES-128-GCM over a `cid:` attachment only). Anything else is refused, with the reason.
 */
export function readAttachmentEncryption(
  security: XmlTreeElement,
  ids: ElementIds,
): Result<AttachmentEncryption[], string> {
  const found: AttachmentEncryption[] = [];
  for (const encryptedKey of treeChildren(security, XENC_NS, "EncryptedKey")) {
    const problem = checkKeyTransport(encryptedKey);
    if (problem !== undefined) return err(problem);
    const cipherValue = treeChild(treeChild(encryptedKey, XENC_NS, "CipherData"), XENC_NS, "CipherValue");
    const wrappedKey = cipherValue ? decodeBase64(treeText(cipherValue)) : undefined;
    if (wrappedKey === undefined) return err("the EncryptedKey has no base64 CipherValue");
    const list = treeChildren(treeChild(encryptedKey, XENC_NS, "ReferenceList"), XENC_NS, "DataReference");
    if (list.length === 0) return err("the EncryptedKey references no EncryptedData");
    for (const reference of list) {
      const uri = treeAttribute(reference, "", "URI") ?? "";
      const targets = uri.startsWith("#") ? (ids.get(uri.slice(1)) ?? []) : [];
      const [data] = targets;
      if (!data || targets.length !== 1 || data.localName !== "EncryptedData" || data.ns !== XENC_NS)
        return err(`the DataReference ${uri} does not name one EncryptedData`);
      const read = readEncryptedData(data, wrappedKey);
      if (!read.ok) return read;
      found.push(read.value);
    }
  }
  return ok(found);
}
