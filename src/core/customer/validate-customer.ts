import { isCountryCode } from "../identifiers/country-code.ts";
import { parseEnterpriseNumber } from "../identifiers/enterprise-number.ts";
import type { IdentifierError } from "../identifiers/identifier-error.ts";
import { parsePeppolId } from "../identifiers/peppol-id.ts";
import { isVatCountry } from "../identifiers/vat-formats.ts";
import { parseVatNumber } from "../identifiers/vat-number.ts";
import { isLanguage, LANGUAGES } from "../language.ts";
import { err, ok, type Result } from "../result.ts";
import { CHANNELS, type Customer, type PostalAddress } from "./customer.ts";
import type { CustomerFieldError, CustomerInput } from "./customer-input.ts";

const MAX_NUMBER_LENGTH = 64;
const MAX_PAYMENT_TERMS_DAYS = 365;
const ADDRESS_LINES = ["street", "additionalStreet", "city", "postalCode", "countrySubdivision"] as const;

/** Collects errors while the fields are read, so that all problems are reported at once. */
class Collector {
  readonly errors: CustomerFieldError[] = [];

  add(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  text(field: string, value: string | null | undefined, required: boolean): string | null {
    const trimmed = value?.trim() ?? "";
    if (trimmed === "") {
      if (required) this.add(field, "Required.");
      return null;
    }
    if (/\p{Cc}/u.test(trimmed)) this.add(field, "Contains a line break or control character.");
    return trimmed;
  }

  identifier(
    field: string,
    value: string | null | undefined,
    parse: (text: string) => Result<string, IdentifierError>,
  ) {
    const text = this.text(field, value, false);
    if (text === null) return null;
    const parsed = parse(text);
    if (parsed.ok) return parsed.value;
    this.add(field, parsed.error.message);
    return null;
  }
}

function checkConsistency(
  found: Collector,
  customer: Omit<Customer, "address" | "language" | "preferredChannel">,
) {
  const { enterpriseNumber, vatNumber, peppolId } = customer;
  if (vatNumber?.startsWith("BE") && enterpriseNumber !== null && vatNumber.slice(2) !== enterpriseNumber) {
    found.add(
      "vatNumber",
      `The VAT number ${vatNumber} does not match the enterprise number ${enterpriseNumber}.`,
    );
  }
  if (peppolId?.startsWith("0208:") && enterpriseNumber !== null && peppolId !== `0208:${enterpriseNumber}`) {
    found.add(
      "peppolId",
      `The Peppol id ${peppolId} does not match the enterprise number ${enterpriseNumber}.`,
    );
  }
  if (peppolId?.startsWith("9925:") && vatNumber !== null && peppolId !== `9925:${vatNumber.toLowerCase()}`) {
    found.add("peppolId", `The Peppol id ${peppolId} does not match the VAT number ${vatNumber}.`);
  }
}

function readAddress(found: Collector, input: CustomerInput["address"]): PostalAddress {
  const country = (found.text("address.country", input.country, true) ?? "").toUpperCase();
  if (country !== "" && !isCountryCode(country)) {
    found.add(
      "address.country",
      `"${input.country.trim()}" is not an ISO 3166-1 alpha-2 country code (e.g. BE).`,
    );
  }
  const lines = Object.fromEntries(
    ADDRESS_LINES.map((line) => [line, found.text(`address.${line}`, input[line], false)]),
  );
  return {
    street: null,
    additionalStreet: null,
    city: null,
    postalCode: null,
    countrySubdivision: null,
    ...lines,
    country,
  };
}

/**
 * Validates and normalises a customer, reporting every problem at once: number (required, at most 64 characters,
 * no control characters), legal name, enterprise number, VAT number (any ISO country; EU ones strictly; a bare
 * number takes the address country as prefix), Peppol id, language, ISO country code, channel and payment terms
 * (whole days, 0 to 365). Identifiers must agree: a BE VAT number and a 0208 Peppol id with the enterprise
 * number, a 9925 Peppol id with the VAT number. The Peppol channel needs a Peppol id or an enterprise number.
 */
export function validateCustomer(input: CustomerInput): Result<Customer, readonly CustomerFieldError[]> {
  const found = new Collector();
  const number = found.text("number", input.number, true) ?? "";
  if (number.length > MAX_NUMBER_LENGTH) found.add("number", `At most ${MAX_NUMBER_LENGTH} characters.`);
  const legalName = found.text("legalName", input.legalName, true) ?? "";
  const address = readAddress(found, input.address);
  const vatPrefix = address.country === "GR" ? "EL" : address.country;
  const vatOptions = { allowNonEu: true, ...(isVatCountry(vatPrefix) ? { defaultCountry: vatPrefix } : {}) };
  const identifiers = {
    number,
    legalName,
    enterpriseNumber: found.identifier("enterpriseNumber", input.enterpriseNumber, parseEnterpriseNumber),
    vatNumber: found.identifier("vatNumber", input.vatNumber, (text) => parseVatNumber(text, vatOptions)),
    peppolId: found.identifier("peppolId", input.peppolId, parsePeppolId),
    paymentTermsDays: input.paymentTermsDays,
  };
  checkConsistency(found, identifiers);
  const language = input.language.trim().toLowerCase();
  if (!isLanguage(language))
    found.add("language", `"${input.language.trim()}" is not one of ${LANGUAGES.join(", ")}.`);
  const channel = CHANNELS.find((c) => c === input.preferredChannel.trim().toLowerCase());
  if (channel === undefined)
    found.add("preferredChannel", `"${input.preferredChannel}" is not one of ${CHANNELS.join(", ")}.`);
  if (channel === "peppol" && identifiers.peppolId === null && identifiers.enterpriseNumber === null) {
    found.add(
      "preferredChannel",
      "Peppol delivery needs a Peppol id or an enterprise number to look one up.",
    );
  }
  const days = input.paymentTermsDays;
  if (!Number.isInteger(days) || days < 0 || days > MAX_PAYMENT_TERMS_DAYS) {
    found.add(
      "paymentTermsDays",
      `Payment terms are whole days from 0 to ${MAX_PAYMENT_TERMS_DAYS}; got ${days}.`,
    );
  }
  if (found.errors.length > 0 || !isLanguage(language) || channel === undefined) return err(found.errors);
  return ok({ ...identifiers, language, address, preferredChannel: channel });
}
