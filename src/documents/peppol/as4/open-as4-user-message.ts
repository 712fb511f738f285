import type { X509Certificate } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { DOCUMENT_TYPE_SCHEME } from "../../../core/peppol/peppol-identifiers.ts";
import { err, ok, type Result } from "../../../core/result.ts";
import { DEFAULT_MAX_XML_BYTES } from "../../ubl/decode-xml-input.ts";
import { type CertificateTrust, checkCertificateTrust } from "../pki/check-certificate-trust.ts";
import { readSbdh, type SbdhDocument } from "../sbdh/read-sbdh.ts";
import { indexElementIds } from "../xml/element-ids.ts";
import { parseXmlTree } from "../xml/parse-xml-tree.ts";
import { treeChild } from "../xml/xml-tree.ts";
import { RSA_SHA256 } from "../xmldsig/signing-algorithms.ts";
import { WSSE_NS } from "../xmldsig/xmldsig-algorithms.ts";
import { readAttachmentEncryption } from "../xmlenc/read-attachment-encryption.ts";
import { type As4Error, as4Error } from "./as4-error.ts";
import { SOAP12_NS } from "./as4-namespaces.ts";
import { GZIP_MIME_TYPE } from "./as4-profile.ts";
import type { As4Seat } from "./build-as4-user-message.ts";
import { checkUserMessageConsistency } from "./check-user-message-consistency.ts";
import { decryptAttachments } from "./decrypt-attachments.ts";
import { readAs4Message } from "./read-as4-message.ts";
import { readUserMessage, type UserMessageMetadata } from "./read-user-message.ts";
import { seatIdOf } from "./seat-id.ts";
import { canonicalSignatureReferences } from "./signature-references.ts";
import { verifyAs4Signature } from "./verify-as4-signature.ts";

/** What the receiving access point needs: its own seat (to decrypt), whom to trust, and a payload size bound. */
export interface OpenAs4Options {
  readonly receiver: As4Seat;
  readonly trust: CertificateTrust;
  /** Largest decompressed SBDH accepted (zip bomb guard); default 20 MB, what the XML readers accept. */
  readonly maxPayloadBytes?: number;
}

/** A received user message, verified, decrypted and decompressed. */
export interface OpenedAs4UserMessage {
  readonly metadata: UserMessageMetadata;
  /** The SBDH document octets as sent (decompressed); `businessDocumentOf` gives the invoice alone. */
  readonly document: Buffer;
  readonly sbdh: SbdhDocument;
  readonly signerCertificate: X509Certificate;
  /** The signature's ds:Reference elements in canonical form, for the receipt's non-repudiation information. */
  readonly signatureReferences: readonly string[];
}

function gunzipBounded(compressed: Buffer, limit: number): Result<Buffer, string> {
  try {
    return ok(gunzipSync(compressed, { maxOutputLength: limit }));
  } catch (error) {
    const tooLarge =
      error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE";
    return err(
      tooLarge ? `the payload inflates beyond ${limit} bytes` : `the payload is not gzip: ${String(error)}`,
    );
  }
}

/**
 * Opens a Peppol AS4 user message as a receiving access point must, in this order: MIME (EBMS:0007), SOAP and
 * ebMS header (EBMS:0009), the WS-Security signature's SignatureValue and its references to eb:Messaging and the
 * Body, with RSA-SHA256, the signer's certificate chained to the AP CA and not revoked, and the From party being the
 * signer's seat (EBMS:0101), all before any decryption; then decryption of the attachment with the receiver's key
 * (EBMS:0102) and the signature's digest of the decrypted attachment (EBMS:0101), the size-bounded gunzip
 * (EBMS:0303), the SBDH (EBMS:0004) and its agreement with the ebMS header (EBMS:0003).
 */
