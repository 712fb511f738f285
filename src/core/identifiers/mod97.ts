/**
 * Remainder of a decimal digit string divided by 97, computed in chunks so that numbers of any length (IBANs,
 * LEIs, structured communications) stay exact without bigint.
 */
export function mod97(digits: string): number {
  let remainder = 0;
  for (let start = 0; start < digits.length; start += 7) {
    remainder = Number(`${remainder}${digits.slice(start, start + 7)}`) % 97;
  }
  return remainder;
}

/**
 * ISO 7064 MOD 97-10 remainder of an upper-case alphanumeric string: A=10 … Z=35, as in IBANs and LEIs.
 * A valid IBAN (rearranged) or LEI gives 1.
 */
export function mod97Alphanumeric(text: string): number {
  let digits = "";
  for (const char of text) {
    digits += /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
  }
  return mod97(digits);
}
