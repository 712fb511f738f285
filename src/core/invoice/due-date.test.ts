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
});
