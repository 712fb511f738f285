import { describe, expect, it } from "vitest";
import type { JsonObject } from "../audit/json-value.ts";
import type { Delivery, DeliveryEventRecord } from "./delivery.ts";
import { buildDeliveryProof, formatQuiet } from "./delivery-proof.ts";
import type { DeliveryState } from "./delivery-state.ts";

const SENT = new Date("2026-12-01T08:00:00.000Z");
const HOUR = 3_600_000;

function delivery(
  state: DeliveryState,
  emails = ["invoices@client.test"],
  role: Delivery["role"] = "main",
): Delivery {
  return {
    id: `d-${role}-${emails.join("-")}`,
    invoiceId: "i1",
    invoiceNumber: "INV-1",
    customerNumber: "K1",
    role,
    round: 1,
    messageId: "m1@seller.test",
    recipients: emails.map((email, i) => ({ recipientId: `r${i}`, email, name: null })),
    state,
    attempts: 1,
    firstAttemptAt: SENT,
    nextAttemptAt: null,
    archive: { sha256: "b".repeat(64), size: 1234, envelopeFrom: "bounces+x@b.test", archivedAt: SENT },
    lastReply: null,
    acceptedAt: ["accepted", "bounced", "delivered"].includes(state) ? SENT : null,
    createdAt: SENT,
    updatedAt: SENT,
  };
}

let seq = 0;
function event(
  d: Delivery,
  kind: DeliveryEventRecord["event"],
  evidence: JsonObject,
  at = SENT,
): DeliveryEventRecord {
  seq += 1;
  return { deliveryId: d.id, seq, at, actor: "test", event: kind, from: "accepted", to: d.state, evidence };
}

function accepted(d: Delivery): DeliveryEventRecord[] {
  return [
    event(d, "queue", { messageId: d.messageId, round: 1 }),
    event(d, "archive", { sha256: "b".repeat(64), size: 1234 }),
    event(d, "accept", {
      reply: { code: 250, enhanced: "2.0.0", text: "Ok: queued as 4ABC" },
      queueId: "4ABC",
      attempt: 1,
    }),
  ];
}

function prove(deliveries: Delivery[], timelines: [Delivery, DeliveryEventRecord[]][], now: Date) {
  return buildDeliveryProof({
    invoiceNumber: "INV-1",
    customerNumber: "K1",
    deliveries,
    timelines: new Map(timelines.map(([d, t]) => [d.id, t])),
    now,
  });
}

describe("buildDeliveryProof", () => {
  it("says an invoice accepted three days ago with no bounce since is very likely with the customer, not certainly", () => {
    const d = delivery("accepted");
    const proof = prove([d], [[d, accepted(d)]], new Date(SENT.getTime() + 3 * 24 * HOUR));
    expect(proof).toMatchObject({ verdict: "delivered", confidence: "high" });
    expect(proof.explanation).toContain("accepted by the relay 3 days ago and no bounce since");
    expect(proof.explanation).toContain("very likely");
    expect(proof.explanation).toContain("spam filter");
    const steps = proof.recipients[0]?.steps ?? [];
    expect(steps.map((s) => s.event)).toEqual(["queue", "archive", "accept", "quiet"]);
    expect(steps[2]?.detail).toContain("250 2.0.0 Ok: queued as 4ABC (queue id 4ABC)");
    expect(proof.recipients[0]?.archive?.sha256).toBe("b".repeat(64));
  });

  it("grows its confidence with the quiet period: too early after minutes, probable after hours", () => {
    const d = delivery("accepted");
    expect(prove([d], [[d, accepted(d)]], new Date(SENT.getTime() + 5 * 60_000))).toMatchObject({
      verdict: "pending",
      confidence: "low",
    });
    expect(prove([d], [[d, accepted(d)]], new Date(SENT.getTime() + 2 * HOUR))).toMatchObject({
      verdict: "delivered",
      confidence: "medium",
    });
  });

  it("says bounced, with certainty and the status, when the address failed for good", () => {
    const d = delivery("bounced");
    const timeline = [
      ...accepted(d),
      event(d, "bounce", {
        kind: "bounced",
        recipient: "invoices@client.test",
        hard: true,
        status: "5.1.1",
        reason: "userunknown",
        diagnostic: "550 5.1.1 User unknown",
      }),
    ];
    const proof = prove([d], [[d, timeline]], new Date(SENT.getTime() + HOUR));
    expect(proof).toMatchObject({ verdict: "bounced", confidence: "certain" });
    expect(proof.explanation).toContain("5.1.1 userunknown");
    expect(proof.recipients[0]?.steps.at(-1)?.detail).toContain("550 5.1.1 User unknown");
  });

  it("keeps a delayed message pending, and counts an auto-reply as certain receipt", () => {
    const d = delivery("accepted");
    const delayed = [
      ...accepted(d),
      event(d, "note", { kind: "delayed", status: "4.4.1" }, new Date(SENT.getTime() + HOUR)),
    ];
    expect(prove([d], [[d, delayed]], new Date(SENT.getTime() + 30 * HOUR))).toMatchObject({
      verdict: "pending",
      confidence: "medium",
    });
    const replied = [
      ...accepted(d),
      event(d, "note", { kind: "auto-reply", recipient: "invoices@client.test" }),
    ];
    expect(prove([d], [[d, replied]], new Date(SENT.getTime() + HOUR))).toMatchObject({
      verdict: "delivered",
      confidence: "certain",
    });
  });

  it("judges each address of a message apart and answers for the invoice with its best main recipient, ignoring copies", () => {
    const d = delivery("accepted", ["a@client.test", "b@client.test"]);
    const copy = delivery("delivered", ["boss@client.test"], "copy");
    const timeline = [
      ...accepted(d),
      event(d, "note", {
        kind: "recipient-bounced",
        recipient: "a@client.test",
        hard: true,
        status: "5.1.1",
        reason: "userunknown",
      }),
    ];
    const proof = prove(
      [d, copy],
      [
        [d, timeline],
        [copy, [...accepted(copy), event(copy, "confirm", { recipient: "boss@client.test" })]],
      ],
      new Date(SENT.getTime() + 2 * 24 * HOUR),
    );
    expect(proof.recipients.map((r) => [r.email, r.verdict])).toEqual([
      ["a@client.test", "bounced"],
      ["b@client.test", "delivered"],
      ["boss@client.test", "delivered"],
    ]);
    expect(proof).toMatchObject({ verdict: "delivered", confidence: "high" });
    expect(proof.explanation).toMatch(/^b@client\.test \(best of 2 main addresses/);
  });

  it("says a refused or expired message never reached the customer, and an unsent invoice is unknown", () => {
    for (const state of ["failed", "expired"] as const) {
      const d = delivery(state);
      expect(prove([d], [[d, []]], SENT)).toMatchObject({ verdict: "bounced", confidence: "certain" });
    }
    expect(prove([], [], SENT)).toMatchObject({ verdict: "unknown" });
  });

  it("writes durations as people read them", () => {
    expect(formatQuiet(3 * 24 * HOUR + 4 * HOUR + 5 * 60_000)).toBe("3 days 4 hours");
    expect(formatQuiet(HOUR + 60_000)).toBe("1 hour 1 minute");
    expect(formatQuiet(25 * 60_000)).toBe("25 minutes");
  });
});
