import type { InvoiceDocument } from "../../core/invoice/invoice.ts";
import { normalized } from "./text.ts";

/**
 * Peppol's `$supplierCountry`: the prefix of the seller VAT identifier, else of the tax representative's, else the
 * seller's address country, else XX; upper case.
 */
export function supplierCountry(doc: InvoiceDocument): string {
  const vat = doc.seller.vatNumber?.substring(0, 2) || doc.taxRepresentative?.vatNumber?.substring(0, 2);
  if (vat) return normalized(vat).toUpperCase();
  const country = doc.seller.address?.country;
  return country ? normalized(country).toUpperCase() : "XX";
}

/** Peppol's `$customerCountry`: the prefix of the buyer VAT identifier, else the buyer's address country, else XX. */
export function customerCountry(doc: InvoiceDocument): string {
  const vat = doc.buyer.vatNumber?.substring(0, 2);
  if (vat) return normalized(vat).toUpperCase();
  const country = doc.buyer.address?.country;
  return country ? normalized(country).toUpperCase() : "XX";
}

/** Peppol's `$supplierCountryIsDE and $customerCountryIsDE`, which read the address countries only. */
export function bothPartiesInGermany(doc: InvoiceDocument): boolean {
  const de = (country: string | undefined) => normalized(country).toUpperCase() === "DE";
  return de(doc.seller.address?.country) && de(doc.buyer.address?.country);
}
