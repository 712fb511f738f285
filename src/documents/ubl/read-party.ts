import type { Address, Contact, Party, Payee, TaxRepresentative } from "../../core/invoice/invoice.ts";
import { cac, cacs, cbc, cbcText, identifierOf } from "./ubl-access.ts";
import type { XmlElement } from "./xml-element.ts";

/** BG-5 / BG-8 / BG-12 / BG-15: a PostalAddress or Address element. */
export function readAddress(address: XmlElement | undefined): Address | undefined {
  if (!address) return undefined;
  return {
    street: cbcText(address, "StreetName"),
    additionalStreet: cbcText(address, "AdditionalStreetName"),
    addressLine: cbcText(cac(address, "AddressLine"), "Line"),
    city: cbcText(address, "CityName"),
    postalCode: cbcText(address, "PostalZone"),
    countrySubdivision: cbcText(address, "CountrySubentity"),
    country: cbcText(cac(address, "Country"), "IdentificationCode"),
  };
}

function readContact(contact: XmlElement | undefined): Contact | undefined {
  if (!contact) return undefined;
  return {
    name: cbcText(contact, "Name"),
    telephone: cbcText(contact, "Telephone"),
    email: cbcText(contact, "ElectronicMail"),
  };
}

/** The TaxScheme/ID of a PartyTaxScheme: "VAT" marks the VAT identifier (BT-31/48/63), anything else BT-32. */
function taxSchemeOf(partyTaxScheme: XmlElement): string | undefined {
  return cbcText(cac(partyTaxScheme, "TaxScheme"), "ID");
}

/** BG-4 seller or BG-7 buyer: the cac:Party inside AccountingSupplierParty / AccountingCustomerParty. */
export function readParty(party: XmlElement | undefined): Party {
  if (!party) return { identifiers: [] };
  const taxSchemes = cacs(party, "PartyTaxScheme");
  const vat = taxSchemes.find((t) => taxSchemeOf(t) === "VAT");
  const other = taxSchemes.find((t) => {
    const scheme = taxSchemeOf(t);
    return scheme !== undefined && scheme !== "VAT";
  });
  const legal = cac(party, "PartyLegalEntity");
  const identifiers = [];
  for (const pi of cacs(party, "PartyIdentification")) {
    const id = identifierOf(cbc(pi, "ID"));
    if (id) identifiers.push(id);
  }
  return {
    name: cbcText(legal, "RegistrationName"),
    tradingName: cbcText(cac(party, "PartyName"), "Name"),
    identifiers,
    legalRegistration: identifierOf(cbc(legal, "CompanyID")),
    vatNumber: cbcText(vat, "CompanyID"),
    taxRegistration: cbcText(other, "CompanyID"),
    legalForm: cbcText(legal, "CompanyLegalForm"),
    endpoint: identifierOf(cbc(party, "EndpointID")),
    address: readAddress(cac(party, "PostalAddress")),
    contact: readContact(cac(party, "Contact")),
  };
}

/** BG-10 payee (PayeeParty). */
export function readPayee(party: XmlElement | undefined): Payee | undefined {
  if (!party) return undefined;
  return {
    name: cbcText(cac(party, "PartyName"), "Name"),
    identifier: identifierOf(cbc(cac(party, "PartyIdentification"), "ID")),
    legalRegistration: identifierOf(cbc(cac(party, "PartyLegalEntity"), "CompanyID")),
  };
}

/** BG-11 seller tax representative (TaxRepresentativeParty). */
export function readTaxRepresentative(party: XmlElement | undefined): TaxRepresentative | undefined {
  if (!party) return undefined;
  const taxSchemes = cacs(party, "PartyTaxScheme");
  // BT-63 is only a CompanyID under the VAT scheme (BR-56): another scheme's number is not a VAT identifier.
  const vat = taxSchemes.find((t) => taxSchemeOf(t) === "VAT");
  return {
    name: cbcText(cac(party, "PartyName"), "Name"),
    vatNumber: cbcText(vat, "CompanyID"),
    address: readAddress(cac(party, "PostalAddress")),
  };
}