export async function openAs4UserMessage(
  contentType: string,
  body: Buffer,
  options: OpenAs4Options,
): Promise<Result<OpenedAs4UserMessage, As4Error>> {
  const message = readAs4Message(contentType, body);
  if (!message.ok) return err(as4Error("EBMS:0007", message.error));
  const parsed = parseXmlTree(message.value.soap);
  if (!parsed.ok)
    return err(as4Error("EBMS:0009", `the SOAP envelope cannot be read: ${parsed.error.message}`));
  const envelope = parsed.value.root;
  if (envelope.ns !== SOAP12_NS || envelope.localName !== "Envelope")
    return err(as4Error("EBMS:0009", "not a SOAP 1.2 envelope"));
  const metadata = readUserMessage(envelope);
  if (!metadata.ok) return err(as4Error("EBMS:0009", metadata.error));
  const fail = (code: Parameters<typeof as4Error>[0], detail: string) =>
    err(as4Error(code, detail, metadata.value.messageId));
  const declared = new Set(metadata.value.parts.map((part) => part.contentId));
  const undeclared = [...message.value.attachments.keys()].find((id) => !declared.has(id));
  if (undeclared !== undefined || declared.size !== message.value.attachments.size)
    return fail(
      "EBMS:0007",
      `the MIME parts do not match the PayloadInfo (${undeclared ?? "a declared part is missing"})`,
    );
  const security = treeChild(treeChild(envelope, SOAP12_NS, "Header"), WSSE_NS, "Security");
  if (!security) return fail("EBMS:0101", "the message has no wsse:Security header");
  const encryption = readAttachmentEncryption(security, indexElementIds(envelope));
  if (!encryption.ok) return fail("EBMS:0102", encryption.error);
  const encrypted = new Set(encryption.value.map((entry) => entry.contentId));
  for (const part of metadata.value.parts)
    if (!encrypted.has(part.contentId))
      return fail("EBMS:0102", `the payload ${part.contentId} is not encrypted`);
  // The sender is judged before any decryption: the signature over the SOAP parts and the signer's certificate
  // need no plaintext, and a stranger's message must not cost us RSA-OAEP and AES-GCM work. Only the attachment's
  // digest, taken over the plaintext, waits for decryption below.
  const signer = verifyAs4Signature(message.value, { document: parsed.value });
  if (!signer.ok) return fail("EBMS:0101", signer.error);
  const { signature, messagingSigned, bodySigned } = signer.value;
  const pending = signature.references.find(
    (r) => r.status === "unresolved" && !encrypted.has(r.uri.slice(4)),
  );
  if (signature.status === "invalid" || pending || !messagingSigned || !bodySigned || !signature.certificate)
    return fail(
      "EBMS:0101",
      `the signature does not hold: ${[...signature.problems, pending ? `${pending.uri} is not in the message` : ""].filter(Boolean).join("; ") || "eb:Messaging and the Body must be signed"}`,
    );
  if (signature.signatureAlgorithm !== RSA_SHA256)
    return fail("EBMS:0101", `the signature algorithm ${signature.signatureAlgorithm} is not RSA-SHA256`);
  const trusted = await checkCertificateTrust(signature.certificate, options.trust);
  if (!trusted.ok) return fail("EBMS:0101", `the signer: ${trusted.error}`);
  if (seatIdOf(signature.certificate) !== metadata.value.fromParty)
    return fail("EBMS:0101", `the From party ${metadata.value.fromParty} is not the signer's seat`);
  const plaintexts = decryptAttachments(
    encryption.value,
    message.value.attachments,
    options.receiver.privateKey,
  );
  if (!plaintexts.ok) return fail("EBMS:0102", plaintexts.error);
  const verified = verifyAs4Signature(message.value, {
    decrypted: plaintexts.value,
    document: parsed.value,
    certificate: signature.certificate,
  });
  if (!verified.ok) return fail("EBMS:0101", verified.error);
  const complete = verified.value.signature;
  const signed = new Set(complete.references.filter((r) => r.status === "valid").map((r) => r.uri));
  const unsigned = metadata.value.parts.find((part) => !signed.has(`cid:${part.contentId}`));
  if (complete.status !== "valid" || unsigned)
    return fail(
      "EBMS:0101",
      `the signature does not hold: ${[...complete.problems, unsigned ? `${unsigned.contentId} is not signed` : ""].filter(Boolean).join("; ")}`,
    );
  if (seatIdOf(options.receiver.certificate) !== metadata.value.toParty)
    return fail("EBMS:0003", `the To party ${metadata.value.toParty} is not this access point`);
  const [part, ...others] = metadata.value.parts;
  if (!part || others.length > 0) return fail("EBMS:0003", "a Peppol message carries exactly one payload");
  if (part.properties.get("CompressionType") !== GZIP_MIME_TYPE)
    return fail("EBMS:0303", "the payload is not declared as gzip-compressed");
  const limit = options.maxPayloadBytes ?? DEFAULT_MAX_XML_BYTES;
  const document = gunzipBounded(plaintexts.value.get(part.contentId) ?? Buffer.alloc(0), limit);
  if (!document.ok) return fail("EBMS:0303", document.error);
  const sbdh = readSbdh(document.value, { maxBytes: limit });
  if (!sbdh.ok)
    return fail(
      "EBMS:0004",
      `the SBDH is refused: ${sbdh.error.map((p) => `${p.field}: ${p.message}`).join("; ")}`,
    );
  const inconsistent = checkUserMessageConsistency(metadata.value, sbdh.value.header, DOCUMENT_TYPE_SCHEME);
  if (inconsistent !== undefined) return fail("EBMS:0003", inconsistent);
  return ok({
    metadata: metadata.value,
    document: document.value,
    sbdh: sbdh.value,
    signerCertificate: signature.certificate,
    signatureReferences: canonicalSignatureReferences(envelope),
  });
}
