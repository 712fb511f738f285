import { describe, expect, it } from "vitest";
import { retainUntil } from "./retain-until.ts";

describe("retainUntil", () => {
  it("keeps an object the given number of years, to the day, in UTC", () => {
    expect(retainUntil(new Date("2026-11-28T23:30:00.000Z"), 10)).toBe("2036-11-28");
    expect(retainUntil(new Date("2028-02-29T08:00:00.000Z"), 1)).toBe("2029-03-01");
  });
});
