import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "./duration.ts";
import { DEFAULT_RETRY_SCHEDULE, nextRetry, parseRetrySchedule } from "./retry-schedule.ts";

const T0 = new Date("2026-12-01T08:00:00.000Z");
const MIN = 60_000;
const HOUR = 60 * MIN;

describe("nextRetry", () => {
  it("waits 1m, 5m, 15m, 30m, 1h, 2h, 4h after the first seven failures, then every 4h", () => {
    let now = T0;
    const waits: number[] = [];
    for (let failures = 1; failures <= 9; failures++) {
      const decision = nextRetry(DEFAULT_RETRY_SCHEDULE, failures, T0, now);
      if (decision.kind !== "retry") throw new Error(`expired after ${failures}`);
      waits.push(decision.at.getTime() - now.getTime());
      now = decision.at;
    }
    expect(waits.map(formatDuration)).toEqual(["1m", "5m", "15m", "30m", "1h", "2h", "4h", "4h", "4h"]);
  });

  it("expires instead of scheduling a retry beyond three days from the first attempt", () => {
    let now = T0;
    let failures = 0;
    for (;;) {
      failures++;
      const decision = nextRetry(DEFAULT_RETRY_SCHEDULE, failures, T0, now);
      if (decision.kind === "expire") break;
      now = decision.at;
    }
    expect(now.getTime() - T0.getTime()).toBeLessThanOrEqual(72 * HOUR);
    expect(now.getTime() - T0.getTime()).toBeGreaterThan(68 * HOUR);
    // The first attempt, 7 scheduled retries (7h51m in all), then 16 retries 4 hours apart up to the third day:
    // the 24th failure is the one that expires the delivery.
    expect(failures).toBe(24);
  });

  it("follows a schedule given in configuration", () => {
    const parsed = parseRetrySchedule({ delays: "10s,20s", every: "1m", giveUpAfter: "2m" });
    if (!parsed.ok) throw new Error(parsed.error.join("; "));
    expect(nextRetry(parsed.value, 1, T0, T0)).toEqual({
      kind: "retry",
      at: new Date(T0.getTime() + 10_000),
    });
    expect(nextRetry(parsed.value, 3, T0, new Date(T0.getTime() + 30_000))).toEqual({
      kind: "retry",
      at: new Date(T0.getTime() + 90_000),
    });
    expect(nextRetry(parsed.value, 4, T0, new Date(T0.getTime() + 90_000))).toEqual({ kind: "expire" });
  });
});

describe("parseRetrySchedule", () => {
  it("reports every malformed duration at once", () => {
    const parsed = parseRetrySchedule({ delays: "1m,5x,15", every: "4h", giveUpAfter: "-3d" });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toHaveLength(3);
  });

  it("accepts an empty list of delays: a fixed interval from the start", () => {
    expect(parseRetrySchedule({ delays: "", every: "30m", giveUpAfter: "5d" })).toEqual({
      ok: true,
      value: { delays: [], every: 30 * MIN, giveUpAfter: 5 * 24 * HOUR },
    });
  });
});

describe("parseDuration", () => {
  it("reads seconds, minutes, hours and days and refuses zero", () => {
    expect(parseDuration("30s")).toEqual({ ok: true, value: 30_000 });
    expect(parseDuration(" 3d ")).toEqual({ ok: true, value: 3 * 24 * HOUR });
    expect(parseDuration("0m").ok).toBe(false);
    expect(parseDuration("1.5h").ok).toBe(false);
  });
});
