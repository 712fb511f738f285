import { luhnChecksum } from "./luhn.ts";

const DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
// Entity types of a CIF (company) number; K, L and M are NIFs of people without DNI or NIE, checked otherwise.
const CIF_ENTITY_LETTERS = "ABCDEFGHJNPQRSUVW";

/**
 * Spanish NIF check (as used after the ES prefix): DNI (8 digits and a letter), NIE (X/Y/Z, 7 digits, letter)
 * or CIF (entity letter, 7 digits, check digit or letter). K/L/M numbers pass on format alone.
 */
export function isSpanishNifValid(national: string): boolean {
  const first = national[0] ?? "";
  const last = national[8] ?? "";
  const middle = national.slice(1, 8);
  if (!/^[0-9]{7}$/.test(middle)) return false;
  if (/[0-9]/.test(first)) return DNI_LETTERS[Number(national.slice(0, 8)) % 23] === last;
  const nieIndex = "XYZ".indexOf(first);
  if (nieIndex >= 0) return DNI_LETTERS[Number(`${nieIndex}${middle}`) % 23] === last;
  if ("KLM".includes(first)) return /^[A-Z]$/.test(last);
  if (!CIF_ENTITY_LETTERS.includes(first)) return false;
  const checkDigit = (10 - luhnChecksum(`${middle}0`)) % 10;
  return last === String(checkDigit) || last === "JABCDEFGHI"[checkDigit];
}

// The two check characters of new-style French numbers use this alphabet (no I, no O).
const FR_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/**
 * French TVA check: the SIREN (last 9 digits) must pass Luhn, except Monaco numbers (SIREN starting 000);
 * an all-digit key equals (SIREN * 100 + 12) mod 97; a key with a letter follows the DGFiP new-style formula.
 */
export function isFrenchTvaValid(national: string): boolean {
  const key = national.slice(0, 2);
  const siren = national.slice(2);
  if (!siren.startsWith("000") && luhnChecksum(siren) !== 0) return false;
  if (/^[0-9]{2}$/.test(key)) return Number(key) === Number((BigInt(siren) * 100n + 12n) % 97n);
  const first = FR_ALPHABET.indexOf(key[0] ?? "");
  const second = FR_ALPHABET.indexOf(key[1] ?? "");
  if (first < 0 || second < 0) return false;
  const check = /[0-9]/.test(key[0] ?? "") ? first * 24 + second - 10 : first * 34 + second - 100;
  return (Number(siren) + 1 + Math.floor(check / 11)) % 11 === check % 11;
}
