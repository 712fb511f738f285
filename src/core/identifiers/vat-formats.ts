/**
 * VAT number prefixes of the EU VAT information exchange system (VIES): the 27 member states, with EL (not GR)
 * for Greece, plus XI for traders in Northern Ireland.
 */
export const VAT_COUNTRIES = [
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "EL",
  "ES",
  "FI",
  "FR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
  "XI",
] as const;

/** A VIES VAT prefix. */
export type VatCountry = (typeof VAT_COUNTRIES)[number];

/** True when `prefix` is one of {@link VAT_COUNTRIES}. */
export function isVatCountry(prefix: string): prefix is VatCountry {
  return (VAT_COUNTRIES as readonly string[]).includes(prefix);
}

/** Structure of the national part (after the prefix), as published by VIES. */
export const VAT_FORMATS: Readonly<Record<VatCountry, RegExp>> = {
  AT: /^U[0-9]{8}$/,
  BE: /^[01][0-9]{9}$/,
  BG: /^[0-9]{9,10}$/,
  CY: /^[0-9]{8}[A-Z]$/,
  CZ: /^[0-9]{8,10}$/,
  DE: /^[0-9]{9}$/,
  DK: /^[0-9]{8}$/,
  EE: /^[0-9]{9}$/,
  EL: /^[0-9]{9}$/,
  ES: /^[A-Z0-9][0-9]{7}[A-Z0-9]$/,
  FI: /^[0-9]{8}$/,
  FR: /^[0-9A-HJ-NP-Z]{2}[0-9]{9}$/,
  HR: /^[0-9]{11}$/,
  HU: /^[0-9]{8}$/,
  IE: /^(?:[0-9]{7}[A-W][A-IW]?|[0-9][A-Z+*][0-9]{5}[A-W])$/,
  IT: /^[0-9]{11}$/,
  LT: /^(?:[0-9]{9}|[0-9]{12})$/,
  LU: /^[0-9]{8}$/,
  LV: /^[0-9]{11}$/,
  MT: /^[0-9]{8}$/,
  NL: /^[0-9]{9}B[0-9]{2}$/,
  PL: /^[0-9]{10}$/,
  PT: /^[0-9]{9}$/,
  RO: /^[1-9][0-9]{1,9}$/,
  SE: /^[0-9]{10}01$/,
  SI: /^[1-9][0-9]{7}$/,
  SK: /^[1-9][0-9]{9}$/,
  XI: /^(?:[0-9]{9}|[0-9]{12}|GD[0-4][0-9]{2}|HA[5-9][0-9]{2})$/,
};

/** How the national part looks, for error messages. */
export const VAT_FORMAT_HINTS: Readonly<Record<VatCountry, string>> = {
  AT: "U followed by 8 digits",
  BE: "10 digits starting with 0 or 1",
  BG: "9 or 10 digits",
  CY: "8 digits and a letter",
  CZ: "8, 9 or 10 digits",
  DE: "9 digits",
  DK: "8 digits",
  EE: "9 digits",
  EL: "9 digits",
  ES: "9 characters: a letter or digit, 7 digits, a letter or digit",
  FI: "8 digits",
  FR: "2 check characters and the 9-digit SIREN",
  HR: "11 digits",
  HU: "8 digits",
  IE: "8 or 9 characters such as 1234567T, 1234567TW or 1A23456T",
  IT: "11 digits",
  LT: "9 or 12 digits",
  LU: "8 digits",
  LV: "11 digits",
  MT: "8 digits",
  NL: "9 digits, B and 2 digits",
  PL: "10 digits",
  PT: "9 digits",
  RO: "2 to 10 digits, not starting with 0",
  SE: "12 digits ending in 01",
  SI: "8 digits, not starting with 0",
  SK: "10 digits, not starting with 0",
  XI: "9 or 12 digits, or GD/HA and 3 digits",
};
