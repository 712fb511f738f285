import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BIS_BILLING_PROCESS,
  BIS_INVOICE_DOCUMENT_TYPE,
  INVOICE_RESPONSE_DOCUMENT_TYPE,
  INVOICE_RESPONSE_PROCESS,
  MLS_DOCUMENT_TYPE,
  MLS_PROCESS,
} from "../../src/core/peppol/peppol-identifiers.ts";
import type { SbdhWriteInput } from "../../src/documents/peppol/sbdh/write-sbdh.ts";
import { seatOf, testInvoiceXml } from "../../src/documents/peppol/testing/as4-test-messages.ts";
import {
  corpusFile,
  PEPPOL_CORPUS_PRESENT,
  PEPPOL_SKIP_NOTE,
} from "../../src/documents/peppol/testing/peppol-corpus.ts";
import type { TestPki } from "../../src/documents/peppol/testing/test-pki.ts";
import { sendAs4 } from "../../src/peppol/as4/send-as4.ts";
import { createPeppolParticipantDirectory } from "../../src/peppol/discovery/peppol-participant-directory.ts";
import {
  RECEIVING_PARTICIPANT,
  startTestReceivingAccessPoint,
  type TestReceivingAccessPoint,
  testApTrust,
  testMessageId,
  testSbdh,
} from "../support/peppol/test-access-points.ts";
import { startTestPeppolNetwork, type TestPeppolNetwork } from "../support/peppol/test-peppol-network.ts";
import { testTlsCertificate } from "../support/peppol/test-tls-certificate.ts";

let network: TestPeppolNetwork;
let pki: TestPki;
let ap: TestReceivingAccessPoint;

beforeAll(async () => {
  network = await startTestPeppolNetwork();
  pki = network.pki;
  ap = await startTestReceivingAccessPoint(pki);
});

afterAll(async () => {
  await Promise.all([ap?.close(), network?.close()]);
});

function sendTo(url: string, sbdh: SbdhWriteInput, payload: string | Buffer) {
  return sendAs4({
    endpoint: { url, certificate: { pem: pki.receiver.certificatePem } },
    seat: seatOf(pki.sender),
    trust: testApTrust(pki),
    sbdh,
    payload,
    messageId: testMessageId(),
    http: { extraCaPem: [testTlsCertificate().certificatePem] },
  });
}

describe("AS4 with discovery and status responses on loopback", () => {
  it("looks the participant up (SML, signed SMP answer), sends, and gets the receipt", async () => {
    const service = {
      process: BIS_BILLING_PROCESS,
      endpointUrl: ap.receiver.url,
      endpointCertificatePem: pki.receiver.certificatePem,
    };
    network.register({
      participant: RECEIVING_PARTICIPANT,
      services: [{ ...service, documentType: BIS_INVOICE_DOCUMENT_TYPE }],
    });
    const directory = createPeppolParticipantDirectory({
      deps: network.discoveryDeps(),
      positiveTtlMs: 60_000,
      negativeTtlMs: 60_000,
    });
    const lookup = await directory.lookup({
      participant: RECEIVING_PARTICIPANT,
      documentType: BIS_INVOICE_DOCUMENT_TYPE,
      process: BIS_BILLING_PROCESS,
    });
    expect(lookup.kind).toBe("reachable");
    if (lookup.kind !== "reachable") return;
    const outcome = await sendAs4({
      endpoint: lookup.endpoint,
      seat: seatOf(pki.sender),
      trust: testApTrust(pki),
      sbdh: testSbdh(lookup.participant),
      payload: testInvoiceXml(10),
      messageId: testMessageId(),
      http: { extraCaPem: [testTlsCertificate().certificatePem] },
    });
    expect(outcome.kind).toBe("accepted");
    expect(await ap.inbox.byMessageId(outcome.evidence.messageId)).toMatchObject({ kind: "invoice" });
  });

  it.skipIf(!PEPPOL_CORPUS_PRESENT)(
    `records a Message Level Status against the SBDH instance id of the message it answers${PEPPOL_SKIP_NOTE}`,
    async () => {
      const answered = randomUUID();
      const mls = corpusFile("mls/MessageLevelStatus_Example_AP.xml")
        .toString("utf8")
        .replace("90f14eff-3705-4869-ad3c-caae270a234e", answered);
      const outcome = await sendTo(
        ap.receiver.url,
        testSbdh(RECEIVING_PARTICIPANT, { documentType: MLS_DOCUMENT_TYPE, process: MLS_PROCESS }),
        mls,
      );
      expect(outcome.kind).toBe("accepted");
      expect(await ap.inbox.byMessageId(outcome.evidence.messageId)).toMatchObject({
        kind: "status-response",
        validation: { status: "valid" },
      });
      expect(await ap.inbox.responsesFor(answered)).toEqual([
        expect.objectContaining({
          kind: "mls",
          status: "accepted",
          responseCode: "AP",
          responseId: "MLS-ID123",
        }),
      ]);
    },
  );

  it.skipIf(!PEPPOL_CORPUS_PRESENT)(
    `records an Invoice Response against the invoice number it answers${PEPPOL_SKIP_NOTE}`,
    async () => {
      const number = `INV-${randomUUID().slice(0, 8)}`;
      const response = corpusFile("mls/InvoiceResponse_Example.xml")
        .toString("utf8")
        .replace("<cbc:ID>inv021</cbc:ID>", `<cbc:ID>${number}</cbc:ID>`);
      const outcome = await sendTo(
        ap.receiver.url,
        testSbdh(RECEIVING_PARTICIPANT, {
          documentType: INVOICE_RESPONSE_DOCUMENT_TYPE,
          process: INVOICE_RESPONSE_PROCESS,
        }),
        response,
      );
      expect(outcome.kind).toBe("accepted");
      const [recorded, ...others] = await ap.inbox.responsesFor(number);
      expect(others).toEqual([]);
      expect(recorded).toMatchObject({ kind: "invoice-response", status: "rejected", responseCode: "RE" });
    },
  );

  it("keeps an invoice that breaks EN 16931 in the inbox with its findings (the receipt is still given)", async () => {
    const broken = testInvoiceXml(2).replace(
      /<cbc:IssueDate>[^<]*<\/cbc:IssueDate>/,
      "<cbc:IssueDate>2026-13-45</cbc:IssueDate>",
    );
    const outcome = await sendTo(ap.receiver.url, testSbdh(), broken);
    expect(outcome.kind).toBe("accepted");
    const stored = await ap.inbox.byMessageId(outcome.evidence.messageId);
    expect(stored?.validation.status).toBe("invalid");
    expect(stored?.validation.fatal).toBeGreaterThan(0);
  });
});
