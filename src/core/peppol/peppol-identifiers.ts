/** A Peppol identifier as the network writes it: scheme and value (participant, document type or process). */
export interface PeppolIdentifier {
  readonly scheme: string;
  readonly value: string;
}

/** Scheme of document type identifiers (Policy for use of Identifiers 4.x, POLICY 9). */
export const DOCUMENT_TYPE_SCHEME = "busdox-docid-qns";
/** Scheme of process identifiers (POLICY 15). */
export const PROCESS_SCHEME = "cenbii-procid-ubl";

/** Peppol BIS Billing 3.0 process. */
export const BIS_BILLING_PROCESS = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
const BIS_BILLING_CUSTOMIZATION =
  "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
const UBL = "urn:oasis:names:specification:ubl:schema:xsd";
/** Peppol BIS Billing 3.0 UBL invoice. */
export const BIS_INVOICE_DOCUMENT_TYPE = `${UBL}:Invoice-2::Invoice##${BIS_BILLING_CUSTOMIZATION}::2.1`;
/** Peppol BIS Billing 3.0 UBL credit note. */
export const BIS_CREDIT_NOTE_DOCUMENT_TYPE = `${UBL}:CreditNote-2::CreditNote##${BIS_BILLING_CUSTOMIZATION}::2.1`;
/** Peppol BIS Invoice Response 3 (T111), its document type and process. */
export const INVOICE_RESPONSE_DOCUMENT_TYPE = `${UBL}:ApplicationResponse-2::ApplicationResponse##urn:fdc:peppol.eu:poacc:trns:invoice_response:3::2.1`;
export const INVOICE_RESPONSE_PROCESS = "urn:fdc:peppol.eu:poacc:bis:invoice_response:3";
/** Peppol Message Level Status 1.0 (eDEC), its document type and process. */
export const MLS_DOCUMENT_TYPE = `${UBL}:ApplicationResponse-2::ApplicationResponse##urn:peppol:edec:mls:1.0::2.1`;
export const MLS_PROCESS = "urn:peppol:edec:mls";

/** The parts of a `busdox-docid-qns` document type value: `rootNamespace::localName##customization::version`. */
export interface DocumentTypeParts {
  readonly rootNamespace: string;
  readonly localName: string;
  readonly customization: string;
  readonly version: string;
}

/** Splits a document type identifier value into its parts; undefined when it does not have that shape. */
export function documentTypeParts(value: string): DocumentTypeParts | undefined {
  const match = /^(.+?)::([^:#]+)##(.+)::([^:]+)$/.exec(value);
  if (!match) return undefined;
  const [, rootNamespace = "", localName = "", customization = "", version = ""] = match;
  return { rootNamespace, localName, customization, version };
}

/**
 * True when `value` has the syntax of an `iso6523-actorid-upis` participant value: a four-digit ICD, a colon and
 * printable ASCII without spaces, at most 135 characters (POLICY 1). Scheme-specific checks (code list state, check
 * digits) are {@link parsePeppolId}'s business: the network carries envelopes of deprecated schemes too.
 */
export function isParticipantValue(value: string): boolean {
  return value.length <= 135 && /^[0-9]{4}:[\x21-\x7e]+$/.test(value);
}
