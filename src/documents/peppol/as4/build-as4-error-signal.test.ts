import { beforeAll, describe, expect, it } from "vitest";
import { apTrust, seatOf } from "../testing/as4-test-messages.ts";
import { createTestPki, type TestPki } from "../testing/test-pki.ts";
import { parseXmlTree } from "../xml/parse-xml-tree.ts";
import { as4Error } from "./as4-error.ts";
import { buildAs4ErrorSignal } from "./build-as4-error-signal.ts";
import { readAs4Signal } from "./read-as4-signal.ts";
import { verifyAs4Receipt } from "./verify-as4-receipt.ts";

let pki: TestPki;
const AT = new Date("2026-11-28T12:00:00Z");

beforeAll(async () => {
  pki = await createTestPki();
});

describe("buildAs4ErrorSignal", () => {
  it("writes a signed error signal that the sender verifies and reads with its code, category and detail", async () => {
    const built = buildAs4ErrorSignal({
      error: as4Error("EBMS:0004", 'PEPPOL:NOT_SERVICED: 0208:0999999999 <is> "not" served', "m-1@ap.test"),
      messageId: "e-1@facteur",
      timestamp: AT,
      signer: seatOf(pki.receiver),
    });
    if (!built.ok) throw new Error(built.error);
    const verified = await verifyAs4Receipt(built.value.contentType, built.value.body, {
      sent: {
        messageId: "m-1@ap.test",
        signatureReferences: [],
        receiverCertificate: pki.receiver.certificate,
      },
      trust: apTrust(pki, AT),
    });
    if (!verified.ok) throw new Error(verified.error.detail);
    expect(verified.value.signal).toEqual({
      kind: "error",
      messageId: "e-1@facteur",
      timestamp: AT.toISOString(),
      refToMessageId: "m-1@ap.test",
      errors: [
        {
          errorCode: "EBMS:0004",
          severity: "failure",
          shortDescription: "Other",
          category: "Content",
          detail: 'PEPPOL:NOT_SERVICED: 0208:0999999999 <is> "not" served',
          refToMessageInError: "m-1@ap.test",
        },
      ],
    });
  });

  it("leaves RefToMessageId out when the refused message's id could not be read", () => {
    const built = buildAs4ErrorSignal({
      error: as4Error("EBMS:0007", "not MIME"),
      messageId: "e-2@facteur",
      timestamp: AT,
      signer: seatOf(pki.receiver),
    });
    if (!built.ok) throw new Error(built.error);
    const tree = parseXmlTree(built.value.body);
    if (!tree.ok) throw new Error(tree.error.message);
    const signal = readAs4Signal(tree.value.root);
    expect(signal).toMatchObject({
      ok: true,
      value: { kind: "error", refToMessageId: undefined, errors: [{ category: "Unpackaging" }] },
    });
  });
});
