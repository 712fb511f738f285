import { describe, expect, it } from "vitest";
import { corpusFile, PEPPOL_CORPUS_PRESENT, PEPPOL_SKIP_NOTE } from "../testing/peppol-corpus.ts";
import { readPemCertificates } from "./read-pem-certificates.ts";
import { verifyCertificateChain } from "./verify-certificate-chain.ts";

function pem(name: string) {
  const read = readPemCertificates(corpusFile(`pki/${name}`).toString("utf8"));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

const [root, ap, smp] = PEPPOL_CORPUS_PRESENT
  ? [
      "PEPPOL_Root_TEST_CA-G3.pem",
      "PEPPOL_ACCESS_POINT_TEST_CA-G3.pem",
      "PEPPOL_SERVICE_METADATA_PUBLISHER_TEST_CA-G3.pem",
    ].map((name) => pem(name)[0])
  : [];
const AT = new Date("2026-01-29T12:00:00Z");

describe.skipIf(!PEPPOL_CORPUS_PRESENT)(`verifyCertificateChain${PEPPOL_SKIP_NOTE}`, () => {
  it("chains the AP and SMP test CAs to the test root", () => {
    if (!root || !ap || !smp) throw new Error("corpus certificates missing");
    expect(verifyCertificateChain(ap, { trustAnchors: [root], at: AT }).ok).toBe(true);
    expect(verifyCertificateChain(smp, { trustAnchors: [root], at: AT }).ok).toBe(true);
  });

  it("refuses a certificate outside its validity dates, saying which bound", () => {
    if (!root || !ap) throw new Error("corpus certificates missing");
    expect(
      verifyCertificateChain(ap, { trustAnchors: [root], at: new Date("2024-12-31T00:00:00Z") }),
    ).toMatchObject({
      ok: false,
      failure: "not-yet-valid",
    });
    expect(
      verifyCertificateChain(ap, { trustAnchors: [root], at: new Date("2035-06-01T00:00:00Z") }),
    ).toMatchObject({
      ok: false,
      failure: "expired",
    });
  });

  it("refuses an issuer that is not among the anchors", () => {
    if (!root || !ap || !smp) throw new Error("corpus certificates missing");
    const check = verifyCertificateChain(ap, { trustAnchors: [smp], at: AT });
    expect(check).toMatchObject({ ok: false, failure: "unknown-issuer" });
    expect(check.ok ? "" : check.message).toContain("not a trusted CA");
  });

  it("reads several certificates from one PEM bundle and refuses text without any", () => {
    const bundle = ["PEPPOL_Root_TEST_CA-G3.pem", "PEPPOL_ACCESS_POINT_TEST_CA-G3.pem"]
      .map((name) => corpusFile(`pki/${name}`).toString("utf8"))
      .join("\n");
    expect(readPemCertificates(bundle).ok && readPemCertificates(bundle)).toMatchObject({
      value: { length: 2 },
    });
    expect(readPemCertificates("nothing")).toEqual({ ok: false, error: "no PEM certificate found" });
  });
});
