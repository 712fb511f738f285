import { formatEnterpriseNumber } from "../../core/identifiers/enterprise-number.ts";
import type { Address, Party } from "../../core/invoice/invoice.ts";
import type { Language } from "../../core/language.ts";
import type { PdfLabels } from "./labels/pdf-labels.ts";

const countryNames = new Map<Language, Intl.DisplayNames>();

/** The country's name in `language` ("Belgique", "België"), or the code when ICU does not know it. */
function countryName(code: string, language: Language): string {
  let names = countryNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: "region", fallback: "code" });
    countryNames.set(language, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The printed lines of a postal address: streets, postcode and city, region, country name. */
export function addressLines(address: Address | undefined, language: Language): string[] {
  if (!address) return [];
  const city = [address.postalCode, address.city].filter(Boolean).join(" ");
  return [
    address.street,
    address.additionalStreet,
    address.addressLine,
    city,
    address.countrySubdivision,
    address.country ? countryName(address.country, language) : undefined,
  ].filter((line): line is string => Boolean(line));
}

/** "0403.170.701" for a Belgian enterprise number (scheme 0208), else the identifier as given. */
function registrationText(party: Party): string | undefined {
  const registration = party.legalRegistration;
  if (!registration) return undefined;
  if (registration.scheme === "0208" && /^[0-9]{10}$/.test(registration.value))
    return formatEnterpriseNumber(registration.value);
  return registration.value;
}

/** The VAT and enterprise number lines of a party, labelled. */
export function taxIdLines(party: Party, labels: PdfLabels): string[] {
  const registration = registrationText(party);
  return [
    party.vatNumber ? `${labels.vatNumber} ${party.vatNumber}` : undefined,
    registration ? `${labels.enterpriseNumber} ${registration}` : undefined,
  ].filter((line): line is string => Boolean(line));
}
