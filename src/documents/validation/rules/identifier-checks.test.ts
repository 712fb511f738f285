import { describe, expect, it } from "vitest";
import {
  isAbn,
  isBelgianEnterpriseNumber,
  isCodiceFiscale,
  isGln,
  isMod11,
  isPartitaIvaIfItalian,
  isSwedishOrganisationNumber,
} from "./identifier-checks.ts";

describe("Peppol identifier checks", () => {
  it("accepts Belgian enterprise numbers whose last two digits are 97 minus the first eight modulo 97", () => {
    expect(isBelgianEnterpriseNumber("0403170701")).toBe(true);
    expect(isBelgianEnterpriseNumber("0203201340")).toBe(true);
  });

  it("refuses a Belgian enterprise number with a wrong check, a wrong length or separators", () => {
    expect(isBelgianEnterpriseNumber("0403170702")).toBe(false);
    expect(isBelgianEnterpriseNumber("403170701")).toBe(false);
    expect(isBelgianEnterpriseNumber("0403.170.701")).toBe(false);
    expect(isBelgianEnterpriseNumber("BE0403170701")).toBe(false);
  });

  it("checks GS1 GLN check digits", () => {
    expect(isGln("5790000435968")).toBe(true);
    expect(isGln("5790000435967")).toBe(false);
    expect(isGln("57900004359A8")).toBe(false);
  });

  it("checks Norwegian organisation numbers modulo 11", () => {
    expect(isMod11("974760673")).toBe(true);
    expect(isMod11("974760674")).toBe(false);
  });

  it("checks Australian business numbers modulo 89", () => {
    expect(isAbn("51824753556")).toBe(true);
    expect(isAbn("51824753557")).toBe(false);
  });

  it("checks Swedish organisation numbers with the Luhn algorithm", () => {
    expect(isSwedishOrganisationNumber("5560360793")).toBe(true);
    expect(isSwedishOrganisationNumber("5560360794")).toBe(false);
  });

  it("checks an Italian partita IVA only when the value is prefixed IT", () => {
    expect(isPartitaIvaIfItalian("IT00743110157")).toBe(true);
    expect(isPartitaIvaIfItalian("IT00743110158")).toBe(false);
    expect(isPartitaIvaIfItalian("DE123")).toBe(true);
  });

  it("accepts a codice fiscale of 16 characters in the personal pattern or of 11 digits", () => {
    expect(isCodiceFiscale("RSSMRA85T10A562S")).toBe(true);
    expect(isCodiceFiscale("00743110157")).toBe(true);
    expect(isCodiceFiscale("RSSMRA85T10A56")).toBe(false);
    expect(isCodiceFiscale("1SSMRA85T10A562S")).toBe(false);
  });
});
