import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, type JsonValue } from "./json-value.ts";

describe("canonicalJson", () => {
  it("sorts object keys at every depth and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: "x" } })).toBe(
      '{"a":{"c":"x","d":[true,null]},"b":1}',
    );
  });

  it("orders keys by UTF-16 code units as RFC 8785 does", () => {
    // "\u20ac" (euro) sorts before "\ud83d\ude00" (emoji, a surrogate pair) and after "z".
    expect(canonicalJson({ "\ud83d\ude00": 1, "\u20ac": 2, z: 3 })).toBe(
      '{"z":3,"\u20ac":2,"\ud83d\ude00":1}',
    );
  });

  it("writes numbers as ECMAScript does, so 1.0 and 1 are the same value", () => {
    expect(canonicalJson([1.0, -0, 1e21, 0.1])).toBe("[1,0,1e+21,0.1]");
  });

  it("keeps explicit nulls, which a missing key would not", () => {
    expect(canonicalJson({ reason: null })).toBe('{"reason":null}');
  });

  it("refuses values JSON cannot carry exactly", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(() => canonicalJson({ a: undefined } as unknown as JsonValue)).toThrow(/undefined/);
    expect(() => canonicalJson(10n as unknown as JsonValue)).toThrow(/bigint/);
    expect(() => canonicalJson(new Date(0) as unknown as JsonValue)).toThrow(/plain objects/);
  });

  it("gives the same text for equal values whatever their key order, and JSON.parse reads it back", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = value as JsonValue;
        const text = canonicalJson(json);
        const reordered = JSON.parse(JSON.stringify(json, (_key, v) => reverseKeys(v)));
        expect(canonicalJson(reordered)).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });
});

function reverseKeys(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).reverse());
}
