import type { Address, Contact } from "./invoice.ts";

/** The issuing company (BG-4), from configuration. */
export interface SellerProfile {
  readonly name: string;
  readonly tradingName?: string;
  /** Belgian enterprise number, 10 digits, used as legal registration id with scheme 0208. */
  readonly enterpriseNumber?: string;
  /** VAT number with country prefix, e.g. BE0123456749. */
  readonly vatNumber?: string;
  /** Peppol participant id `scheme:value`; the electronic address (BT-34). */
  readonly peppolId: string;
  readonly legalForm?: string;
  readonly address: Address & { readonly country: string };
  readonly contact?: Contact;
  /** Account for credit transfers (BT-84) and its BIC (BT-86). */
  readonly iban: string;
  readonly bic?: string;
}
