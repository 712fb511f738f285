import { describe, expect, it } from "vitest";
import { belgianPeppolIds, PEPPOL_PARTICIPANT_SCHEME, parsePeppolId, splitPeppolId } from "./peppol-id.ts";

describe("parsePeppolId", () => {
  it("accepts ICD:value with a Belgian enterprise number", () => {
    expect(parsePeppolId("0208:0202239951")).toEqual({ ok: true, value: "0208:0202239951" });
  });

  it("accepts the form with the iso6523-actorid-upis scheme in front", () => {
    expect(parsePeppolId(`${PEPPOL_PARTICIPANT_SCHEME}::0208:0202239951`)).toEqual({
      ok: true,
      value: "0208:0202239951",
    });
    expect(parsePeppolId("ISO6523-ACTORID-UPIS::0208:0202239951")).toEqual({
      ok: true,
      value: "0208:0202239951",
    });
  });

  it("normalises a 0208 value written with dots or in the 9-digit form", () => {
    expect(parsePeppolId("0208:0202.239.951")).toEqual({ ok: true, value: "0208:0202239951" });
    expect(parsePeppolId("0208:444503092")).toEqual({ ok: true, value: "0208:0444503092" });
  });

  it("refuses a 0208 value whose mod-97 check fails", () => {
    const result = parsePeppolId("0208:0202239952");
    expect(result.ok ? result.value : result.error.code).toBe("invalid-check-digits");
  });

  it("accepts a 9925 value in any case and returns it in lower case", () => {
    expect(parsePeppolId("9925:BE0202239951")).toEqual({ ok: true, value: "9925:be0202239951" });
    expect(parsePeppolId("9925:be0202239951")).toEqual({ ok: true, value: "9925:be0202239951" });
    expect(parsePeppolId("9925:Be 0202.239.951")).toEqual({ ok: true, value: "9925:be0202239951" });
  });

  it("refuses a 9925 value without its BE prefix and says what was probably meant", () => {
    const result = parsePeppolId("9925:0202239951");
    expect(result.ok ? result.value : result.error.message).toContain("9925:be0202239951");
  });

  it("refuses a 9925 value whose check digits fail", () => {
    const result = parsePeppolId("9925:BE0202239952");
    expect(result.ok ? result.value : result.error.code).toBe("invalid-check-digits");
  });

  it("checks GLNs (0088) with the GS1 check digit", () => {
    expect(parsePeppolId("0088:5790000435975")).toEqual({ ok: true, value: "0088:5790000435975" });
    expect(parsePeppolId("0088:1548079098355")).toEqual({ ok: true, value: "0088:1548079098355" });
    expect(parsePeppolId("0088:5790000435976").ok).toBe(false);
    expect(parsePeppolId("0088:579000043597").ok).toBe(false);
  });

  it("lower-cases values of other schemes, since Peppol compares them case-insensitively", () => {
    expect(parsePeppolId("9930:DE136308783")).toEqual({ ok: true, value: "9930:de136308783" });
    expect(parsePeppolId("0204:991-33333TEST-33")).toEqual({ ok: true, value: "0204:991-33333test-33" });
  });

  it("refuses an ICD that is not in the Peppol code list", () => {
    const result = parsePeppolId("9999:123");
    expect(result.ok ? result.value : result.error.code).toBe("unknown-scheme");
  });

  it("refuses a removed scheme and names its successor", () => {
    const result = parsePeppolId("9956:0202239951");
    expect(result.ok ? result.value : result.error).toMatchObject({ code: "unusable-scheme" });
    expect(result.ok ? "" : result.error.message).toContain("use 0208 instead");
  });

  it("refuses 0205, which the code list says cannot be registered", () => {
    expect(parsePeppolId("0205:ABC1234").ok).toBe(false);
  });

  it.each([
    "",
    "0208",
    "0208:",
    "208:0202239951",
    "BE0202239951",
    "0208:0202 2399 51 x",
    "9930:DE 136308783",
  ])("refuses the malformed id %j", (text) => {
    expect(parsePeppolId(text).ok).toBe(false);
  });

  it("refuses values longer than the 130 characters POLICY 1 allows", () => {
    expect(parsePeppolId(`0060:${"1".repeat(130)}`).ok).toBe(true);
    expect(parsePeppolId(`0060:${"1".repeat(131)}`).ok).toBe(false);
  });

  it.each([
    ["0002", "784301772"],
    ["0007", "2120000787"],
    ["0009", "78430177200025"],
    ["0060", "812810734"],
    ["0106", "12345678"],
    ["0151", "51824753556"],
    ["0183", "CHE123456789"],
    ["0184", "12345678"],
    ["0190", "00000001820029336000"],
    ["0192", "745707327"],
    ["0196", "1234567890"],
    ["0199", "5299000J2N45DDNE4Y28"],
    ["0209", "414541000099999325412345678901234567890"],
    ["0211", "IT06363391001"],
    ["9914", "ATU13585627"],
    ["9920", "ESB58378431"],
    ["9930", "DE136308783"],
    ["9944", "NL806753742B01"],
    ["9957", "FR40303265045"],
    ["9959", "123456789"],
  ])("accepts scheme %s of the code list", (icd, value) => {
    expect(parsePeppolId(`${icd}:${value}`)).toEqual({ ok: true, value: `${icd}:${value.toLowerCase()}` });
  });

  it("does not know 0202, which the brief mentions but the code list v9.7 does not hold", () => {
    expect(parsePeppolId("0202:123").ok).toBe(false);
  });
});

describe("splitPeppolId", () => {
  it("splits a normalised id into scheme and value", () => {
    expect(splitPeppolId("9925:be0202239951")).toEqual({ scheme: "9925", value: "be0202239951" });
  });

  it("throws on text that was not parsed first", () => {
    expect(() => splitPeppolId("be0202239951")).toThrow(RangeError);
  });
});

describe("belgianPeppolIds", () => {
  it("returns the 0208 id first and the lower-case 9925 id second", () => {
    expect(belgianPeppolIds("0202239951")).toEqual(["0208:0202239951", "9925:be0202239951"]);
  });

  it("accepts the enterprise number in any spelling parseEnterpriseNumber accepts", () => {
    expect(belgianPeppolIds("BE 0202.239.951")).toEqual(["0208:0202239951", "9925:be0202239951"]);
  });

  it("returns ids that parsePeppolId accepts unchanged", () => {
    for (const id of belgianPeppolIds("0897290877"))
      expect(parsePeppolId(id)).toEqual({ ok: true, value: id });
  });

  it("throws on an invalid enterprise number", () => {
    expect(() => belgianPeppolIds("0202239952")).toThrow(RangeError);
  });
});
