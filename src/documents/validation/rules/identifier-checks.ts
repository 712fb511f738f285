/**
 * Check-digit and format functions of the Peppol BIS 3.0 schematron (`u:gln`, `u:mod11`, `u:mod97-0208`,
 * `u:checkCF`, `u:checkPIVAseIT`, `u:checkSEOrgnr`, `u:abn`), reproduced on strings.
 */

// Regular expressions as constants: a literal inside a function is a new RegExp object on every call.
const DIGITS = /^[0-9]+$/;
const TEN_DIGITS = /^[0-9]{10}$/;
const ELEVEN_DIGITS = /^[0-9]{11}$/;
const INTEGER_TEXT = /^\s*[+-]?[0-9]+\s*$/;
const LETTERS = /^[A-Za-z]*$/;
const CODICE_IPA = /^[A-Za-z0-9 ]{6}$/;

const digitsOnly = (value: string) => DIGITS.test(value);
const digit = (value: string, index: number) => value.charCodeAt(index) - 48;

/** `u:gln`: GS1 check digit, weights 3 and 1 alternating from the right of the body. */
export function isGln(value: string): boolean {
  if (!digitsOnly(value)) return false;
  const body = value.length - 1;
  let sum = 0;
  for (let i = 0; i < body; i++) sum += digit(value, body - 1 - i) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10 === digit(value, body);
}

/** `u:mod11`: Norwegian organisation number check digit, weights 2..7 repeating from the right of the body. */
export function isMod11(value: string): boolean {
  if (!digitsOnly(value) || Number(value) <= 0) return false;
  const body = value.length - 1;
  let sum = 0;
  for (let i = 0; i < body; i++) sum += digit(value, body - 1 - i) * ((i % 6) + 2);
  return (11 - (sum % 11)) % 11 === digit(value, body);
}

/** PEPPOL-COMMON-R043: a Belgian enterprise number is ten digits whose last two are 97 - (first eight mod 97). */
export function isBelgianEnterpriseNumber(value: string): boolean {
  if (!TEN_DIGITS.test(value)) return false;
  return 97 - (Number(value.slice(0, 8)) % 97) === Number(value.slice(8));
}

/** `u:abn`: Australian Business Number, weighted sum (first digit minus one) modulo 89. */
export function isAbn(value: string): boolean {
  if (!ELEVEN_DIGITS.test(value)) return false;
  const weights = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += (digit(value, i) - (i === 0 ? 1 : 0)) * (weights[i] ?? 0);
  return sum % 89 === 0;
}

/** `u:checkSEOrgnr`: Luhn check of a Swedish organisation number (nine digits and a check digit). */
export function isSwedishOrganisationNumber(value: string): boolean {
  if (!digitsOnly(value)) return false;
  const main = value.slice(0, 9);
  let sum = 0;
  for (let pos = 1; pos <= main.length; pos++) {
    const d = digit(main, main.length - pos);
    sum += pos % 2 === 1 ? ((d * 2) % 10) + Math.floor((d * 2) / 10) : d;
  }
  return (10 - (sum % 10)) % 10 === digit(value, 9);
}

const castableAsInteger = (value: string) => INTEGER_TEXT.test(value);
const letters = (value: string) => LETTERS.test(value);

/** `u:checkCF`: Italian codice fiscale, 16 characters in the personal pattern or 11 digits. */
export function isCodiceFiscale(value: string): boolean {
  if (value.length === 11) return castableAsInteger(value);
  if (value.length !== 16) return false;
  return (
    letters(value.slice(0, 6)) &&
    castableAsInteger(value.slice(6, 8)) &&
    letters(value.slice(8, 9)) &&
    castableAsInteger(value.slice(9, 11)) &&
    castableAsInteger(value.slice(14, 15)) &&
    letters(value.slice(15, 16))
  );
}

/** `u:checkCodiceIPA`: six characters, each a letter, a digit or a space. */
export function isCodiceIpa(value: string): boolean {
  return CODICE_IPA.test(value);
}

/** `u:checkPIVAseIT`: an IT-prefixed value must carry an 11-digit partita IVA with a valid check digit. */
export function isPartitaIvaIfItalian(value: string): boolean {
  const country = value.slice(0, 2);
  if (country !== "IT" && country !== "it") return true;
  const code = value.slice(2);
  if (!ELEVEN_DIGITS.test(code)) return false;
  const doubled = "0246813579";
  let sum = 0;
  for (let i = 0; i < code.length; i++) {
    const d = digit(code, i);
    sum += i % 2 === 1 ? Number(doubled[d]) : d;
  }
  return sum % 10 === 0;
}
