import { createPrivateKey } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkCrl } from "../pki/check-crl.ts";
import { verifyCertificateChain } from "../pki/verify-certificate-chain.ts";
import { createTestPki } from "./test-pki.ts";

const AT = new Date("2026-11-28T12:00:00Z");

describe("createTestPki", () => {
  it("chains seats to the AP CA and the SMP certificate to the SMP CA, both under the root", async () => {
    const pki = await createTestPki();
    for (const seat of [pki.sender, pki.receiver, pki.revoked]) {
      expect(
        verifyCertificateChain(seat.certificate, { trustAnchors: [pki.apCa.certificate], at: AT }).ok,
      ).toBe(true);
      const viaRoot = verifyCertificateChain(seat.certificate, {
        trustAnchors: [pki.root.certificate],
        intermediates: [pki.apCa.certificate],
        at: AT,
      });
      expect(viaRoot.ok && viaRoot.chain.length).toBe(3);
    }
    expect(
      verifyCertificateChain(pki.smp.certificate, { trustAnchors: [pki.smpCa.certificate], at: AT }).ok,
    ).toBe(true);
    expect(
      verifyCertificateChain(pki.smp.certificate, { trustAnchors: [pki.apCa.certificate], at: AT }),
    ).toMatchObject({ ok: false, failure: "unknown-issuer" });
  });

  it("names seats by Peppol seat id and keeps each private key matching its certificate", async () => {
    const pki = await createTestPki();
    expect(pki.sender.certificate.subject).toContain("CN=POP000001");
    expect(pki.receiver.certificate.subject).toContain("CN=POP000002");
    for (const entry of [pki.sender, pki.receiver, pki.smp, pki.apCa]) {
      expect(entry.certificate.checkPrivateKey(createPrivateKey(entry.privateKeyPem))).toBe(true);
    }
    expect(pki.apCa.certificate.ca).toBe(true);
    expect(pki.sender.certificate.ca).toBe(false);
    expect(await createTestPki()).toBe(pki);
  });

  it("has an expired seat the chain check refuses", async () => {
    const pki = await createTestPki();
    const check = verifyCertificateChain(pki.expired.certificate, {
      trustAnchors: [pki.apCa.certificate],
      at: AT,
    });
    expect(check).toMatchObject({ ok: false, failure: "expired" });
  });

  it("lists the revoked seat on the AP CA's CRL, and only it", async () => {
    const pki = await createTestPki();
    const options = { crl: pki.apCrlPem, issuer: pki.apCa.certificate, at: AT };
    expect(await checkCrl(pki.revoked.certificate, options)).toMatchObject({
      ok: false,
      error: { failure: "revoked" },
    });
    expect((await checkCrl(pki.sender.certificate, options)).ok).toBe(true);
    const before = await checkCrl(pki.revoked.certificate, {
      ...options,
      at: new Date("2025-03-01T00:00:00Z"),
    });
    expect(before.ok).toBe(true);
    const wrongIssuer = await checkCrl(pki.sender.certificate, { ...options, issuer: pki.smpCa.certificate });
    expect(wrongIssuer).toMatchObject({ ok: false, error: { failure: "crl-wrong-issuer" } });
    const late = await checkCrl(pki.sender.certificate, { ...options, at: new Date("2046-01-01T00:00:00Z") });
    expect(late).toMatchObject({ ok: false, error: { failure: "crl-outdated" } });
    const garbled = await checkCrl(pki.sender.certificate, { ...options, crl: "not a CRL" });
    expect(garbled).toMatchObject({ ok: false, error: { failure: "crl-unreadable" } });
  });
});
