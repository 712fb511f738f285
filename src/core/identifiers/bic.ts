import { err, ok, type Result } from "../result.ts";
import { isCountryCode } from "./country-code.ts";
import { type IdentifierError, identifierError } from "./identifier-error.ts";

/**
 * Parses a BIC (ISO 9362) into upper case without spaces: 4 letters or digits for the institution, an ISO
 * country code (or XK, which banks in Kosovo use), 2 letters or digits for the location, and optionally 3 for
 * the branch ("gkcc be bb" -> "GKCCBEBB").
 */
export function parseBic(text: string): Result<string, IdentifierError> {
  const shown = text.trim();
  const bic = shown.replace(/\s/g, "").toUpperCase();
  if (bic === "") return err(identifierError("empty", "The BIC is empty."));
  if (bic.length !== 8 && bic.length !== 11) {
    return err(
      identifierError(
        "invalid-length",
        `The BIC "${shown}" has ${bic.length} characters; a BIC has 8 or 11.`,
      ),
    );
  }
  if (!/^[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(bic)) {
    return err(
      identifierError(
        "invalid-format",
        `The BIC "${shown}" is not well formed: 4 letters or digits, a country code, 2 letters or digits, optionally a 3-character branch.`,
      ),
    );
  }
  const country = bic.slice(4, 6);
  if (!isCountryCode(country) && country !== "XK") {
    return err(
      identifierError(
        "unknown-country",
        `The BIC "${shown}" names country ${country}, which does not exist.`,
      ),
    );
  }
  return ok(bic);
}
