import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase32, encodeBase32 } from "./base32.ts";

describe("base32", () => {
  it("round-trips any bytes and matches the RFC 4648 test vectors", () => {
    expect(encodeBase32(Buffer.from("foobar"))).toBe("mzxw6ytboi");
    expect(encodeBase32(Buffer.from("f"))).toBe("my");
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(decodeBase32(encodeBase32(bytes))?.equals(Buffer.from(bytes))).toBe(true);
      }),
    );
  });

  it("refuses characters outside the alphabet, impossible lengths and non-zero padding bits", () => {
    expect(decodeBase32("mzxw6ytbo1")).toBeNull();
    expect(decodeBase32("m")).toBeNull();
    expect(decodeBase32("mz")).toBeNull();
    expect(decodeBase32("MY")?.toString()).toBe("f");
  });
});
