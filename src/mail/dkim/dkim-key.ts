import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { err, ok, type Result } from "../../core/result.ts";

/** The DKIM signing algorithms facteur uses: RSA (what every receiver verifies) and Ed25519 (RFC 8463). */
export type DkimAlgorithm = "rsa-sha256" | "ed25519-sha256";

/** A checked DKIM private key and what to publish for it. */
export interface DkimKey {
  readonly algorithm: DkimAlgorithm;
  /** PKCS#8 PEM. */
  readonly privateKeyPem: string;
  /** The `p=` value of the DNS record: base64 SubjectPublicKeyInfo for RSA, the raw 32-byte key for Ed25519. */
  readonly publicKey: string;
}

/** RFC 8301 requires at least 1024 bits; 2048 is what large receivers expect today. */
export const MIN_RSA_BITS = 2048;

function publicValue(key: KeyObject): string {
  const spki = createPublicKey(key).export({ type: "spki", format: "der" });
  // RFC 8463 publishes the bare Ed25519 key, which is the last 32 bytes of its SubjectPublicKeyInfo.
  return (key.asymmetricKeyType === "ed25519" ? spki.subarray(spki.length - 32) : spki).toString("base64");
}

/**
 * Reads a PEM private key for DKIM signing: RSA of at least {@link MIN_RSA_BITS} bits, or Ed25519.
 * @returns the key with its algorithm and DNS `p=` value, or a sentence saying what is wrong.
 */
export function loadDkimKey(pem: string): Result<DkimKey, string> {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: "pem" });
  } catch {
    return err("the DKIM private key is not a readable PEM private key");
  }
  const type = key.asymmetricKeyType;
  if (type === "rsa") {
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < MIN_RSA_BITS) return err(`the DKIM RSA key has ${bits} bits; use at least ${MIN_RSA_BITS}`);
  } else if (type !== "ed25519") {
    return err(`the DKIM key is of type ${type ?? "unknown"}; use RSA (2048 bits) or Ed25519`);
  }
  return ok({
    algorithm: type === "rsa" ? "rsa-sha256" : "ed25519-sha256",
    privateKeyPem: key.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKey: publicValue(key),
  });
}

/** Generates a new DKIM key pair: RSA 2048 bits (the default) or Ed25519. */
export function generateDkimKey(algorithm: DkimAlgorithm = "rsa-sha256"): DkimKey {
  const { privateKey } =
    algorithm === "rsa-sha256"
      ? generateKeyPairSync("rsa", { modulusLength: MIN_RSA_BITS })
      : generateKeyPairSync("ed25519");
  return {
    algorithm,
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKey: publicValue(privateKey),
  };
}
