import type { Address, Identifier, Party, Payee, TaxRepresentative } from "../../core/invoice/invoice.ts";
import type { XmlBuilder } from "./xml-builder.ts";

/** `<tag schemeID="...">value</tag>` for an identifier; nothing when absent. */
export function writeIdentifier(b: XmlBuilder, tag: string, id: Identifier | undefined, field: string): void {
  if (!id) return;
  b.leaf(tag, id.value, field, b.attr("schemeID", id.scheme, `${field}.scheme`));
}

/** BG-5/8/12/15 in UBL 2.1 Address order (StreetName ... AddressLine, Country). */
export function writeAddress(b: XmlBuilder, tag: string, address: Address | undefined, field: string): void {
  if (!address) return;
  b.open(tag)
    .leaf("cbc:StreetName", address.street, `${field}.street`)
    .leaf("cbc:AdditionalStreetName", address.additionalStreet, `${field}.additionalStreet`)
    .leaf("cbc:CityName", address.city, `${field}.city`)
    .leaf("cbc:PostalZone", address.postalCode, `${field}.postalCode`)
    .leaf("cbc:CountrySubentity", address.countrySubdivision, `${field}.countrySubdivision`);
  if (address.addressLine) {
    b.open("cac:AddressLine")
      .leaf("cbc:Line", address.addressLine, `${field}.addressLine`)
      .close("cac:AddressLine");
  }
  if (address.country) {
    b.open("cac:Country")
      .leaf("cbc:IdentificationCode", address.country, `${field}.country`)
      .close("cac:Country");
  }
  b.close(tag);
}

function writeTaxScheme(b: XmlBuilder, companyId: string, scheme: string, field: string): void {
  b.open("cac:PartyTaxScheme")
    .leaf("cbc:CompanyID", companyId, field)
    .open("cac:TaxScheme")
    .leaf("cbc:ID", scheme, field)
    .close("cac:TaxScheme")
    .close("cac:PartyTaxScheme");
}

function writePartyName(b: XmlBuilder, name: string | undefined, field: string): void {
  if (name) b.open("cac:PartyName").leaf("cbc:Name", name, field).close("cac:PartyName");
}

/**
 * BG-4 seller / BG-7 buyer as cac:Party, in UBL 2.1 Party order: EndpointID (BT-34/49 with its EAS scheme),
 * PartyIdentification, PartyName (trading name), PostalAddress, PartyTaxScheme (VAT, then the seller's other tax
 * registration under scheme TAX), PartyLegalEntity (legal name, registration id such as 0208 KBO/BCE, legal form),
 * Contact. `extraIdentifiers` carries BT-90 (scheme SEPA) when the caller places it on this party.
 */
export function writeParty(
  b: XmlBuilder,
  wrapper: string,
  party: Party,
  extraIdentifiers: readonly Identifier[] = [],
): void {
  b.open(wrapper).open("cac:Party");
  writeIdentifier(b, "cbc:EndpointID", party.endpoint, "endpoint");
  for (const id of [...party.identifiers, ...extraIdentifiers]) {
    b.open("cac:PartyIdentification");
    writeIdentifier(b, "cbc:ID", id, "identifiers");
    b.close("cac:PartyIdentification");
  }
  writePartyName(b, party.tradingName, "tradingName");
  writeAddress(b, "cac:PostalAddress", party.address, "address");
  if (party.vatNumber) writeTaxScheme(b, party.vatNumber, "VAT", "vatNumber");
  if (party.taxRegistration) writeTaxScheme(b, party.taxRegistration, "TAX", "taxRegistration");
  if (party.name || party.legalRegistration || party.legalForm) {
    b.open("cac:PartyLegalEntity").leaf("cbc:RegistrationName", party.name, "name");
    writeIdentifier(b, "cbc:CompanyID", party.legalRegistration, "legalRegistration");
    b.leaf("cbc:CompanyLegalForm", party.legalForm, "legalForm").close("cac:PartyLegalEntity");
  }
  const contact = party.contact;
  if (contact) {
    b.open("cac:Contact")
      .leaf("cbc:Name", contact.name, "contact.name")
      .leaf("cbc:Telephone", contact.telephone, "contact.telephone")
      .leaf("cbc:ElectronicMail", contact.email, "contact.email")
      .close("cac:Contact");
  }
  b.close("cac:Party").close(wrapper);
}

/** BG-10 payee as cac:PayeeParty; `identifier` may be BT-90 (scheme SEPA) when the payee has none of its own. */
export function writePayee(b: XmlBuilder, payee: Payee, identifier: Identifier | undefined): void {
  b.open("cac:PayeeParty");
  if (identifier) {
    b.open("cac:PartyIdentification");
    writeIdentifier(b, "cbc:ID", identifier, "identifier");
    b.close("cac:PartyIdentification");
  }
  writePartyName(b, payee.name, "name");
  if (payee.legalRegistration) {
    b.open("cac:PartyLegalEntity");
    writeIdentifier(b, "cbc:CompanyID", payee.legalRegistration, "legalRegistration");
    b.close("cac:PartyLegalEntity");
  }
  b.close("cac:PayeeParty");
}

/** BG-11 seller tax representative as cac:TaxRepresentativeParty. */
export function writeTaxRepresentative(b: XmlBuilder, representative: TaxRepresentative): void {
  b.open("cac:TaxRepresentativeParty");
  writePartyName(b, representative.name, "name");
  writeAddress(b, "cac:PostalAddress", representative.address, "address");
  if (representative.vatNumber) writeTaxScheme(b, representative.vatNumber, "VAT", "vatNumber");
  b.close("cac:TaxRepresentativeParty");
}
