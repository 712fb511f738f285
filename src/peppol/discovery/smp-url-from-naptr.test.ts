import type { NaptrRecord } from "node:dns";
import { describe, expect, it } from "vitest";
import { applyNaptrRegexp } from "./apply-naptr-regexp.ts";
import { smpUrlFromNaptr } from "./smp-url-from-naptr.ts";

const NAME = "abc.iso6523-actorid-upis.edelivery.tech.ec.europa.eu";

function record(regexp: string, overrides: Partial<NaptrRecord> = {}): NaptrRecord {
  return {
    flags: "U",
    service: "Meta:SMP",
    regexp,
    replacement: "",
    order: 100,
    preference: 10,
    ...overrides,
  };
}

describe("applyNaptrRegexp", () => {
  it("rewrites the whole name to the published URL", () => {
    expect(applyNaptrRegexp("!^.*$!https://smp.example.com/!", NAME)).toEqual({
      ok: true,
      value: "https://smp.example.com/",
    });
  });

  it("expands back-references, honours the i flag and other delimiters", () => {
    expect(applyNaptrRegexp("#^([A-Z]+)\\..*$#https://\\1.smp.test#i", NAME)).toEqual({
      ok: true,
      value: "https://abc.smp.test",
    });
    expect(applyNaptrRegexp("!^x!https://a\\!b!", "xy")).toEqual({ ok: true, value: "https://a!by" });
  });

  it("refuses malformed fields, unknown flags, bad expressions and no match", () => {
    expect(applyNaptrRegexp("", NAME).ok).toBe(false);
    expect(applyNaptrRegexp("!^.*$!https://a", NAME).ok).toBe(false);
    expect(applyNaptrRegexp("!^.*$!https://a!g", NAME).ok).toBe(false);
    expect(applyNaptrRegexp("!^(.*$!https://a!", NAME).ok).toBe(false);
    expect(applyNaptrRegexp("!^zzz$!https://a!", NAME)).toMatchObject({ ok: false });
    expect(applyNaptrRegexp("1^.*$1https://a1", NAME).ok).toBe(false);
  });
});

describe("smpUrlFromNaptr", () => {
  it("takes the terminal Meta:SMP record of the lowest order, then preference", () => {
    const records = [
      record("!^.*$!https://third.test!", { order: 200, preference: 1 }),
      record("!^.*$!https://second.test!", { order: 100, preference: 20 }),
      record("!^.*$!https://first.test/smp/!", { order: 100, preference: 10 }),
      record("!^.*$!https://other.test!", { service: "Meta:OTHER", order: 1 }),
      record("!^.*$!https://nonterminal.test!", { flags: "", order: 1 }),
    ];
    expect(smpUrlFromNaptr(records, NAME)).toEqual({ ok: true, value: "https://first.test/smp" });
  });

  it("refuses http and other schemes, and skips to the next record that is https", () => {
    expect(smpUrlFromNaptr([record("!^.*$!http://smp.test!")], NAME)).toEqual({
      ok: false,
      error: "http://smp.test is not an https URL",
    });
    expect(smpUrlFromNaptr([record("!^.*$!ftp://smp.test!")], NAME).ok).toBe(false);
    const records = [record("!^.*$!http://a.test!"), record("!^.*$!https://b.test!", { order: 300 })];
    expect(smpUrlFromNaptr(records, NAME)).toEqual({ ok: true, value: "https://b.test" });
  });

  it("says when no record is for an SMP", () => {
    expect(smpUrlFromNaptr([record("!^.*$!https://a.test!", { service: "Meta:X" })], NAME)).toMatchObject({
      ok: false,
      error: expect.stringContaining("no U-NAPTR record of service Meta:SMP"),
    });
  });
});
