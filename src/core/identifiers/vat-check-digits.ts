import { enterpriseNumberCheckDigits } from "./enterprise-number.ts";
import { isLuhnValid, luhnChecksum } from "./luhn.ts";
import { mod97Alphanumeric } from "./mod97.ts";
import { isFrenchTvaValid, isSpanishNifValid } from "./vat-check-digits-es-fr.ts";
import type { VatCountry } from "./vat-formats.ts";

function weightedSum(digits: string, weights: readonly number[]): number {
  return weights.reduce((sum, weight, index) => sum + weight * Number(digits[index]), 0);
}

/** ISO 7064 MOD 11,10 check digit over the given digits (German USt-IdNr.). */
function mod11_10CheckDigit(digits: string): number {
  let product = 10;
  for (const digit of digits) {
    const sum = (Number(digit) + product) % 10 || 10;
    product = (2 * sum) % 11;
  }
  return (11 - product) % 10;
}

/** Dutch numbers are either a BSN/RSIN with the "11-proof" or, since 2020 for sole traders, ISO 7064 mod 97. */
function isDutchBtwValid(national: string): boolean {
  if (/^0{9}/.test(national) || national.endsWith("B00")) return false;
  const elfProef = (weightedSum(national, [9, 8, 7, 6, 5, 4, 3, 2]) - Number(national[8])) % 11 === 0;
  return elfProef || mod97Alphanumeric(`NL${national}`) === 1;
}

function isItalianPartitaIvaValid(national: string): boolean {
  const office = Number(national.slice(7, 10));
  const knownOffice = (office >= 1 && office <= 100) || [120, 121, 888, 999].includes(office);
  return !/^0{7}/.test(national) && knownOffice && isLuhnValid(national);
}

/**
 * Check-digit algorithms per VAT prefix, for the countries where the algorithm is published and verified against
 * real numbers. The argument is the national part, already matching its VIES format. Countries absent here are
 * checked on format only.
 */
export const VAT_CHECK_DIGITS: Readonly<Partial<Record<VatCountry, (national: string) => boolean>>> = {
  AT: (n) => (((6 - luhnChecksum(n.slice(1, 8))) % 10) + 10) % 10 === Number(n[8]),
  BE: (n) => enterpriseNumberCheckDigits(n.slice(0, 8)) === n.slice(8),
  DE: (n) => mod11_10CheckDigit(n.slice(0, 8)) === Number(n[8]),
  DK: (n) => weightedSum(n, [2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0,
  EE: (n) => weightedSum(n, [3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 === 0,
  EL: (n) => (weightedSum(n, [256, 128, 64, 32, 16, 8, 4, 2]) % 11) % 10 === Number(n[8]),
  ES: isSpanishNifValid,
  FI: (n) => weightedSum(n, [7, 9, 10, 5, 8, 4, 2, 1]) % 11 === 0,
  FR: isFrenchTvaValid,
  IT: isItalianPartitaIvaValid,
  LU: (n) => Number(n.slice(0, 6)) % 89 === Number(n.slice(6)),
  NL: isDutchBtwValid,
  PL: (n) => weightedSum(n, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 === Number(n[9]),
  PT: (n) => ((11 - (weightedSum(n, [9, 8, 7, 6, 5, 4, 3, 2]) % 11)) % 11) % 10 === Number(n[8]),
  SE: (n) => isLuhnValid(n.slice(0, 10)),
};
