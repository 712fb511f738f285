import { describe, expect, it } from "vitest";
import type { Delivery } from "./delivery.ts";
import type { DeliveryState } from "./delivery-state.ts";
import { summarizeDeliveries } from "./delivery-summary.ts";

const AT = new Date("2026-12-01T08:00:00.000Z");

function delivery(
  role: "main" | "copy",
  state: DeliveryState,
  round = 1,
  acceptedAt: Date | null = null,
): Delivery {
  return {
    id: `${role}-${state}-${round}`,
    invoiceId: "i1",
    invoiceNumber: "INV-1",
    customerNumber: "K1",
    role,
    round,
    messageId: `${role}-${state}-${round}@test`,
    recipients: [],
    state,
    attempts: 0,
    firstAttemptAt: null,
    nextAttemptAt: null,
    archive: null,
    lastReply: null,
    acceptedAt: state === "accepted" ? (acceptedAt ?? AT) : null,
    createdAt: AT,
    updatedAt: AT,
  };
}

describe("summarizeDeliveries", () => {
  it("says unsent when the invoice has no delivery", () => {
    expect(summarizeDeliveries([]).status).toBe("unsent");
  });

  it("says sent when the main message was accepted, whatever became of the copies", () => {
    const summary = summarizeDeliveries([delivery("main", "accepted"), delivery("copy", "failed")]);
    expect(summary.status).toBe("sent");
    expect(summary.copies.failed).toBe(1);
    expect(summary.firstAcceptedAt).toEqual(AT);
  });

  it("does not count an accepted copy as the invoice being sent", () => {
    expect(summarizeDeliveries([delivery("main", "deferred"), delivery("copy", "accepted")]).status).toBe(
      "in-progress",
    );
    expect(summarizeDeliveries([delivery("main", "failed"), delivery("copy", "accepted")]).status).toBe(
      "failed",
    );
  });

  it("judges a Peppol invoice on its Peppol delivery, not on its e-mail courtesy copy", () => {
    const peppol = { ...delivery("main", "failed"), peppol: { participant: "0208:0123456749" } };
    const courtesy = { ...delivery("main", "accepted"), courtesyCopy: true as const };
    expect(summarizeDeliveries([peppol, courtesy])).toMatchObject({
      status: "failed",
      mainRecipientHasIt: "no",
      firstAcceptedAt: null,
    });
    expect(summarizeDeliveries([peppol, { ...courtesy, state: "queued" as const }]).status).toBe("failed");
  });

  it("flags a parked main message before anything else", () => {
    expect(summarizeDeliveries([delivery("main", "parked"), delivery("main", "queued")]).status).toBe(
      "needs-attention",
    );
  });

  it("judges the latest round, but remembers when an earlier round was first accepted", () => {
    const earlier = new Date("2026-11-01T08:00:00.000Z");
    const summary = summarizeDeliveries([
      delivery("main", "accepted", 1, earlier),
      delivery("main", "queued", 2),
    ]);
    expect(summary).toMatchObject({ status: "in-progress", round: 2, firstAcceptedAt: earlier });
  });

  it("says partially sent when some main messages were accepted and others failed or expired", () => {
    const summary = summarizeDeliveries([
      delivery("main", "accepted"),
      { ...delivery("main", "expired"), id: "x" },
    ]);
    expect(summary.status).toBe("partially-sent");
  });

  it("says whether a main recipient has the invoice: confirmed by a success notice, likely once accepted, not after a bounce", () => {
    expect(summarizeDeliveries([]).mainRecipientHasIt).toBe("no");
    expect(summarizeDeliveries([delivery("main", "queued")]).mainRecipientHasIt).toBe("no");
    expect(summarizeDeliveries([delivery("main", "accepted")]).mainRecipientHasIt).toBe("likely");
    expect(summarizeDeliveries([delivery("main", "bounced"), delivery("copy", "accepted")])).toMatchObject({
      status: "failed",
      mainRecipientHasIt: "no",
    });
    expect(
      summarizeDeliveries([delivery("main", "delivered"), { ...delivery("main", "bounced"), id: "y" }]),
    ).toMatchObject({ status: "partially-sent", mainRecipientHasIt: "confirmed" });
    expect(summarizeDeliveries([delivery("main", "delivered")]).status).toBe("sent");
  });
});
