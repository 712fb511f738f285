import { describe, expect, it } from "vitest";
import type { Delivery, DeliveryEventRecord } from "./delivery.ts";
import { buildDeliveryProof } from "./delivery-proof.ts";
import type { ProofStatusMessage } from "./status-message-steps.ts";

const AT = new Date("2026-12-02T09:00:00.000Z");
const BUYER = "0208:0202239951";

const delivery: Delivery = {
  id: "d1",
  invoiceId: "i1",
  invoiceNumber: "INV-1",
  customerNumber: "C1",
  role: "main",
  round: 1,
  messageId: "m1@seller.test",
  recipients: [],
  peppol: { participant: BUYER },
  state: "accepted",
  attempts: 1,
  firstAttemptAt: AT,
  nextAttemptAt: null,
  archive: { sha256: "a".repeat(64), size: 10, envelopeFrom: "0208:0123456749", archivedAt: AT },
  lastReply: null,
  acceptedAt: AT,
  createdAt: AT,
  updatedAt: AT,
};

const accepted: DeliveryEventRecord = {
  deliveryId: "d1",
  seq: 1,
  at: AT,
  actor: "worker:t",
  event: "accept",
  from: "queued",
  to: "accepted",
  evidence: {
    receipt: {
      messageId: "r1@receiver.test",
      signer: { subject: "CN=POP000002", serialNumber: "02" },
      verified: true,
    },
  },
};

function status(code: string, over: Partial<ProofStatusMessage>): ProofStatusMessage {
  const statuses: Record<string, ProofStatusMessage["status"]> = {
    AB: "acknowledged",
    AP: "accepted",
    RE: "rejected",
    UQ: "under-query",
    PD: "paid",
  };
  return {
    messageId: `${code}-${over.responseId ?? "x"}@ap`,
    kind: "mls",
    responseId: "MLS-1",
    status: statuses[code] ?? "acknowledged",
    responseCode: code,
    description: undefined,
    receivedAt: new Date("2026-12-02T09:05:00.000Z"),
    issueDate: "2026-12-02",
    issueTime: "09:04:00Z",
    sender: "0242:000123",
    deliveryId: "d1",
    ...over,
  };
}

function proof(statusMessages: readonly ProofStatusMessage[], deliveries = [delivery]) {
  return buildDeliveryProof({
    invoiceNumber: "INV-1",
    customerNumber: "C1",
    deliveries,
    timelines: new Map([["d1", [accepted]]]),
    statusMessages,
    now: AT,
  });
}

describe("status messages in the proof of a Peppol invoice", () => {
  it("says rejected, not delivered, when the buyer's access point sends an MLS RE after its receipt", () => {
    const re = status("RE", {
      description: "Rejected due to validation errors",
      issues: [
        { lineId: "/Invoice/cbc:ID", reasonCode: "BV", description: "[BR-01] missing", conditions: [] },
      ],
    });
    const p = proof([re]);
    expect(p).toMatchObject({ verdict: "bounced", confidence: "certain" });
    expect(p.explanation).toContain("rejected");
    expect(p.explanation).toContain("NOT delivered to the buyer");
    expect(p.explanation).toContain("BV at /Invoice/cbc:ID: [BR-01] missing");
    const steps = p.recipients[0]?.steps ?? [];
    expect(steps.map((s) => s.event)).toEqual(["accept", "status-message"]);
    expect(steps[1]).toMatchObject({
      what: "Message Level Status MLS-1 from the buyer's access point: RE rejected",
      actor: "0242:000123",
    });
    expect(p.statusMessages).toEqual([
      expect.objectContaining({
        kind: "mls",
        responseCode: "RE",
        status: "rejected",
        description: "Rejected due to validation errors",
        issued: "2026-12-02 09:04:00Z",
        at: new Date("2026-12-02T09:05:00.000Z"),
        deliveryId: "d1",
      }),
    ]);
    expect(p.buyerStatus).toBeNull();
  });

  it("confirms the delivery on an MLS AP, and on an MLS alone when no receipt is recorded", () => {
    const ap = status("AP", {});
    expect(proof([ap])).toMatchObject({ verdict: "delivered", confidence: "certain" });
    expect(proof([ap]).explanation).toContain("confirmed it took the invoice on");
    const noReceipt = { ...delivery, state: "queued" as const, acceptedAt: null };
    expect(proof([], [noReceipt]).verdict).not.toBe("delivered");
    expect(proof([status("AB", {})], [noReceipt])).toMatchObject({
      verdict: "delivered",
      confidence: "certain",
    });
  });

  it("lets the latest MLS decide and ignores one for another delivery", () => {
    const re = status("RE", { responseId: "MLS-1", issueTime: "09:00:00Z" });
    const ap = status("AP", { responseId: "MLS-2", issueTime: "10:00:00Z" });
    expect(proof([ap, re]).verdict).toBe("delivered");
    expect(proof([status("RE", { deliveryId: "other" })]).verdict).toBe("delivered");
  });

  it("shows the buyer's Invoice Responses and its current status, which do not change the delivery's verdict", () => {
    const uq = status("UQ", {
      kind: "invoice-response",
      responseId: "IR-1",
      sender: BUYER,
      issueTime: "10:00:00Z",
      description: "Order reference unknown",
    });
    const pd = status("PD", {
      kind: "invoice-response",
      responseId: "IR-2",
      sender: BUYER,
      issueTime: "12:00:00Z",
    });
    const p = proof([pd, uq]);
    expect(p.verdict).toBe("delivered");
    expect(p.statusMessages.map((m) => [m.responseId, m.status])).toEqual([
      ["IR-1", "under-query"],
      ["IR-2", "paid"],
    ]);
    expect(p.statusMessages[0]?.what).toBe("Invoice Response IR-1 from the buyer: UQ under query");
    expect(p.buyerStatus).toMatchObject({ status: "paid", responseCode: "PD", responseId: "IR-2" });
    expect(p.recipients[0]?.steps.map((s) => s.event)).toEqual(["accept"]);
  });
});
