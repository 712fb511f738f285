import { describe, expect, it } from "vitest";
import type { DeliveryState } from "./delivery-state.ts";
import { messageLevelEffect } from "./message-level-effect.ts";

const mls = (
  status: "rejected" | "accepted" | "acknowledged",
  kind: "mls" | "mlr" | "invoice-response" = "mls",
) => ({
  kind,
  status,
  responseId: "MLS-1",
  responseCode: status === "rejected" ? "RE" : status === "accepted" ? "AP" : "AB",
  messageId: "m1@ap.test",
  description: "Rejected due to validation errors",
  issues: [{ lineId: "NA", responseCode: "RE", reasonCode: "BV", description: "BR-CO-15", conditions: [] }],
});

describe("messageLevelEffect", () => {
  it("settles an accepted delivery: RE bounces it, AP confirms it, with the status as evidence", () => {
    expect(messageLevelEffect("accepted", mls("rejected"))).toMatchObject({
      event: "bounce",
      from: "accepted",
      to: "bounced",
      evidence: { statusMessage: { responseId: "MLS-1", responseCode: "RE", messageId: "m1@ap.test" } },
    });
    const said = messageLevelEffect("accepted", mls("rejected"))?.evidence.statusMessage;
    expect(JSON.stringify(said)).toContain("Rejected due to validation errors");
    expect(JSON.stringify(said)).toContain("BR-CO-15");
    expect(messageLevelEffect("accepted", mls("accepted", "mlr"))).toMatchObject({
      event: "confirm",
      to: "delivered",
    });
  });

  it("changes nothing for AB, an Invoice Response, or a delivery that is not accepted", () => {
    expect(messageLevelEffect("accepted", mls("acknowledged"))).toBeNull();
    expect(messageLevelEffect("accepted", mls("rejected", "invoice-response"))).toBeNull();
    for (const state of [
      "queued",
      "deferred",
      "failed",
      "bounced",
      "delivered",
      "parked",
      "expired",
    ] as DeliveryState[])
      expect(messageLevelEffect(state, mls("rejected"))).toBeNull();
  });
});
