import { describe, expect, it } from "vitest";
import type { DeliveryProofReport } from "../../app/prove-delivery.ts";
import { summarizeDeliveries } from "../../core/delivery/delivery-summary.ts";
import { hasPoppler, pdfText } from "../pdf/testing/poppler.ts";
import { renderProofPdf } from "./render-proof-pdf.ts";

const AT = new Date("2026-12-02T09:00:00.000Z");

const report: DeliveryProofReport = {
  invoiceNumber: "INV-1",
  customerNumber: "C1",
  customerName: "Brasserie",
  generatedAt: AT,
  verdict: "bounced",
  confidence: "certain",
  explanation: "rejected by the buyer's access point",
  recipients: [],
  statusMessages: [
    {
      at: AT,
      issued: "2026-12-02 08:59:00Z",
      kind: "mls",
      responseId: "MLS-1",
      responseCode: "RE",
      status: "rejected",
      description: "Rejected due to validation errors",
      issues: [{ lineId: "NA", reasonCode: "BV", description: "[BR-CO-15] totals", conditions: [] }],
      sender: "0242:000123",
      messageId: "m1@ap",
      deliveryId: "d1",
      what: "Message Level Status MLS-1 from the buyer's access point: RE rejected",
    },
  ],
  buyerStatus: {
    status: "under-query",
    responseCode: "UQ",
    responseId: "IR-1",
    messageId: "m2@ap",
    issued: "2026-12-02 10:00:00Z",
    receivedAt: AT,
    description: "Order reference unknown",
  },
  summary: summarizeDeliveries([]),
  paperSentAt: null,
};

describe.skipIf(!hasPoppler())("the proof PDF", () => {
  it("prints the Peppol status messages received and the buyer's status", async () => {
    const text = pdfText(await renderProofPdf(report)).replace(/\s+/g, " ");
    expect(text).toContain("Peppol status messages received");
    expect(text).toContain("Buyer status: under query (UQ, Invoice Response IR-1");
    expect(text).toContain("Message Level Status MLS-1 from the buyer's access point: RE rejected");
    expect(text).toContain(
      "Rejected due to validation errors; BV: [BR-CO-15] totals - issued 2026-12-02 08:59:00Z",
    );
  });
});
