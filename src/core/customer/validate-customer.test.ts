import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CustomerInput } from "./customer-input.ts";
import { validateCustomer } from "./validate-customer.ts";

const input: CustomerInput = {
  number: " C001 ",
  legalName: " Proximus NV ",
  enterpriseNumber: "0202.239.951",
  vatNumber: "BE 0202.239.951",
  peppolId: "0208:0202239951",
  language: "NL",
  address: { street: " Koning Albert II-laan 27 ", city: "Brussel", postalCode: "1030", country: "be" },
  preferredChannel: "peppol",
  paymentTermsDays: 30,
};

function fieldsOf(overrides: Partial<CustomerInput>): string[] {
  const result = validateCustomer({ ...input, ...overrides });
  return result.ok ? [] : result.error.map((e) => e.field);
}

describe("validateCustomer", () => {
  it("returns the normalised customer", () => {
    expect(validateCustomer(input)).toEqual({
      ok: true,
      value: {
        number: "C001",
        legalName: "Proximus NV",
        enterpriseNumber: "0202239951",
        vatNumber: "BE0202239951",
        peppolId: "0208:0202239951",
        language: "nl",
        address: {
          street: "Koning Albert II-laan 27",
          additionalStreet: null,
          city: "Brussel",
          postalCode: "1030",
          countrySubdivision: null,
          country: "BE",
        },
        preferredChannel: "peppol",
        paymentTermsDays: 30,
      },
    });
  });

  it("accepts a customer without identifiers who receives e-mail", () => {
    const result = validateCustomer({
      ...input,
      enterpriseNumber: " ",
      vatNumber: null,
      peppolId: undefined,
      preferredChannel: "email",
    });
    expect(
      result.ok && [result.value.enterpriseNumber, result.value.vatNumber, result.value.peppolId],
    ).toEqual([null, null, null]);
  });

  it("reports every problem at once", () => {
    const result = validateCustomer({
      number: "",
      legalName: "  ",
      enterpriseNumber: "0202.239.952",
      vatNumber: "BE 0202.239.952",
      peppolId: "9956:0202239951",
      language: "es",
      address: { country: "Belgium" },
      preferredChannel: "fax",
      paymentTermsDays: 400,
    });
    expect(result.ok ? [] : result.error.map((e) => e.field)).toEqual([
      "number",
      "legalName",
      "address.country",
      "enterpriseNumber",
      "vatNumber",
      "peppolId",
      "language",
      "preferredChannel",
      "paymentTermsDays",
    ]);
  });

  it("gives messages that say what is wrong", () => {
    const result = validateCustomer({ ...input, language: "es", address: { country: "BEL" } });
    expect(result.ok ? [] : result.error).toEqual([
      { field: "address.country", message: '"BEL" is not an ISO 3166-1 alpha-2 country code (e.g. BE).' },
      { field: "language", message: '"es" is not one of fr, nl, de, en.' },
    ]);
  });

  it("refuses a customer number longer than 64 characters or with control characters", () => {
    expect(fieldsOf({ number: "C".repeat(64) })).toEqual([]);
    expect(fieldsOf({ number: "C".repeat(65) })).toEqual(["number"]);
    expect(fieldsOf({ number: "C0\t01" })).toEqual(["number"]);
    expect(fieldsOf({ legalName: "Acme\nNV" })).toEqual(["legalName"]);
  });

  it("refuses a BE VAT number that does not match the enterprise number", () => {
    const result = validateCustomer({ ...input, vatNumber: "BE0897290877", peppolId: null });
    expect(result.ok ? [] : result.error).toEqual([
      {
        field: "vatNumber",
        message: "The VAT number BE0897290877 does not match the enterprise number 0202239951.",
      },
    ]);
  });

  it("refuses Peppol ids that do not match the enterprise or VAT number", () => {
    expect(fieldsOf({ peppolId: "0208:0897290877" })).toEqual(["peppolId"]);
    expect(fieldsOf({ peppolId: "9925:BE0897290877" })).toEqual(["peppolId"]);
    expect(fieldsOf({ peppolId: "9925:BE0202239951" })).toEqual([]);
  });

  it("takes the address country as prefix of a bare VAT number", () => {
    const result = validateCustomer({ ...input, vatNumber: "0202 239 951" });
    expect(result.ok && result.value.vatNumber).toBe("BE0202239951");
    const greek = validateCustomer({
      ...input,
      enterpriseNumber: null,
      peppolId: null,
      vatNumber: "094012834",
      address: { country: "GR" },
      preferredChannel: "email",
    });
    expect(greek.ok && greek.value.vatNumber).toBe("EL094012834");
  });

  it("accepts VAT numbers of customers outside the EU", () => {
    const result = validateCustomer({
      ...input,
      enterpriseNumber: null,
      peppolId: "9932:GB980780684",
      vatNumber: "GB 980 7806 84",
      address: { country: "GB" },
    });
    expect(result.ok && result.value.vatNumber).toBe("GB980780684");
  });

  it("requires a Peppol id or an enterprise number for the Peppol channel", () => {
    expect(fieldsOf({ peppolId: null })).toEqual([]);
    expect(fieldsOf({ peppolId: null, enterpriseNumber: null, vatNumber: null })).toEqual([
      "preferredChannel",
    ]);
  });

  it("accepts payment terms from 0 to 365 whole days only", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (days) => {
        expect(fieldsOf({ paymentTermsDays: days })).toEqual(
          days >= 0 && days <= 365 ? [] : ["paymentTermsDays"],
        );
      }),
    );
    expect(fieldsOf({ paymentTermsDays: 30.5 })).toEqual(["paymentTermsDays"]);
    expect(fieldsOf({ paymentTermsDays: Number.NaN })).toEqual(["paymentTermsDays"]);
  });

  it("accepts the languages and channels in any case", () => {
    for (const language of ["fr", "NL", "De", "en"]) expect(fieldsOf({ language })).toEqual([]);
    for (const preferredChannel of ["email", "Paper", " PEPPOL "])
      expect(fieldsOf({ preferredChannel })).toEqual([]);
  });
});
