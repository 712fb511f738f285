import { err, ok, type Result } from "../result.ts";
import { type IdentifierError, identifierError } from "./identifier-error.ts";
import { mod97 } from "./mod97.ts";

/** Check digits of a Belgian enterprise number: 97 minus the first eight digits modulo 97 (so 01..97). */
export function enterpriseNumberCheckDigits(firstEightDigits: string): string {
  return String(97 - mod97(firstEightDigits)).padStart(2, "0");
}

/**
 * Parses a Belgian enterprise number (KBO/BCE) into its 10-digit form.
 * Accepts dots, spaces, dashes and slashes, a "BE" prefix, and the legacy 9-digit form (which gets a leading 0).
 * The first digit must be 0 or 1 and the last two digits must equal 97 - (first eight digits mod 97).
 */
export function parseEnterpriseNumber(text: string): Result<string, IdentifierError> {
  const compact = text
    .trim()
    .replace(/^BE/i, "")
    .replace(/[\s./-]/g, "");
  if (compact === "") return err(identifierError("empty", "The enterprise number is empty."));
  if (!/^[0-9]+$/.test(compact)) {
    return err(
      identifierError(
        "invalid-characters",
        `The enterprise number "${text.trim()}" may only contain digits.`,
      ),
    );
  }
  if (compact.length !== 9 && compact.length !== 10) {
    return err(
      identifierError(
        "invalid-length",
        `The enterprise number "${text.trim()}" has ${compact.length} digits; it needs 10 (or 9 in the old form).`,
      ),
    );
  }
  const digits = compact.length === 9 ? `0${compact}` : compact;
  if (digits[0] !== "0" && digits[0] !== "1") {
    return err(
      identifierError("invalid-format", `The enterprise number "${text.trim()}" must start with 0 or 1.`),
    );
  }
  // The expected check digits are deliberately not shown: "fixing" them would turn a typo into a valid wrong number.
  if (digits.slice(8) !== enterpriseNumberCheckDigits(digits.slice(0, 8))) {
    return err(
      identifierError(
        "invalid-check-digits",
        `"${text.trim()}" is not a valid enterprise number: its check digits do not match (a typing error?).`,
      ),
    );
  }
  return ok(digits);
}

/**
 * Formats a normalised 10-digit enterprise number as "0123.456.749".
 * @throws RangeError when `digits` is not 10 digits (pass the output of {@link parseEnterpriseNumber}).
 */
export function formatEnterpriseNumber(digits: string): string {
  if (!/^[0-9]{10}$/.test(digits)) throw new RangeError(`Not a normalised enterprise number: "${digits}"`);
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}
