import { describe, expect, it } from "vitest";
import { formatDate } from "./format-date.ts";

describe("formatDate", () => {
  it("writes day, month and year with slashes, or with dots in German", () => {
    expect(formatDate("2026-03-04", "fr")).toBe("04/03/2026");
    expect(formatDate("2026-03-04", "nl")).toBe("04/03/2026");
    expect(formatDate("2026-03-04", "en")).toBe("04/03/2026");
    expect(formatDate("2026-03-04", "de")).toBe("04.03.2026");
  });

  it("prints text that is not an ISO date unchanged", () => {
    expect(formatDate("2026-3-4", "fr")).toBe("2026-3-4");
  });
});
