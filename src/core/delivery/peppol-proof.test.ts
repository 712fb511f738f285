import { describe, expect, it } from "vitest";
import type { Delivery, DeliveryEventRecord } from "./delivery.ts";
import { buildDeliveryProof } from "./delivery-proof.ts";
import { judgePeppolDelivery } from "./peppol-proof.ts";
import { undeliveredReasonOf } from "./undelivered-reason.ts";

const AT = new Date("2026-12-02T09:00:00.000Z");
const PARTICIPANT = "0208:0202239951";

function peppolDelivery(overrides: Partial<Delivery> = {}): Delivery {
  return {
    id: "d1",
    invoiceId: "i1",
    invoiceNumber: "INV-1",
    customerNumber: "C1",
    role: "main",
    round: 1,
    messageId: "m1@seller.test",
    recipients: [],
    peppol: { participant: PARTICIPANT },
    state: "accepted",
    attempts: 1,
    firstAttemptAt: AT,
    nextAttemptAt: null,
    archive: { sha256: "a".repeat(64), size: 10, envelopeFrom: "0208:0123456749", archivedAt: AT },
    lastReply: null,
    acceptedAt: AT,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

function event(seq: number, e: Partial<DeliveryEventRecord> & Pick<DeliveryEventRecord, "event" | "to">) {
  return { deliveryId: "d1", seq, at: AT, actor: "worker:t", from: "queued" as const, evidence: {}, ...e };
}

const receipt = {
  messageId: "r1@receiver.test",
  timestamp: AT.toISOString(),
  signer: { subject: "CN=POP000002", serialNumber: "02" },
  nonRepudiationReferences: 2,
  sha256: "b".repeat(64),
  verified: true,
};

describe("the proof of a Peppol delivery", () => {
  it("is delivered, certain, on a verified receipt, and names the receipt and its signer", () => {
    const events = [event(1, { event: "accept", to: "accepted", evidence: { receipt } })];
    const proof = buildDeliveryProof({
      invoiceNumber: "INV-1",
      customerNumber: "C1",
      deliveries: [peppolDelivery()],
      timelines: new Map([["d1", events]]),
      now: AT,
    });
    expect(proof).toMatchObject({ verdict: "delivered", confidence: "certain" });
    expect(proof.explanation).toContain("signed AS4 receipt r1@receiver.test");
    expect(proof.recipients[0]?.steps[0]?.detail).toContain("signed by CN=POP000002 (serial 02)");
  });

  it("is never delivered on an acceptance without a verified receipt", () => {
    const events = [event(1, { event: "accept", to: "accepted", evidence: {} })];
    expect(judgePeppolDelivery(peppolDelivery(), events).verdict).not.toBe("delivered");
  });

  it("says a held invoice was not delivered and is never e-mailed, in the proof and the undelivered reason", () => {
    const held = peppolDelivery({ state: "failed", acceptedAt: null });
    const events = [
      event(1, {
        event: "reject",
        to: "failed",
        evidence: { hold: "not-on-peppol", explanation: "the buyer is not reachable on Peppol" },
      }),
    ];
    expect(judgePeppolDelivery(held, events)).toMatchObject({ verdict: "bounced", confidence: "certain" });
    expect(judgePeppolDelivery(held, events).explanation).toContain("never e-mailed");
    expect(undeliveredReasonOf(held, events)).toMatchObject({
      code: "failed",
      address: PARTICIPANT,
      reason: "not-on-peppol",
    });
  });

  it("quotes the receiver's ebMS error when it refused the message", () => {
    const refused = peppolDelivery({ state: "failed", acceptedAt: null });
    const events = [
      event(1, {
        event: "reject",
        to: "failed",
        evidence: { error: { code: "EBMS:0101", detail: "bad signature" } },
      }),
    ];
    expect(undeliveredReasonOf(refused, events)?.text).toBe(
      "refused by the buyer's Peppol access point: EBMS:0101 bad signature",
    );
  });
});
