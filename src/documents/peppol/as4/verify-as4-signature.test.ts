import { describe, expect, it } from "vitest";
import { readPemCertificates } from "../pki/read-pem-certificates.ts";
import { verifyCertificateChain } from "../pki/verify-certificate-chain.ts";
import { corpusFile, PEPPOL_CORPUS_PRESENT, PEPPOL_SKIP_NOTE } from "../testing/peppol-corpus.ts";
import { readAs4Dump } from "./read-as4-message.ts";
import { verifyAs4Signature } from "./verify-as4-signature.ts";

function check(name: string) {
  const message = readAs4Dump(corpusFile(`as4-messages/${name}`));
  if (!message.ok) throw new Error(message.error);
  const verified = verifyAs4Signature(message.value);
  if (!verified.ok) throw new Error(verified.error);
  return verified.value;
}

function pem(name: string) {
  const read = readPemCertificates(corpusFile(`pki/${name}`).toString("utf8"));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

describe("verifyAs4Signature on real AS4 traffic", () => {
  for (const name of ["helger.as4in", "governikus.as4in", "dataport1-mustunderstand.as4in"]) {
    it.skipIf(!PEPPOL_CORPUS_PRESENT)(
      `verifies the signed receipt ${name}, covering eb:Messaging and the SOAP Body${PEPPOL_SKIP_NOTE}`,
      () => {
        const verified = check(name);
        expect(verified.signature).toMatchObject({
          status: "valid",
          signatureValueValid: true,
          problems: [],
        });
        expect(verified.signature.references.map((r) => r.status)).toEqual(["valid", "valid"]);
        expect([verified.messagingSigned, verified.bodySigned]).toEqual([true, true]);
        expect(verified.signature.certificate?.issuer).toContain("PEPPOL ACCESS POINT TEST CA - G2");
      },
    );
  }

  it.skipIf(!PEPPOL_CORPUS_PRESENT)(
    `rejects the tampered receipt dataport1.as4in: the Messaging header's digest differs${PEPPOL_SKIP_NOTE}`,
    () => {
      const verified = check("dataport1.as4in");
      expect(verified.signature.status).toBe("invalid");
      expect(verified.signature.references.map((r) => r.status)).toEqual(["digest-mismatch", "valid"]);
      expect([verified.messagingSigned, verified.bodySigned]).toEqual([false, true]);
    },
  );

  it.skipIf(!PEPPOL_CORPUS_PRESENT)(
    `verifies the SOAP part of the outgoing message dump-raw.as4out; the encrypted payload's reference stays open${PEPPOL_SKIP_NOTE}`,
    () => {
      const verified = check("dump-raw.as4out");
      expect(verified.signature.status).toBe("incomplete");
      expect(verified.signature.signatureValueValid).toBe(true);
      expect(verified.signature.references.map((r) => `${r.uri.slice(0, 10)} ${r.status}`)).toEqual([
        "#phase4-ms valid",
        "#id-8e8aa2 valid",
        "cid:phase4 unresolved",
      ]);
      expect(verified.encryptedAttachments).toEqual(["phase4-att-ff0f8ad5-f982-48ba-b8e2-26997600f496@cid"]);
      expect([verified.messagingSigned, verified.bodySigned]).toEqual([true, true]);
    },
  );

  it.skipIf(!PEPPOL_CORPUS_PRESENT)(
    `checks a supplied plaintext against the attachment's digest${PEPPOL_SKIP_NOTE}`,
    () => {
      const message = readAs4Dump(corpusFile("as4-messages/dump-raw.as4out"));
      if (!message.ok) throw new Error(message.error);
      const id = "phase4-att-ff0f8ad5-f982-48ba-b8e2-26997600f496@cid";
      const verified = verifyAs4Signature(message.value, {
        decrypted: new Map([[id, Buffer.from("not it")]]),
      });
      expect(verified.ok && verified.value.signature.references[2]?.status).toBe("digest-mismatch");
    },
  );

  it.skipIf(!PEPPOL_CORPUS_PRESENT)(
    `chains the outgoing message's signing certificate to the Peppol test CA G3 at the time it was sent${PEPPOL_SKIP_NOTE}`,
    () => {
      const signer = check("dump-raw.as4out").signature.certificate;
      if (!signer) throw new Error("no certificate");
      const options = {
        trustAnchors: pem("PEPPOL_Root_TEST_CA-G3.pem"),
        intermediates: pem("PEPPOL_ACCESS_POINT_TEST_CA-G3.pem"),
      };
      const chain = verifyCertificateChain(signer, { ...options, at: new Date("2026-01-29T15:39:03Z") });
      expect(chain.ok && chain.chain.map((c) => /CN=([^\n]+)/.exec(c.subject)?.[1])).toEqual([
        "POP000306",
        "PEPPOL ACCESS POINT TEST CA - G3",
        "PEPPOL Root TEST CA - G3",
      ]);
    },
  );

  it.skipIf(!PEPPOL_CORPUS_PRESENT)(
    `cannot chain the receipts' G2 certificates to the G3 test CA${PEPPOL_SKIP_NOTE}`,
    () => {
      const signer = check("helger.as4in").signature.certificate;
      if (!signer) throw new Error("no certificate");
      const anchors = { trustAnchors: pem("PEPPOL_ACCESS_POINT_TEST_CA-G3.pem") };
      expect(
        verifyCertificateChain(signer, { ...anchors, at: new Date("2022-03-07T17:36:50Z") }),
      ).toMatchObject({
        ok: false,
        failure: "unknown-issuer",
      });
    },
  );

  it("refuses a SOAP envelope without a wsse:Security signature", () => {
    const soap = Buffer.from(
      '<S:Envelope xmlns:S="http://www.w3.org/2003/05/soap-envelope"><S:Body/></S:Envelope>',
    );
    expect(verifyAs4Signature({ soap, attachments: new Map() })).toEqual({
      ok: false,
      error: "the SOAP header holds no wsse:Security signature",
    });
  });
});
