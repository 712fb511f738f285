import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase32, encodeBase32 } from "./base32.ts";
import { createVerpToken, verifyVerpToken, verpReturnPath } from "./verp-token.ts";

const secret = "0123456789abcdef-test-secret";
const uuid = "5f0c3e7a-9b1d-4c2e-8f3a-6b7c8d9e0f1a";

describe("VERP tokens", () => {
  it("give back the delivery id of a UUID and fit a return path under 64 octets of local part", () => {
    const address = verpReturnPath(uuid, { secret, bounceDomain: "bounce.facteur.test" });
    const local = address.split("@")[0] ?? "";
    expect(local.startsWith("bounces+")).toBe(true);
    expect(local.length).toBeLessThanOrEqual(64);
    expect(verifyVerpToken(address, secret)).toEqual({ ok: true, value: uuid });
  });

  it("give back short text ids and survive a mail system that upper-cases the local part", () => {
    const token = createVerpToken("d_000042", secret);
    expect(verifyVerpToken(token.toUpperCase(), secret)).toEqual({ ok: true, value: "d_000042" });
    expect(verifyVerpToken(`<bounces+${token}@bounce.test>`, secret)).toEqual({
      ok: true,
      value: "d_000042",
    });
  });

  it("are reported forged when signed with another secret", () => {
    const token = createVerpToken(uuid, "another-secret-of-enough-length");
    expect(verifyVerpToken(token, secret)).toEqual({ ok: false, error: "forged" });
  });

  it("are reported forged when the delivery id inside is swapped for another", () => {
    const genuine = decodeBase32(createVerpToken("d_000042", secret)) ?? Buffer.alloc(0);
    const swapped = Buffer.from(genuine);
    swapped[swapped.length - 11] = "3".charCodeAt(0);
    expect(verifyVerpToken(encodeBase32(swapped), secret)).toEqual({ ok: false, error: "forged" });
  });

  it("are reported forged when any single character of the token changes", () => {
    const token = createVerpToken(uuid, secret);
    fc.assert(
      fc.property(
        fc.nat({ max: token.length - 1 }),
        fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz234567"),
        (i, c) => {
          fc.pre(token[i] !== c);
          const altered = `${token.slice(0, i)}${c}${token.slice(i + 1)}`;
          expect(verifyVerpToken(altered, secret).ok).toBe(false);
        },
      ),
    );
  });

  it("are accepted under any of the secrets in rotation", () => {
    const token = createVerpToken(uuid, "old-secret-still-in-rotation");
    expect(verifyVerpToken(token, [secret, "old-secret-still-in-rotation"])).toEqual({
      ok: true,
      value: uuid,
    });
  });

  it("are reported malformed for addresses without a token, junk and truncated tokens", () => {
    for (const input of [
      "bounces@bounce.test",
      "",
      "hello world",
      "bounces+!!@x.test",
      createVerpToken(uuid, secret).slice(0, 8),
    ]) {
      expect(verifyVerpToken(input, secret)).toEqual({ ok: false, error: "malformed" });
    }
  });

  it("refuse ids that cannot fit and secrets that are too short", () => {
    expect(() => createVerpToken("x".repeat(25), secret)).toThrow(RangeError);
    expect(() => createVerpToken("has space", secret)).toThrow(RangeError);
    expect(() => createVerpToken(uuid, "short")).toThrow(RangeError);
  });
});
