import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, type JsonValue } from "./json-value.ts";

/** canonicalJson as first written (keys sorted, quoted and joined for every object): the reference of the fast one. */
function reference(value: JsonValue): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(reference).join(",")}]`;
  const object = value as { readonly [key: string]: JsonValue };
  const keys = Object.keys(object).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${reference(object[key] as JsonValue)}`).join(",")}}`;
}

describe("canonicalJson", () => {
  it("writes what sorting the keys of every object gives, for objects of shapes met before or not", () => {
    // Objects that share their keys (in one order or another) with others of the run, as an import's snapshots do,
    // and more shapes than the key orders kept.
    const key = fc.constantFrom("kind", "customer", "b", "a", "é", "\u20ac", "z", "lines", "");
    const shaped = fc
      .uniqueArray(key, { maxLength: 6 })
      .chain((keys) =>
        fc
          .array(fc.tuple(...keys.map(() => fc.jsonValue({ maxDepth: 2 }))), { minLength: 1, maxLength: 4 })
          .map((rows) => rows.map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i] as JsonValue])))),
      );
    fc.assert(
      fc.property(fc.array(fc.oneof(shaped, fc.array(fc.jsonValue())), { maxLength: 20 }), (groups) => {
        for (const value of groups.flat())
          expect(canonicalJson(value as JsonValue)).toBe(reference(value as JsonValue));
      }),
    );
  });

  it("refuses an undefined member of an object whose shape it has written before", () => {
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
    expect(() => canonicalJson({ b: undefined, a: 2 } as unknown as JsonValue)).toThrow(/"b" is undefined/);
  });

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
