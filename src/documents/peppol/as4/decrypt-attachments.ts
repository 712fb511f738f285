import type { KeyObject } from "node:crypto";
import { err, ok, type Result } from "../../../core/result.ts";
import { decryptAes128Gcm } from "../xmlenc/aes-gcm.ts";
import type { AttachmentEncryption } from "../xmlenc/read-attachment-encryption.ts";
import { unwrapKeyRsaOaep } from "../xmlenc/rsa-oaep.ts";
import type { MimeEntity } from "./mime-parts.ts";

/** Unwraps each content key with the receiver's private key and decrypts its attachment; plaintexts by Content-ID. */
export function decryptAttachments(
  encrypted: readonly AttachmentEncryption[],
  attachments: ReadonlyMap<string, MimeEntity>,
  privateKey: KeyObject,
): Result<Map<string, Buffer>, string> {
  const plaintexts = new Map<string, Buffer>();
  for (const entry of encrypted) {
    const part = attachments.get(entry.contentId);
    if (!part) return err(`the encrypted attachment ${entry.contentId} is not in the message`);
    const key = unwrapKeyRsaOaep(privateKey, entry.wrappedKey);
    if (!key.ok) return key;
    const plaintext = decryptAes128Gcm(key.value, part.body);
    if (!plaintext.ok) return err(`attachment ${entry.contentId}: ${plaintext.error}`);
    plaintexts.set(entry.contentId, plaintext.value);
  }
  return ok(plaintexts);
}
