import { err, ok, type Result } from "../result.ts";
import { isCountryCode } from "./country-code.ts";
import { type IdentifierError, identifierError } from "./identifier-error.ts";
import { VAT_CHECK_DIGITS } from "./vat-check-digits.ts";
import { isVatCountry, VAT_FORMAT_HINTS, VAT_FORMATS, type VatCountry } from "./vat-formats.ts";

/** Options of {@link parseVatNumber}. */
export interface ParseVatNumberOptions {
  /** Prefix to assume when the text has none (e.g. the customer's country when an ERP stores bare numbers). */
  readonly defaultCountry?: VatCountry;
  /**
   * Accept numbers of countries outside VIES (GB, CH, NO, …) on a loose check: an ISO country prefix followed by
   * 2 to 15 letters or digits. Buyers outside the EU still have VAT numbers that belong on an invoice.
   */
  readonly allowNonEu?: boolean;
}

// Old numbers that the registries padded later: 9-digit Belgian, 8-digit Greek, short Dutch RSINs.
function padLegacy(country: VatCountry, national: string): string {
  if (country === "BE" && /^[0-9]{9}$/.test(national)) return `0${national}`;
  if (country === "EL" && /^[0-9]{8}$/.test(national)) return `0${national}`;
  if (country === "NL" && /^[0-9]{1,8}B[0-9]{2}$/.test(national)) return national.padStart(12, "0");
  return national;
}

function splitPrefix(compact: string, options: ParseVatNumberOptions): [string, string] | undefined {
  const prefix = compact.slice(0, 2);
  if (/^[A-Z]{2}$/.test(prefix) && (isVatCountry(prefix) || prefix === "GR" || isCountryCode(prefix))) {
    return [prefix === "GR" ? "EL" : prefix, compact.slice(2)];
  }
  return options.defaultCountry === undefined ? undefined : [options.defaultCountry, compact];
}

/**
 * Parses a VAT number into its normalised form: upper case, no spaces, dots, dashes, slashes or colons, with the
 * country prefix kept ("be 0123.456.749" -> "BE0123456749"). GR is accepted for Greece and becomes EL.
 * The national part must match its VIES format; check digits are verified where {@link VAT_CHECK_DIGITS} knows
 * the algorithm.
 */
export function parseVatNumber(
  text: string,
  options: ParseVatNumberOptions = {},
): Result<string, IdentifierError> {
  const shown = text.trim();
  const compact = shown.toUpperCase().replace(/[\s.\-/:]/g, "");
  if (compact === "") return err(identifierError("empty", "The VAT number is empty."));
  const parts = splitPrefix(compact, options);
  if (parts === undefined) {
    return err(
      identifierError(
        "unknown-country",
        `The VAT number "${shown}" must start with a country prefix such as BE.`,
      ),
    );
  }
  const [prefix, rawNational] = parts;
  if (!isVatCountry(prefix)) {
    if (options.allowNonEu === true && /^[A-Z0-9]{2,15}$/.test(rawNational))
      return ok(`${prefix}${rawNational}`);
    const hint = prefix === "GB" ? " (use XI for Northern Ireland)" : "";
    return err(
      identifierError(
        "unknown-country",
        `"${shown}" is not an EU VAT number: ${prefix} is not a VIES prefix${hint}.`,
      ),
    );
  }
  const national = padLegacy(prefix, rawNational);
  if (!VAT_FORMATS[prefix].test(national)) {
    return err(
      identifierError(
        "invalid-format",
        `The ${prefix} VAT number "${shown}" is not well formed: expected ${VAT_FORMAT_HINTS[prefix]}.`,
      ),
    );
  }
  const check = VAT_CHECK_DIGITS[prefix];
  if (check !== undefined && !check(national)) {
    return err(
      identifierError(
        "invalid-check-digits",
        `"${shown}" is not a valid ${prefix} VAT number: its check digits do not match (a typing error?).`,
      ),
    );
  }
  return ok(`${prefix}${national}`);
}
