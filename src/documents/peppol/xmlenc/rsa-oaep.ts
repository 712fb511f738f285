import { constants, type KeyObject, privateDecrypt, publicEncrypt } from "node:crypto";
import { err, ok, type Result } from "../../../core/result.ts";

/**
 * RSA-OAEP key transport with SHA-256 as both the OAEP digest and the MGF1 digest (node:crypto's `oaepHash` sets
 * both, as OpenSSL does when no separate MGF1 digest is given): the Peppol AS4 profile's `rsa-oaep` + `mgf1sha256`.
 */
export function wrapKeyRsaOaep(publicKey: KeyObject, key: Buffer): Buffer {
  return publicEncrypt(
    { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" },
    key,
  );
}

/** Unwraps a key wrapped by {@link wrapKeyRsaOaep}; a wrong private key or altered octets give an error. */
export function unwrapKeyRsaOaep(privateKey: KeyObject, wrapped: Buffer): Result<Buffer, string> {
  try {
    return ok(
      privateDecrypt(
        { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" },
        wrapped,
      ),
    );
  } catch {
    return err("the content key cannot be unwrapped with this private key (RSA-OAEP)");
  }
}
