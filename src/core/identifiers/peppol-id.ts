import { err, ok, type Result } from "../result.ts";
import { parseEnterpriseNumber } from "./enterprise-number.ts";
import { type IdentifierError, identifierError } from "./identifier-error.ts";
import { PEPPOL_SCHEMES } from "./peppol-schemes.ts";

/** The identifier scheme that prefixes participant ids in SMP URLs and SBDH headers. */
export const PEPPOL_PARTICIPANT_SCHEME = "iso6523-actorid-upis";

// Policy for use of Identifiers 4.4, POLICY 1: at most 130 characters after "ICD:".
const MAX_VALUE_LENGTH = 130;

function gs1CheckDigitValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length - 1; index++)
    sum += Number(digits[index]) * (index % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === Number(digits[digits.length - 1]);
}

/** Scheme-specific checks; the value is already trimmed and non-empty. Returns the normalised value. */
function parseValue(icd: string, value: string, shown: string): Result<string, IdentifierError> {
  if (icd === "0208") {
    const number = parseEnterpriseNumber(value);
    return number.ok ? number : err({ ...number.error, message: `${shown}: ${number.error.message}` });
  }
  if (icd === "9925") {
    if (!/^BE/i.test(value)) {
      const guess = parseEnterpriseNumber(value);
      const hint = guess.ok ? ` (9925:be${guess.value})` : "";
      return err(
        identifierError(
          "invalid-format",
          `${shown}: a 9925 value is a Belgian VAT number with its BE prefix${hint}.`,
        ),
      );
    }
    const number = parseEnterpriseNumber(value.slice(2));
    return number.ok
      ? ok(`be${number.value}`)
      : err({ ...number.error, message: `${shown}: ${number.error.message}` });
  }
  if (!/^[\x21-\x7e]+$/.test(value)) {
    return err(
      identifierError(
        "invalid-characters",
        `${shown}: the value may only contain printable ASCII characters without spaces.`,
      ),
    );
  }
  if (value.length > MAX_VALUE_LENGTH) {
    return err(
      identifierError("invalid-length", `${shown}: the value is longer than ${MAX_VALUE_LENGTH} characters.`),
    );
  }
  if (icd === "0088" && !(/^[0-9]{13}$/.test(value) && gs1CheckDigitValid(value))) {
    return err(
      identifierError(
        "invalid-check-digits",
        `${shown}: a GLN (0088) is 13 digits with a valid GS1 check digit.`,
      ),
    );
  }
  // POLICY 2: participant values are case-insensitive; lower case is the form the SML hashes.
  return ok(value.toLowerCase());
}

/**
 * Parses a Peppol participant identifier, `ICD:value` or `iso6523-actorid-upis::ICD:value`, into `ICD:value`.
 * The ICD must be in the Peppol code list and registrable (removed schemes are refused, naming their successor).
 * 0208 values are checked as Belgian enterprise numbers and 9925 values as Belgian VAT numbers (with the BE
 * prefix); 0088 values as GLNs. Values are case-insensitive in Peppol and are returned in lower case
 * (`9925:be0123456749`).
 */
export function parsePeppolId(text: string): Result<string, IdentifierError> {
  const shown = text.trim();
  if (shown === "") return err(identifierError("empty", "The Peppol id is empty."));
  const bare = shown.replace(new RegExp(`^${PEPPOL_PARTICIPANT_SCHEME}::`, "i"), "");
  const match = /^([0-9]{4}):(.+)$/.exec(bare);
  if (match === null) {
    return err(
      identifierError(
        "invalid-format",
        `"${shown}" is not a Peppol id: expected ICD:value, e.g. 0208:0123456749.`,
      ),
    );
  }
  const [, icd = "", value = ""] = match;
  const scheme = PEPPOL_SCHEMES.get(icd);
  if (scheme === undefined) {
    return err(
      identifierError("unknown-scheme", `"${shown}": ${icd} is not a scheme of the Peppol code list.`),
    );
  }
  if (!scheme.registrable) {
    const successor = scheme.replacedBy === undefined ? "" : `; use ${scheme.replacedBy} instead`;
    return err(
      identifierError(
        "unusable-scheme",
        `"${shown}": scheme ${icd} (${scheme.schemeId}) cannot be used on the Peppol network${successor}.`,
      ),
    );
  }
  const parsed = parseValue(icd, value.trim(), `"${shown}"`);
  return parsed.ok ? ok(`${icd}:${parsed.value}`) : parsed;
}

/**
 * Splits a normalised Peppol id into its scheme (ICD) and value, as UBL's EndpointID needs them.
 * @throws RangeError when `id` is not of the form ICD:value (pass the output of {@link parsePeppolId}).
 */
export function splitPeppolId(id: string): { readonly scheme: string; readonly value: string } {
  const match = /^([0-9]{4}):(.+)$/.exec(id);
  if (match === null || match[1] === undefined || match[2] === undefined) {
    throw new RangeError(`Not a normalised Peppol id: "${id}"`);
  }
  return { scheme: match[1], value: match[2] };
}

/**
 * The Peppol ids under which a Belgian enterprise may be registered, in lookup order: the enterprise number
 * (0208) first, then the VAT number (9925). The 9925 value is emitted in lower case ("9925:be0123456749"), the
 * form the SML hashes; Peppol compares participant values case-insensitively (Policy for use of Identifiers,
 * POLICY 2), so "9925:BE0123456749" names the same participant.
 * @throws RangeError when `enterpriseNumber` is not a valid enterprise number.
 */
export function belgianPeppolIds(enterpriseNumber: string): readonly string[] {
  const parsed = parseEnterpriseNumber(enterpriseNumber);
  if (!parsed.ok) throw new RangeError(parsed.error.message);
  return [`0208:${parsed.value}`, `9925:be${parsed.value}`];
}
