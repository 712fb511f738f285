import { describe, expect, it } from "vitest";
import {
  DELIVERY_EVENTS,
  DELIVERY_STATES,
  DOWNSTREAM_EVENTS,
  isFinalDeliveryState,
  nextDeliveryState,
} from "./delivery-state.ts";

describe("nextDeliveryState", () => {
  it("creates a delivery only through the queue event", () => {
    expect(nextDeliveryState(null, "queue")).toEqual({ ok: true, value: "queued" });
    for (const event of DELIVERY_EVENTS.filter((e) => e !== "queue")) {
      expect(nextDeliveryState(null, event).ok).toBe(false);
    }
  });

  it("moves a queued or deferred delivery to accepted, deferred, failed, expired or parked", () => {
    for (const from of ["queued", "deferred"] as const) {
      expect(nextDeliveryState(from, "accept")).toEqual({ ok: true, value: "accepted" });
      expect(nextDeliveryState(from, "defer")).toEqual({ ok: true, value: "deferred" });
      expect(nextDeliveryState(from, "reject")).toEqual({ ok: true, value: "failed" });
      expect(nextDeliveryState(from, "expire")).toEqual({ ok: true, value: "expired" });
      expect(nextDeliveryState(from, "park")).toEqual({ ok: true, value: "parked" });
    }
  });

  it("records the archive step without changing the state", () => {
    expect(nextDeliveryState("queued", "archive")).toEqual({ ok: true, value: "queued" });
    expect(nextDeliveryState("deferred", "archive")).toEqual({ ok: true, value: "deferred" });
  });

  it("refuses every relay event on a final state, so a late reply never reopens an accepted delivery", () => {
    for (const from of DELIVERY_STATES.filter(isFinalDeliveryState)) {
      for (const event of DELIVERY_EVENTS.filter((e) => !DOWNSTREAM_EVENTS.includes(e))) {
        const result = nextDeliveryState(from, event);
        expect(result.ok, `${from} + ${event}`).toBe(false);
        if (!result.ok) expect(result.error.message).toContain(from);
      }
    }
  });

  it("lets an operator release a parked delivery back to the queue, and nothing else", () => {
    expect(nextDeliveryState("parked", "release")).toEqual({ ok: true, value: "queued" });
    expect(nextDeliveryState("parked", "accept").ok).toBe(false);
    expect(nextDeliveryState("queued", "release").ok).toBe(false);
  });

  it("settles an accepted delivery from what comes back: a bounce, a success notice, or a retry after a soft failure", () => {
    expect(nextDeliveryState("accepted", "bounce")).toEqual({ ok: true, value: "bounced" });
    expect(nextDeliveryState("accepted", "confirm")).toEqual({ ok: true, value: "delivered" });
    expect(nextDeliveryState("accepted", "retry")).toEqual({ ok: true, value: "queued" });
    for (const from of [
      "queued",
      "deferred",
      "failed",
      "expired",
      "parked",
      "bounced",
      "delivered",
    ] as const) {
      for (const event of ["bounce", "confirm", "retry"] as const) {
        expect(nextDeliveryState(from, event).ok, `${from} + ${event}`).toBe(false);
      }
    }
  });

  it("records a note on a delivery in any state without moving it", () => {
    for (const from of DELIVERY_STATES)
      expect(nextDeliveryState(from, "note")).toEqual({ ok: true, value: from });
    expect(nextDeliveryState(null, "note").ok).toBe(false);
  });
});
