import { describe, expect, it } from "vitest";
import { describeConfig, parseConfig } from "./config.ts";

describe("parseConfig", () => {
  it("gives an embedded SQLite setup when nothing is set", () => {
    const result = parseConfig({});
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.DATABASE_URL).toBeUndefined();
      expect(result.value.FACTEUR_DATA_DIR).toBe("./data");
      expect(Object.isFrozen(result.value)).toBe(true);
    }
  });

  it("reports every invalid variable at once", () => {
    const result = parseConfig({ FACTEUR_SELLER_COUNTRY: "Belgium", FACTEUR_LOG_LEVEL: "loud" });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.map((e) => e.field).sort()).toEqual([
        "FACTEUR_LOG_LEVEL",
        "FACTEUR_SELLER_COUNTRY",
      ]);
  });

  it("treats an empty DATABASE_URL as unset", () => {
    const result = parseConfig({ DATABASE_URL: "  " });
    expect(result.ok && result.value.DATABASE_URL).toBeUndefined();
  });

  it("documents every variable", () => {
    for (const line of describeConfig()) expect(line).toMatch(/^[A-Z0-9_]+: .{10,}/);
  });
});
