import { type KeyObject, randomBytes, randomUUID, type X509Certificate } from "node:crypto";
import { gzipSync } from "node:zlib";
import { err, ok, type Result } from "../../../core/result.ts";
import { type SbdhWriteInput, writeSbdh } from "../sbdh/write-sbdh.ts";
import { writeBinarySecurityToken } from "../xmldsig/binary-security-token.ts";
import type { ReferenceSpec } from "../xmldsig/write-signed-info.ts";
import { SIGNATURE_SLOT, signWsSecurity } from "../xmldsig/ws-security-signature.ts";
import { encryptAes128Gcm } from "../xmlenc/aes-gcm.ts";
import { wrapKeyRsaOaep } from "../xmlenc/rsa-oaep.ts";
import { writeAttachmentEncryption } from "../xmlenc/write-attachment-encryption.ts";
import { GZIP_MIME_TYPE } from "./as4-profile.ts";
import { seatIdOf } from "./seat-id.ts";
import { type MimeMessage, writeMimeMultipart } from "./write-mime-multipart.ts";
import { writeSoapEnvelope } from "./write-soap-envelope.ts";
import { writeUserMessaging } from "./write-user-messaging.ts";

/** An access point's own seat: the private key it signs with and its certificate. */
export interface As4Seat {
  readonly privateKey: KeyObject;
  readonly certificate: X509Certificate;
}

/** What {@link buildAs4UserMessage} sends. */
export interface As4UserMessageInput {
  /** The SBDH to wrap the payload in; originalSender, finalRecipient, Service and Action are taken from it. */
  readonly sbdh: SbdhWriteInput;
  /** The business document (a UBL invoice). */
  readonly payload: string | Buffer;
  /** The ebMS MessageId (`local@domain`); a retry sends the same one. */
  readonly messageId: string;
  readonly timestamp: Date;
  /** Defaults to the MessageId. */
  readonly conversationId?: string;
  readonly sender: As4Seat;
  /** The receiving access point's certificate from the SMP: it names the To party and receives the content key. */
  readonly receiverCertificate: X509Certificate;
}

/** The message ready for the HTTP POST, with what the sender keeps to check the receipt. */
export interface As4UserMessage extends MimeMessage {
  readonly messageId: string;
  /** The references of the message's signature: the receipt's non-repudiation information must echo them. */
  readonly signatureReferences: readonly ReferenceSpec[];
}

const MESSAGE_ID = /^[^\s<>@]+@[^\s<>@]+$/;

/**
 * Builds a Peppol AS4 profile 2.0 user message: the payload wrapped in its SBDH and gzip-compressed, an ebMS 3.0
 * UserMessage header, a WS-Security signature over eb:Messaging, the Body and the compressed attachment, then the
 * attachment encrypted (AES-128-GCM under a fresh key, wrapped with RSA-OAEP/SHA-256 for the receiver), as MIME
 * multipart/related. Sign-then-encrypt as the profile says: the attachment's digest covers the compressed octets.
 */
export function buildAs4UserMessage(input: As4UserMessageInput): Result<As4UserMessage, string> {
  if (!MESSAGE_ID.test(input.messageId)) return err(`the MessageId "${input.messageId}" is not local@domain`);
  const fromParty = seatIdOf(input.sender.certificate);
  const toParty = seatIdOf(input.receiverCertificate);
  if (!fromParty || !toParty) return err("an access point certificate has no CN to serve as its seat id");
  const sbdh = writeSbdh(input.sbdh, input.payload);
  if (!sbdh.ok) return err(`the SBDH cannot be written: ${sbdh.error}`);
  const compressed = gzipSync(sbdh.value);
  const unique = randomUUID();
  const ids = {
    messaging: `msg-${unique}`,
    body: `body-${unique}`,
    senderToken: `X509-${unique}`,
    receiverToken: `X509-rcpt-${unique}`,
    encryptedKey: `EK-${unique}`,
    encryptedData: `ED-${unique}`,
    signature: `SIG-${unique}`,
    contentId: `att-${unique}@facteur`,
  };
  const contentKey = randomBytes(16);
  const encryption = writeAttachmentEncryption({
    encryptedKeyId: ids.encryptedKey,
    encryptedDataId: ids.encryptedData,
    recipientTokenId: ids.receiverToken,
    wrappedKey: wrapKeyRsaOaep(input.receiverCertificate.publicKey, contentKey),
    contentId: ids.contentId,
    mimeType: GZIP_MIME_TYPE,
  });
  const messaging = writeUserMessaging({
    messagingId: ids.messaging,
    messageId: input.messageId,
    timestamp: input.timestamp,
    fromParty,
    toParty,
    process: input.sbdh.process,
    documentType: input.sbdh.documentType,
    conversationId: input.conversationId ?? input.messageId,
    originalSender: input.sbdh.sender,
    finalRecipient: input.sbdh.receiver,
    contentId: ids.contentId,
  });
  const security = [
    writeBinarySecurityToken(ids.receiverToken, input.receiverCertificate),
    encryption,
    writeBinarySecurityToken(ids.senderToken, input.sender.certificate),
    SIGNATURE_SLOT,
  ].join("");
  const signed = signWsSecurity({
    envelope: writeSoapEnvelope({ security, messaging, bodyId: ids.body }),
    elementIds: [ids.messaging, ids.body],
    attachments: [{ contentId: ids.contentId, content: compressed }],
    tokenId: ids.senderToken,
    signatureId: ids.signature,
    privateKey: input.sender.privateKey,
  });
  if (!signed.ok) return signed;
  const mime = writeMimeMultipart(
    {
      contentId: `soap-${unique}@facteur`,
      contentType: "application/soap+xml; charset=UTF-8",
      body: Buffer.from(signed.value.envelope, "utf8"),
    },
    [
      {
        contentId: ids.contentId,
        contentType: "application/octet-stream",
        body: encryptAes128Gcm(contentKey, compressed),
      },
    ],
  );
  return ok({ ...mime, messageId: input.messageId, signatureReferences: signed.value.references });
}
