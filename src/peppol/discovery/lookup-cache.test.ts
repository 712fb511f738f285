import { describe, expect, it } from "vitest";
import { LookupCache } from "./lookup-cache.ts";

function cacheAt(start: number, maxEntries = 10) {
  const clock = { now: start };
  return { clock, cache: new LookupCache<string>({ maxEntries, now: () => clock.now }) };
}

describe("LookupCache", () => {
  it("returns a value until its own lifetime ends", () => {
    const { clock, cache } = cacheAt(1_000);
    cache.set("found", "endpoint", 3_600_000);
    cache.set("missing", "not-registered", 300_000);
    clock.now += 299_999;
    expect([cache.get("found"), cache.get("missing")]).toEqual(["endpoint", "not-registered"]);
    clock.now += 1;
    expect([cache.get("found"), cache.get("missing")]).toEqual(["endpoint", undefined]);
    clock.now += 3_300_000;
    expect(cache.get("found")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("keeps nothing for a lifetime of zero and replaces an earlier value", () => {
    const { cache } = cacheAt(0);
    cache.set("k", "old", 1_000);
    cache.set("k", "none", 0);
    expect(cache.get("k")).toBeUndefined();
    cache.set("k", "new", 1_000);
    expect(cache.get("k")).toBe("new");
  });

  it("drops the oldest entries beyond its bound", () => {
    const { cache } = cacheAt(0, 2);
    cache.set("a", "1", 1_000);
    cache.set("b", "2", 1_000);
    cache.set("c", "3", 1_000);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([undefined, "2", "3"]);
  });
});
