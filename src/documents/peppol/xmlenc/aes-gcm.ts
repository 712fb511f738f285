import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { err, ok, type Result } from "../../../core/result.ts";

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-128-GCM as XML Encryption 1.1 lays it out: a fresh 96-bit IV, then the ciphertext, then the 128-bit
 * authentication tag, as one octet string (node:crypto does the cipher).
 */
export function encryptAes128Gcm(key: Buffer, plaintext: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-128-gcm", key, iv, { authTagLength: TAG_BYTES });
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

/** Reverses {@link encryptAes128Gcm}; a wrong key or any changed octet fails the tag check. */
export function decryptAes128Gcm(key: Buffer, data: Buffer): Result<Buffer, string> {
  if (key.length !== 16) return err(`the content key has ${key.length} octets, not 16`);
  if (data.length < IV_BYTES + TAG_BYTES) return err("the ciphertext is shorter than its IV and tag");
  const decipher = createDecipheriv("aes-128-gcm", key, data.subarray(0, IV_BYTES), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  try {
    return ok(
      Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]),
    );
  } catch {
    return err("the ciphertext does not authenticate (AES-GCM tag mismatch)");
  }
}
