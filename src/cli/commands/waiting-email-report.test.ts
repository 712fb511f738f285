import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { reportWaitingEmail } from "./waiting-email-report.ts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("reportWaitingEmail", () => {
  it("says the number of waiting e-mail jobs each time it changed, until stopped", async () => {
    const counts = [3, 3, 5, 5, 0, 7];
    const said: number[] = [];
    const stop = new AbortController();
    reportWaitingEmail({
      count: async () => counts.shift() ?? 0,
      report: (waiting) => said.push(waiting),
      first: 3,
      everyMs: 1000,
      signal: stop.signal,
    });
    for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(1000);
    expect(said).toEqual([5, 0]);
    stop.abort();
    await vi.advanceTimersByTimeAsync(5000);
    expect(said).toEqual([5, 0]);
    expect(counts).toEqual([7]);
  });

  it("skips a count that fails and tells with the next one", async () => {
    const said: number[] = [];
    let calls = 0;
    const stop = new AbortController();
    reportWaitingEmail({
      count: async () => {
        calls++;
        if (calls === 1) throw new Error("database is locked");
        return 2;
      },
      report: (waiting) => said.push(waiting),
      first: 0,
      everyMs: 1000,
      signal: stop.signal,
    });
    await vi.advanceTimersByTimeAsync(2000);
    expect(said).toEqual([2]);
    stop.abort();
  });
});
