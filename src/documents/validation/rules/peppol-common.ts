import { type SchemedIdentifier, schemedIdentifierScope } from "../element-scopes.ts";
import type { Severity } from "../finding.ts";
import { vatIdentifierScope } from "../party-scopes.ts";
import type { Rule } from "../rule.ts";
import { ruleOf } from "../rule.ts";
import { normalized } from "../text.ts";
import {
  isAbn,
  isBelgianEnterpriseNumber,
  isCodiceFiscale,
  isCodiceIpa,
  isGln,
  isMod11,
  isPartitaIvaIfItalian,
  isSwedishOrganisationNumber,
} from "./identifier-checks.ts";

const rule = ruleOf("PEPPOL");

const DK_CVR = /^DK[0-9]{8}$/;
const NINE_DIGITS = /^[0-9]{9}$/;
const EIGHT_DIGITS = /^[0-9]{8}$/;
const TEN_DIGITS = /^[0-9]{10}$/;
const TWENTY_DIGITS = /^[0-9]{20}$/;
const TWELVE_DIGITS = /^[0-9]{12}$/;
const DUTCH_VAT = /^NL[0-9]{9}B[0-9]{2}$/;

/** One PEPPOL-COMMON identifier rule: the scheme it guards and the check on the normalised value. */
function identifierRule(
  id: string,
  scheme: string,
  severity: Severity,
  message: string,
  valid: (value: string) => boolean,
  endpointOnly = false,
): Rule<SchemedIdentifier> {
  return rule(schemedIdentifierScope, {
    id,
    severity,
    message,
    applies: (node) => node.scheme === scheme && (!endpointOnly || node.element === "EndpointID"),
    test: (node) => valid(normalized(node.value)),
  });
}

/** Peppol PEPPOL-COMMON-R040..R057: formats and check digits of identifiers by ICD/EAS scheme. */
export const peppolCommonRules: Rule<unknown>[] = [
  identifierRule(
    "PEPPOL-COMMON-R040",
    "0088",
    "fatal",
    "GLN must have a valid format according to GS1 rules.",
    isGln,
  ),
  identifierRule(
    "PEPPOL-COMMON-R041",
    "0192",
    "fatal",
    "Norwegian organization number MUST be stated in the correct format.",
    (v) => NINE_DIGITS.test(v) && isMod11(v),
  ),
  identifierRule(
    "PEPPOL-COMMON-R042",
    "0184",
    "fatal",
    "Danish organization number (CVR) MUST be stated in the correct format.",
    (v) => DK_CVR.test(v) || EIGHT_DIGITS.test(v),
  ),
  identifierRule(
    "PEPPOL-COMMON-R043",
    "0208",
    "fatal",
    "Belgian enterprise number MUST be stated in the correct format.",
    isBelgianEnterpriseNumber,
  ),
  identifierRule(
    "PEPPOL-COMMON-R044",
    "0201",
    "warning",
    "IPA Code (Codice Univoco Unità Organizzativa) SHOULD be stated in the correct format",
    isCodiceIpa,
  ),
  identifierRule(
    "PEPPOL-COMMON-R045",
    "0210",
    "warning",
    "Tax Code (Codice Fiscale) SHOULD be stated in the correct format",
    isCodiceFiscale,
  ),
  identifierRule(
    "PEPPOL-COMMON-R046",
    "9907",
    "warning",
    "Tax Code (Codice Fiscale) SHOULD be stated in the correct format",
    isCodiceFiscale,
    true,
  ),
  identifierRule(
    "PEPPOL-COMMON-R047",
    "0211",
    "warning",
    "Italian VAT Code (Partita Iva) SHOULD be stated in the correct format",
    isPartitaIvaIfItalian,
  ),
  identifierRule(
    "PEPPOL-COMMON-R049",
    "0007",
    "fatal",
    "Swedish organization number MUST be stated in the correct format.",
    (v) => TEN_DIGITS.test(v) && isSwedishOrganisationNumber(v),
  ),
  identifierRule(
    "PEPPOL-COMMON-R050",
    "0151",
    "fatal",
    "Australian Business Number (ABN) MUST be stated in the correct format.",
    isAbn,
  ),
  identifierRule(
    "PEPPOL-COMMON-R052",
    "0096",
    "fatal",
    "Danish chamber of commerce number (P) MUST be stated in the correct format.",
    (v) => TEN_DIGITS.test(v),
  ),
  identifierRule(
    "PEPPOL-COMMON-R053",
    "0198",
    "fatal",
    "Danish ERSTORG number (SE) MUST be stated in the correct format.",
    (v) => DK_CVR.test(v),
  ),
  identifierRule(
    "PEPPOL-COMMON-R054",
    "0106",
    "warning",
    "Dutch Chamber of Commerce (KVK) numbers (0106) MUST be stated in the correct format (12345678).",
    (v) => EIGHT_DIGITS.test(v),
  ),
  identifierRule(
    "PEPPOL-COMMON-R055",
    "0190",
    "warning",
    "Dutch organization identification numbers (0190) MUST be stated in the correct format (12345678901234567890).",
    (v) => TWENTY_DIGITS.test(v),
  ),
  identifierRule(
    "PEPPOL-COMMON-R056-1",
    "9944",
    "warning",
    "Dutch VAT numbers (9944) MUST be stated in the correct format (NL123456789B12).",
    (v) => DUTCH_VAT.test(v),
  ),
  rule(vatIdentifierScope, {
    id: "PEPPOL-COMMON-R056-2",
    severity: "warning",
    message: "Dutch VAT numbers MUST have the format (NL123456789B12).",
    applies: ({ value }) => normalized(value).startsWith("NL"),
    test: ({ value }) => DUTCH_VAT.test(normalized(value)),
  }),
  identifierRule(
    "PEPPOL-COMMON-R057",
    "0217",
    "warning",
    "Dutch Chamber of Commerce Establishment numbers (0217) MUST be stated in the correct format (123456789012).",
    (v) => TWELVE_DIGITS.test(v),
  ),
];
