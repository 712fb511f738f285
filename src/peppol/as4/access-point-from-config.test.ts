import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../app/config.ts";
import { createTestPki, type TestPki } from "../../documents/peppol/testing/test-pki.ts";
import { accessPointFromConfig } from "./access-point-from-config.ts";

let pki: TestPki;
let dir: string;

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function configOf(env: Record<string, string>) {
  const parsed = parseConfig(env);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

beforeAll(async () => {
  pki = await createTestPki();
  dir = mkdtempSync(join(tmpdir(), "facteur-ap-config-"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date("2026-11-28T12:00:00Z");

describe("accessPointFromConfig", () => {
  it("reads the seat from PEM files, checks it against the AP CA and its CRL, and reads the listen address", async () => {
    const config = configOf({
      FACTEUR_PEPPOL_AP_CERT_FILE: file("seat.pem", pki.sender.certificatePem),
      FACTEUR_PEPPOL_AP_KEY_FILE: file("seat.key", pki.sender.privateKeyPem),
      FACTEUR_PEPPOL_AP_CA_FILE: file("ca.pem", pki.apCa.certificatePem),
      FACTEUR_PEPPOL_AP_CRL_FILE: file("ca.crl", pki.apCrlPem),
      FACTEUR_PEPPOL_LISTEN: "0.0.0.0:9443",
      FACTEUR_PEPPOL_ENDPOINT_URL: "https://ap.example.test/as4",
    });
    const ap = await accessPointFromConfig(config, NOW);
    if (!ap.ok) throw new Error(ap.error.join("; "));
    expect(ap.value).toMatchObject({
      seatId: "POP000001",
      listen: { host: "0.0.0.0", port: 9443 },
      endpointUrl: "https://ap.example.test/as4",
      participants: ["0208:0123456749", "0242:000001"],
      timeoutMs: 60_000,
    });
    expect(ap.value.trust.crls).toHaveLength(1);
  });

  it("reports every problem at once: a key that is not the certificate's, no AP CA, a lone TLS file", async () => {
    const config = configOf({
      FACTEUR_PEPPOL_AP_CERT_FILE: file("seat2.pem", pki.sender.certificatePem),
      FACTEUR_PEPPOL_AP_KEY_FILE: file("other.key", pki.receiver.privateKeyPem),
      FACTEUR_PEPPOL_TLS_CERT_FILE: file("tls.pem", pki.sender.certificatePem),
    });
    const ap = await accessPointFromConfig(config, NOW);
    expect(ap.ok).toBe(false);
    if (ap.ok) return;
    expect(ap.error).toEqual([
      expect.stringContaining("FACTEUR_PEPPOL_AP_CA_FILE must be set"),
      expect.stringContaining("go together"),
      expect.stringContaining("is not the seat certificate's key"),
    ]);
    expect(ap.error.join(" ")).not.toContain("PRIVATE KEY");
  });

  it("refuses a revoked or an expired seat certificate", async () => {
    const base = {
      FACTEUR_PEPPOL_AP_CA_FILE: file("ca3.pem", pki.apCa.certificatePem),
      FACTEUR_PEPPOL_AP_CRL_FILE: file("ca3.crl", pki.apCrlPem),
    };
    for (const [entry, reason] of [
      [pki.revoked, /revoked/],
      [pki.expired, /expired/],
    ] as const) {
      const ap = await accessPointFromConfig(
        configOf({
          ...base,
          FACTEUR_PEPPOL_AP_CERT_FILE: file("bad.pem", entry.certificatePem),
          FACTEUR_PEPPOL_AP_KEY_FILE: file("bad.key", entry.privateKeyPem),
        }),
        NOW,
      );
      expect(ap.ok).toBe(false);
      if (!ap.ok) expect(ap.error.join(" ")).toMatch(reason);
    }
  });

  it("serves the participants of FACTEUR_PEPPOL_PARTICIPANTS, normalised, else the seller's, checked", async () => {
    const seat = {
      FACTEUR_PEPPOL_AP_CERT_FILE: file("seat5.pem", pki.sender.certificatePem),
      FACTEUR_PEPPOL_AP_KEY_FILE: file("seat5.key", pki.sender.privateKeyPem),
      FACTEUR_PEPPOL_AP_CA_FILE: file("ca5.pem", pki.apCa.certificatePem),
    };
    const several = await accessPointFromConfig(
      configOf({ ...seat, FACTEUR_PEPPOL_PARTICIPANTS: "0208:0202239951, 9925:BE0123456749" }),
      NOW,
    );
    expect(several.ok && several.value.participants).toEqual([
      "0208:0202239951",
      "9925:be0123456749",
      "0242:000001",
    ]);
    const badSeller = await accessPointFromConfig(
      configOf({ ...seat, FACTEUR_SELLER_PEPPOL_ID: "0208:0123456748" }),
      NOW,
    );
    expect(badSeller.ok ? [] : badSeller.error).toEqual([
      expect.stringMatching(/^FACTEUR_SELLER_PEPPOL_ID: /),
    ]);
  });

  it("says so when the seat is not issued by the configured AP CA (a seat of another network)", async () => {
    const ap = await accessPointFromConfig(
      configOf({
        FACTEUR_PEPPOL_AP_CERT_FILE: file("foreign.pem", pki.smp.certificatePem),
        FACTEUR_PEPPOL_AP_KEY_FILE: file("foreign.key", pki.smp.privateKeyPem),
        FACTEUR_PEPPOL_AP_CA_FILE: file("ca6.pem", pki.apCa.certificatePem),
      }),
      NOW,
    );
    expect(ap.ok).toBe(false);
    const problem = ap.ok ? "" : ap.error.join(" ");
    expect(problem).toMatch(
      /^the seat certificate \(FACTEUR_PEPPOL_AP_CERT_FILE, issued by .*\) is not issued by the AP CA of FACTEUR_PEPPOL_AP_CA_FILE \(/,
    );
    expect(problem).toContain(pki.apCa.certificate.subject.split("\n")[0] ?? "?");
    expect(problem).toContain("test and production have different ones");
  });

  it("reads a PKCS#12 file made by openssl, and never repeats its password", async () => {
    const p12 = join(dir, "seat.p12");
    execFileSync("openssl", [
      "pkcs12",
      "-export",
      "-inkey",
      file("p12.key", pki.receiver.privateKeyPem),
      "-in",
      file("p12.pem", pki.receiver.certificatePem),
      "-certfile",
      file("p12-ca.pem", pki.apCa.certificatePem),
      "-passout",
      "pass:s3cret-pass",
      "-out",
      p12,
    ]);
    const env = {
      FACTEUR_PEPPOL_AP_P12_FILE: p12,
      FACTEUR_PEPPOL_AP_CA_FILE: file("ca4.pem", pki.apCa.certificatePem),
    };
    const ap = await accessPointFromConfig(
      configOf({ ...env, FACTEUR_PEPPOL_AP_P12_PASSWORD: "s3cret-pass" }),
      NOW,
    );
    if (!ap.ok) throw new Error(ap.error.join("; "));
    expect(ap.value.seatId).toBe("POP000002");
    const wrong = await accessPointFromConfig(
      configOf({ ...env, FACTEUR_PEPPOL_AP_P12_PASSWORD: "guess-w0rd" }),
      NOW,
    );
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.error.join(" ")).toMatch(/FACTEUR_PEPPOL_AP_P12_FILE: .* cannot be opened/);
      expect(wrong.error.join(" ")).not.toContain("guess-w0rd");
    }
  });
});
