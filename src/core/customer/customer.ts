import type { Language } from "../language.ts";

/** How a customer wants to receive invoices. */
export const CHANNELS = ["email", "peppol", "paper"] as const;
export type Channel = (typeof CHANNELS)[number];

/** Postal address as EN 16931 needs it (BG-5 / BG-8). */
export interface PostalAddress {
  readonly street: string | null;
  readonly additionalStreet: string | null;
  readonly city: string | null;
  readonly postalCode: string | null;
  readonly countrySubdivision: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
}

/** A customer as the ERP knows it; `number` is the ERP's customer code and the natural key. */
export interface Customer {
  readonly number: string;
  readonly legalName: string;
  /** Belgian enterprise number (KBO/BCE), normalised to 10 digits, or null. */
  readonly enterpriseNumber: string | null;
  /** VAT number normalised as country prefix + number without spaces (e.g. BE0123456749), or null. */
  readonly vatNumber: string | null;
  /** Peppol participant id normalised as `scheme:value` (e.g. 0208:0123456749), or null. */
  readonly peppolId: string | null;
  readonly language: Language;
  readonly address: PostalAddress;
  readonly preferredChannel: Channel;
  /** Payment terms in days after the issue date. */
  readonly paymentTermsDays: number;
}
