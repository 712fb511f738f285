import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { corpusFile, PEPPOL_CORPUS_PRESENT, PEPPOL_SKIP_NOTE } from "../testing/peppol-corpus.ts";
import { verifyPeppolFile } from "./verify-peppol-file.ts";

const NO_TRUST = { trustAnchors: [], at: new Date("2026-01-29T15:40:00Z") };
const ATTACHMENT = "phase4-att-ff0f8ad5-f982-48ba-b8e2-26997600f496@cid";

/** The corpus message with its payload replaced by a plain gzipped SBDH and the encryption header removed. */
function unencryptedMessage(payload: Buffer): Buffer {
  const raw = corpusFile("as4-messages/dump-raw.as4out");
  const text = raw.toString("latin1");
  const withoutEncryption = text.replace(/<xenc:EncryptedData [\s\S]*?<\/xenc:EncryptedData>/, "");
  const start =
    withoutEncryption.indexOf("\r\n\r\n", withoutEncryption.indexOf(`Content-ID: <${ATTACHMENT}>`)) + 4;
  const end = withoutEncryption.lastIndexOf("\r\n------=_Part_0_1950117092.1769701143986--");
  return Buffer.concat([
    Buffer.from(withoutEncryption.slice(0, start), "latin1"),
    payload,
    Buffer.from(withoutEncryption.slice(end), "latin1"),
  ]);
}

describe.skipIf(!PEPPOL_CORPUS_PRESENT)(`verifyPeppolFile${PEPPOL_SKIP_NOTE}`, () => {
  it("reads an unencrypted gzipped payload as an SBDH, and checks the attachment digest it now can", () => {
    const sbdh = corpusFile("sbdh/sbdh-good/good-bis3.xml");
    const verified = verifyPeppolFile(unencryptedMessage(gzipSync(sbdh)), NO_TRUST);
    const payload = verified.checks.find((c) => c.name === `payload ${ATTACHMENT}`);
    expect(payload).toEqual({
      name: `payload ${ATTACHMENT}`,
      outcome: "pass",
      detail: "SBDH 3739db04-7e4e-4c89-b170-c543dd252249 from 0088:7315458756324 to 0088:4562458856624",
    });
    expect(verified.checks.find((c) => c.name === `reference cid:${ATTACHMENT}`)?.outcome).toBe("fail");
    expect(verified.checks.find((c) => c.name.startsWith("reference #phase4-msg"))?.outcome).toBe("pass");
  });

  it("fails a payload that is not a valid SBDH, naming the SBDH problem", () => {
    const bad = corpusFile("sbdh/sbdh-bad/bad-no-country-c1.xml");
    const verified = verifyPeppolFile(unencryptedMessage(gzipSync(bad)), NO_TRUST);
    const payload = verified.checks.find((c) => c.name === `payload ${ATTACHMENT}`);
    expect(payload?.outcome).toBe("fail");
    expect(payload?.detail).toContain("there is no COUNTRY_C1 scope");
  });

  it("tells the kinds of Peppol files apart by their content", () => {
    const kinds = [
      "as4-messages/helger.as4in",
      "smp/signed-service-metadata3-c14n-inclusive.xml",
      "smp/peppol-service-group.xml",
      "sbdh/sbdh-good/good.xml",
      "mls/MessageLevelStatus_Example_RE.xml",
      "pki/PEPPOL_Root_TEST_CA-G3.pem",
    ].map((path) => verifyPeppolFile(corpusFile(path), NO_TRUST).kind);
    expect(kinds).toEqual([
      "as4-message",
      "smp-service-metadata",
      "smp-service-group",
      "sbdh",
      "status-message",
      "unknown",
    ]);
  });

  it("verifies a bare SOAP envelope like a captured message", () => {
    const captured = corpusFile("as4-messages/governikus.as4in").toString("utf8");
    const soap = Buffer.from(captured.slice(captured.indexOf("<?xml")), "utf8");
    const verified = verifyPeppolFile(soap, NO_TRUST);
    expect([verified.kind, verified.valid]).toEqual(["as4-message", true]);
  });
});
