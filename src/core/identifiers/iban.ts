import { err, ok, type Result } from "../result.ts";
import { isCountryCode } from "./country-code.ts";
import { bbanPattern, IBAN_FORMATS, ibanLength } from "./iban-formats.ts";
import { type IdentifierError, identifierError } from "./identifier-error.ts";
import { mod97, mod97Alphanumeric } from "./mod97.ts";

function layoutValid(iban: string, format: string | undefined): boolean {
  if (format === undefined) return /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(iban);
  return /^[0-9]{2}$/.test(iban.slice(2, 4)) && bbanPattern(format).test(iban.slice(4));
}

// Belgian account numbers carry their own check: the last two digits are the first ten modulo 97 (0 -> 97).
function belgianAccountValid(bban: string): boolean {
  return (mod97(bban.slice(0, 10)) || 97) === Number(bban.slice(10));
}

/**
 * Parses an IBAN into its electronic form: upper case, no spaces ("be68 5390 0754 7034" -> "BE68539007547034").
 * An "IBAN" label in front is ignored. Countries in {@link IBAN_FORMATS} are checked for length and BBAN structure;
 * other ISO countries only for the generic 15-34 character shape. The ISO 7064 mod-97 check must give 1, and
 * Belgian IBANs must also pass the national account check.
 */
export function parseIban(text: string): Result<string, IdentifierError> {
  const shown = text.trim();
  const iban = shown
    .replace(/^IBAN:?/i, "")
    .replace(/[\s-]/g, "")
    .toUpperCase();
  if (iban === "") return err(identifierError("empty", "The IBAN is empty."));
  if (!/^[A-Z0-9]+$/.test(iban)) {
    return err(
      identifierError("invalid-characters", `The IBAN "${shown}" may only contain letters and digits.`),
    );
  }
  const country = iban.slice(0, 2);
  if (!isCountryCode(country) && IBAN_FORMATS[country] === undefined) {
    return err(identifierError("unknown-country", `The IBAN "${shown}" does not start with a country code.`));
  }
  const format = IBAN_FORMATS[country];
  if (format !== undefined && iban.length !== ibanLength(format)) {
    return err(
      identifierError(
        "invalid-length",
        `The IBAN "${shown}" has ${iban.length} characters; ${country} IBANs have ${ibanLength(format)}.`,
      ),
    );
  }
  if (!layoutValid(iban, format)) {
    return err(
      identifierError(
        "invalid-format",
        `The IBAN "${shown}" is not laid out as ${country} account numbers are.`,
      ),
    );
  }
  const nationalCheckFails = country === "BE" && !belgianAccountValid(iban.slice(4));
  if (mod97Alphanumeric(`${iban.slice(4)}${iban.slice(0, 4)}`) !== 1 || nationalCheckFails) {
    return err(
      identifierError(
        "invalid-check-digits",
        `"${shown}" is not a valid IBAN: its check digits do not match (a typing error?).`,
      ),
    );
  }
  return ok(iban);
}

/**
 * Formats an electronic IBAN for print, in groups of four ("BE68 5390 0754 7034").
 * @throws RangeError when `iban` is not in electronic form (pass the output of {@link parseIban}).
 */
export function formatIban(iban: string): string {
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]+$/.test(iban)) throw new RangeError(`Not an electronic IBAN: "${iban}"`);
  return iban.replace(/(.{4})(?=.)/g, "$1 ");
}
