/**
 * Luhn (mod 10) checksum of a digit string whose last digit is a check digit: 0 means valid.
 * Every second digit from the right, starting with the one before the last, is doubled.
 */
export function luhnChecksum(digits: string): number {
  let sum = 0;
  for (let position = 0; position < digits.length; position++) {
    const digit = Number(digits[digits.length - 1 - position]);
    const weighted = position % 2 === 1 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return sum % 10;
}

/** True when the digit string (check digit last) passes the Luhn test. */
export function isLuhnValid(digits: string): boolean {
  return /^[0-9]+$/.test(digits) && luhnChecksum(digits) === 0;
}
