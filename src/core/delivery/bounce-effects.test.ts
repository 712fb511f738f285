import { describe, expect, it } from "vitest";
import { type BounceEffectsInput, decideBounceEffects } from "./bounce-effects.ts";
import type { NoticeEvidence, NoticeResult } from "./bounce-notice.ts";
import type { Delivery, DeliveryEventRecord } from "./delivery.ts";
import type { DeliveryState } from "./delivery-state.ts";

const AT = new Date("2026-12-01T08:00:00.000Z");
const NOW = new Date("2026-12-01T09:00:00.000Z");

function delivery(state: DeliveryState, emails: readonly string[] = ["invoices@client.test"]): Delivery {
  return {
    id: "d1",
    invoiceId: "i1",
    invoiceNumber: "INV-1",
    customerNumber: "K1",
    role: "main",
    round: 1,
    messageId: "m1@seller.test",
    recipients: emails.map((email, i) => ({ recipientId: `r${i + 1}`, email, name: null })),
    state,
    attempts: 1,
    firstAttemptAt: AT,
    nextAttemptAt: null,
    archive: null,
    lastReply: null,
    acceptedAt: state === "accepted" ? AT : null,
    createdAt: AT,
    updatedAt: AT,
  };
}

function result(overrides: Partial<NoticeResult> = {}): NoticeResult {
  return {
    recipient: "invoices@client.test",
    originalRecipient: "",
    action: "failed",
    status: "5.1.1",
    replycode: "550",
    diagnostic: "550 5.1.1 <invoices@client.test>: Recipient address rejected: User unknown",
    reason: "userunknown",
    hard: true,
    rule: "status-5.1.1",
    remoteMta: "mx.client.test",
    feedbackType: "",
    ...overrides,
  };
}

const EVIDENCE: NoticeEvidence = {
  sha256: "a".repeat(64),
  messageId: "<dsn-1@relay.test>",
  source: "imap",
  receivedAt: NOW,
  matchedBy: "verp",
  kind: "dsn",
  format: "rfc3464",
};

function input(overrides: Partial<BounceEffectsInput>): BounceEffectsInput {
  return {
    delivery: delivery("accepted"),
    timeline: [],
    results: [result()],
    evidence: EVIDENCE,
    softRetry: { afterMs: 3_600_000, max: 2 },
    now: NOW,
    ...overrides,
  };
}

function event(
  event: DeliveryEventRecord["event"],
  evidence: DeliveryEventRecord["evidence"],
): DeliveryEventRecord {
  return {
    deliveryId: "d1",
    seq: 3,
    at: AT,
    actor: "intake",
    event,
    from: "accepted",
    to: "accepted",
    evidence,
  };
}

