import { DSIG_NS, X509_TOKEN_TYPE } from "../xmldsig/xmldsig-algorithms.ts";
import {
  AES128_GCM,
  ATTACHMENT_CIPHERTEXT_TRANSFORM,
  ATTACHMENT_CONTENT_ONLY,
  ENCRYPTED_KEY_TOKEN_TYPE,
  MGF1_SHA256,
  OAEP_DIGEST_SHA256,
  RSA_OAEP,
  WSSE11_NS,
  XENC_NS,
  XENC11_NS,
} from "./xmlenc-algorithms.ts";

/** What the WS-Security header states about one encrypted attachment and the key that opens it. */
export interface AttachmentEncryptionSpec {
  readonly encryptedKeyId: string;
  readonly encryptedDataId: string;
  /** wsu:Id of the BinarySecurityToken holding the recipient's certificate (whose key wrapped the content key). */
  readonly recipientTokenId: string;
  readonly wrappedKey: Buffer;
  readonly contentId: string;
  /** The attachment's type before encryption (application/gzip for a compressed AS4 payload). */
  readonly mimeType: string;
}

/**
 * Writes an xenc:EncryptedKey (RSA-OAEP, SHA-256, MGF1-SHA-256) and the xenc:EncryptedData it references
 * (AES-128-GCM, SwA Attachment-Content-Only, the ciphertext in the MIME part through the
 * Attachment-Ciphertext-Transform), for a wsse:Security header that declares wsse and wsu. Hand-written: no
 * maintained JavaScript library implements XML Encryption of SOAP attachments.
 */
export function writeAttachmentEncryption(spec: AttachmentEncryptionSpec): string {
  return [
    `<xenc:EncryptedKey xmlns:xenc="${XENC_NS}" Id="${spec.encryptedKeyId}">`,
    `<xenc:EncryptionMethod Algorithm="${RSA_OAEP}">`,
    `<ds:DigestMethod xmlns:ds="${DSIG_NS}" Algorithm="${OAEP_DIGEST_SHA256}"/>`,
    `<xenc11:MGF xmlns:xenc11="${XENC11_NS}" Algorithm="${MGF1_SHA256}"/>`,
    "</xenc:EncryptionMethod>",
    `<ds:KeyInfo xmlns:ds="${DSIG_NS}"><wsse:SecurityTokenReference><wsse:Reference URI="#${spec.recipientTokenId}" ValueType="${X509_TOKEN_TYPE}"/></wsse:SecurityTokenReference></ds:KeyInfo>`,
    `<xenc:CipherData><xenc:CipherValue>${spec.wrappedKey.toString("base64")}</xenc:CipherValue></xenc:CipherData>`,
    `<xenc:ReferenceList><xenc:DataReference URI="#${spec.encryptedDataId}"/></xenc:ReferenceList>`,
    "</xenc:EncryptedKey>",
    `<xenc:EncryptedData xmlns:xenc="${XENC_NS}" Id="${spec.encryptedDataId}" MimeType="${spec.mimeType}" Type="${ATTACHMENT_CONTENT_ONLY}">`,
    `<xenc:EncryptionMethod Algorithm="${AES128_GCM}"/>`,
    `<ds:KeyInfo xmlns:ds="${DSIG_NS}"><wsse:SecurityTokenReference xmlns:wsse11="${WSSE11_NS}" wsse11:TokenType="${ENCRYPTED_KEY_TOKEN_TYPE}"><wsse:Reference URI="#${spec.encryptedKeyId}"/></wsse:SecurityTokenReference></ds:KeyInfo>`,
    `<xenc:CipherData><xenc:CipherReference URI="cid:${spec.contentId}"><xenc:Transforms><ds:Transform xmlns:ds="${DSIG_NS}" Algorithm="${ATTACHMENT_CIPHERTEXT_TRANSFORM}"/></xenc:Transforms></xenc:CipherReference></xenc:CipherData>`,
    "</xenc:EncryptedData>",
  ].join("");
}
