import { describe, expect, it } from "vitest";
import { uuidV7, uuidV7At } from "./uuid-v7.ts";

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("uuidV7", () => {
  it("writes a version 7, RFC 9562 variant UUID whose first 48 bits are the time in milliseconds", () => {
    const at = Date.UTC(2026, 10, 29, 6, 0, 0, 123);
    const id = uuidV7At(at);
    expect(id).toMatch(V7);
    expect(Number.parseInt(id.replace("-", "").slice(0, 12), 16)).toBe(at);
  });

  it("sorts ids of later milliseconds after earlier ones, as text", () => {
    const ids = [0, 1, 255, 256, 2 ** 32, Date.now(), 2 ** 48 - 1].map((t) => uuidV7At(t));
    expect([...ids].sort()).toEqual(ids);
  });

  it("gives different ids within the same millisecond", () => {
    const at = Date.now();
    const ids = new Set(Array.from({ length: 10_000 }, () => uuidV7At(at)));
    expect(ids.size).toBe(10_000);
  });

  it("stamps the current time", () => {
    const before = Date.now();
    const stamped = Number.parseInt(uuidV7().replace("-", "").slice(0, 12), 16);
    expect(stamped).toBeGreaterThanOrEqual(before);
    expect(stamped).toBeLessThanOrEqual(Date.now());
  });
});
