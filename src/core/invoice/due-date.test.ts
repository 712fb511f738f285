import { describe, expect, it } from "vitest";
import { dueDateFor } from "./due-date.ts";

describe("dueDateFor", () => {
  it("adds the payment terms across month and year ends", () => {
    expect(dueDateFor("2026-11-28", 30)).toBe("2026-12-28");
    expect(dueDateFor("2026-12-15", 30)).toBe("2027-01-14");
    expect(dueDateFor("2028-02-15", 14)).toBe("2028-02-29");
  });

  it("gives the issue date itself for immediate payment", () => {
    expect(dueDateFor("2026-03-29", 0)).toBe("2026-03-29");
  });

  it("counts days exactly as Date does, across leap years and centuries", () => {
    const viaDate = (issueDate: string, days: number) => {
      const date = new Date(`${issueDate}T00:00:00Z`);
      date.setUTCDate(date.getUTCDate() + days);
      return date.toISOString().slice(0, 10);
    };
    for (let t = Date.UTC(1899, 11, 1); t < Date.UTC(2101, 2, 1); t += 7 * 86_400_000) {
      const issued = new Date(t).toISOString().slice(0, 10);
      for (const days of [0, 1, 30, 60, 365, -1])
        expect(dueDateFor(issued, days)).toBe(viaDate(issued, days));
    }
    expect(dueDateFor("1900-02-28", 1)).toBe("1900-03-01");
    expect(dueDateFor("2000-02-28", 1)).toBe("2000-02-29");
  });
});