describe("decideBounceEffects", () => {
  it("bounces an accepted delivery whose only address failed for good, and suspends that recipient quoting the bounce", () => {
    const effects = decideBounceEffects(input({}));
    expect(effects.events).toHaveLength(1);
    expect(effects.events[0]).toMatchObject({
      event: "bounce",
      to: "bounced",
      evidence: { kind: "bounced", status: "5.1.1", reason: "userunknown", rule: "status-5.1.1", hard: true },
    });
    expect(effects.events[0]?.evidence.notice).toMatchObject({ sha256: "a".repeat(64), matchedBy: "verp" });
    expect(effects.suspensions).toEqual([
      { recipientId: "r1", email: "invoices@client.test", reason: expect.stringContaining("User unknown") },
    ]);
    expect(effects.suspensions[0]?.reason).toContain("invoice INV-1");
    expect(effects.effects).toEqual(["bounced"]);
  });

  it("notes the failure of one address of several, and bounces the delivery once the last one fails too", () => {
    const two = delivery("accepted", ["a@client.test", "b@client.test"]);
    const first = decideBounceEffects(
      input({ delivery: two, results: [result({ recipient: "a@client.test" })] }),
    );
    expect(first.events.map((e) => [e.event, e.to])).toEqual([["note", "accepted"]]);
    expect(first.suspensions.map((s) => s.recipientId)).toEqual(["r1"]);
    const timeline = first.events.map((e) => event(e.event, e.evidence));
    const second = decideBounceEffects(
      input({ delivery: two, timeline, results: [result({ recipient: "B@client.test" })] }),
    );
    expect(second.events.map((e) => e.event)).toEqual(["bounce"]);
    expect(second.suspensions.map((s) => s.recipientId)).toEqual(["r2"]);
  });

  it("bounces a single-address delivery when a forwarding target fails, without suspending the customer's address", () => {
    const effects = decideBounceEffects(
      input({ results: [result({ recipient: "internal@elsewhere.test" })] }),
    );
    expect(effects.events.map((e) => e.event)).toEqual(["bounce"]);
    expect(effects.suspensions).toEqual([]);
  });

  it("keeps a delayed notice as a note: the delivery stays accepted", () => {
    const effects = decideBounceEffects(
      input({ results: [result({ action: "delayed", status: "4.4.1", hard: false, reason: "expired" })] }),
    );
    expect(effects.events).toEqual([
      { event: "note", to: "accepted", evidence: expect.objectContaining({ kind: "delayed" }) },
    ]);
    expect(effects.suspensions).toEqual([]);
    expect(effects.retryAt).toBeNull();
  });

  it("schedules a retry for a soft failure after acceptance, then bounces once the retries are used up", () => {
    const soft = result({ status: "5.2.2", reason: "mailboxfull", hard: false });
    const first = decideBounceEffects(input({ results: [soft] }));
    expect(first.events.map((e) => [e.event, e.to])).toEqual([["retry", "queued"]]);
    expect(first.retryAt).toEqual(new Date(NOW.getTime() + 3_600_000));
    expect(first.suspensions).toEqual([]);
    const retried = [event("retry", {}), event("retry", {})];
    const last = decideBounceEffects(input({ results: [soft], timeline: retried }));
    expect(last.events.map((e) => [e.event, e.to])).toEqual([["bounce", "bounced"]]);
    expect(last.events[0]?.evidence).toMatchObject({ hard: false, retriesUsed: 2 });
    expect(last.suspensions.map((s) => s.reason)).toEqual([
      expect.stringContaining("still failing after 2 resends"),
    ]);
  });

  it("bounces at once on a soft failure when resending is turned off, and only notes one address of several", () => {
    const soft = result({ reason: "mailboxfull", status: "5.2.2", hard: false });
    const off = decideBounceEffects(input({ softRetry: null, results: [soft] }));
    expect(off.events.map((e) => [e.event, e.to])).toEqual([["bounce", "bounced"]]);
    expect(off.suspensions.map((s) => s.recipientId)).toEqual(["r1"]);
    const two = delivery("accepted", ["invoices@client.test", "b@client.test"]);
    const partial = decideBounceEffects(input({ delivery: two, results: [soft] }));
    expect(partial.events.map((e) => [e.event, e.evidence.kind])).toEqual([["note", "soft-failure"]]);
    expect(partial.suspensions).toEqual([]);
  });

  it("confirms an accepted delivery on a success notice", () => {
    const effects = decideBounceEffects(
      input({
        results: [result({ action: "delivered", status: "2.0.0", reason: "delivered", hard: false })],
      }),
    );
    expect(effects.events.map((e) => [e.event, e.to])).toEqual([["confirm", "delivered"]]);
  });

  it("records an auto-reply and a complaint as evidence, never as a bounce", () => {
    const effects = decideBounceEffects(
      input({
        results: [
          result({ action: "autoreply", reason: "vacation", hard: false, status: "" }),
          result({ action: "complaint", reason: "feedback", hard: false, status: "", feedbackType: "abuse" }),
        ],
      }),
    );
    expect(effects.events.map((e) => [e.event, e.evidence.kind])).toEqual([
      ["note", "auto-reply"],
      ["note", "complaint"],
    ]);
    expect(effects.suspensions).toEqual([]);
  });

  it("only notes a bounce for a delivery whose acceptance is not recorded, but still suspends the address", () => {
    const effects = decideBounceEffects(input({ delivery: delivery("queued") }));
    expect(effects.events.map((e) => [e.event, e.to])).toEqual([["note", "queued"]]);
    expect(effects.suspensions).toHaveLength(1);
  });

  it("notes a hard failure it cannot tie to one address of a multi-address delivery, suspending nobody", () => {
    const effects = decideBounceEffects(
      input({
        delivery: delivery("accepted", ["a@x.test", "b@x.test"]),
        results: [result({ recipient: "" })],
      }),
    );
    expect(effects.events.map((e) => [e.event, e.evidence.kind])).toEqual([["note", "unattributed-failure"]]);
    expect(effects.suspensions).toEqual([]);
  });
});
