import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateDkimKey, loadDkimKey } from "./dkim-key.ts";

function pkcs8(key: { export(o: { type: "pkcs8"; format: "pem" }): string | Buffer }): string {
  return key.export({ type: "pkcs8", format: "pem" }).toString();
}

describe("DKIM keys", () => {
  it("generates a 2048-bit RSA key whose p= value is its SubjectPublicKeyInfo", () => {
    const key = generateDkimKey();
    expect(key.algorithm).toBe("rsa-sha256");
    const publicKey = createPublicKey({
      key: Buffer.from(key.publicKey, "base64"),
      format: "der",
      type: "spki",
    });
    expect(publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(loadDkimKey(key.privateKeyPem)).toEqual({ ok: true, value: key });
  });

  it("generates an Ed25519 key published as the bare 32-byte key of RFC 8463", () => {
    const key = generateDkimKey("ed25519-sha256");
    expect(Buffer.from(key.publicKey, "base64")).toHaveLength(32);
    expect(loadDkimKey(key.privateKeyPem)).toEqual({ ok: true, value: key });
  });

  it("refuses RSA keys shorter than 2048 bits", () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
    expect(loadDkimKey(pkcs8(privateKey))).toEqual({
      ok: false,
      error: "the DKIM RSA key has 1024 bits; use at least 2048",
    });
  });

  it("refuses key types DKIM does not define, and text that is not a key", () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    expect(loadDkimKey(pkcs8(privateKey))).toEqual({
      ok: false,
      error: "the DKIM key is of type ec; use RSA (2048 bits) or Ed25519",
    });
    expect(loadDkimKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n").ok).toBe(false);
  });

  it("accepts a traditional PKCS#1 RSA PEM and gives it back as PKCS#8", () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pkcs1 = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
    const loaded = loadDkimKey(pkcs1);
    expect(loaded.ok && loaded.value.privateKeyPem).toBe(pkcs8(privateKey));
  });
});
