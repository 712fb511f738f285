import { err, ok, type Result } from "../result.ts";
import { type IdentifierError, identifierError } from "./identifier-error.ts";
import { mod97 } from "./mod97.ts";

/** Check digits of a structured communication: the 10-digit base modulo 97, where 0 becomes 97. */
export function ogmCheckDigits(base: string): string {
  return String(mod97(base) || 97).padStart(2, "0");
}

/**
 * Builds the 12 digits of a Belgian structured communication (OGM/VCS) from a base of up to 10 digits,
 * e.g. an invoice sequence number: the base is left-padded with zeros and followed by its check digits.
 */
export function generateOgm(base: bigint | string): Result<string, IdentifierError> {
  const digits = typeof base === "bigint" ? (base >= 0n ? base.toString() : "") : base.trim();
  if (!/^[0-9]{1,10}$/.test(digits)) {
    return err(
      identifierError(
        "out-of-range",
        `The base of a structured communication must be 1 to 10 digits (0 to 9999999999); got "${String(base)}".`,
      ),
    );
  }
  const padded = digits.padStart(10, "0");
  return ok(`${padded}${ogmCheckDigits(padded)}`);
}

/**
 * Parses a structured communication as customers and banks write it: "+++123/4567/89002+++",
 * "***123/4567/89002***", "123/4567/89002", "123456789002", with spaces anywhere. Returns the 12 digits, or an
 * error saying what is wrong (length, characters, or check digits with the expected ones).
 */
export function parseOgm(text: string): Result<string, IdentifierError> {
  const shown = text.trim();
  const inner = shown.replace(/^(\+{3}|\*{3})(.*)\1$/s, "$2");
  const digits = inner.replace(/[\s/]/g, "");
  if (digits === "") return err(identifierError("empty", "The structured communication is empty."));
  if (!/^[0-9]+$/.test(digits)) {
    return err(
      identifierError(
        "invalid-characters",
        `The structured communication "${shown}" may only contain digits, "/", "+++" or "***".`,
      ),
    );
  }
  if (digits.length !== 12) {
    return err(
      identifierError(
        "invalid-length",
        `The structured communication "${shown}" has ${digits.length} digits; it needs 12.`,
      ),
    );
  }
  const expected = ogmCheckDigits(digits.slice(0, 10));
  if (digits.slice(10) !== expected) {
    return err(
      identifierError(
        "invalid-check-digits",
        `The structured communication "${shown}" ends in ${digits.slice(10)}, but its first ten digits call for ${expected}.`,
        expected,
      ),
    );
  }
  return ok(digits);
}

/**
 * Formats 12 digits as "+++123/4567/89002+++".
 * @throws RangeError when `digits` is not 12 digits (pass the output of {@link parseOgm} or {@link generateOgm}).
 */
export function formatOgm(digits: string): string {
  if (!/^[0-9]{12}$/.test(digits))
    throw new RangeError(`Not a normalised structured communication: "${digits}"`);
  return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++`;
}
