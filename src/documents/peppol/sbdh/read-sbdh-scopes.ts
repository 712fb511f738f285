import { isCountryCode } from "../../../core/identifiers/country-code.ts";
import { PEPPOL_PARTICIPANT_SCHEME } from "../../../core/identifiers/peppol-id.ts";
import {
  DOCUMENT_TYPE_SCHEME,
  isParticipantValue,
  type PeppolIdentifier,
  PROCESS_SCHEME,
} from "../../../core/peppol/peppol-identifiers.ts";
import { MLS_TYPES, type MlsType, type SbdhAdditionalAttribute } from "../../../core/peppol/sbdh-header.ts";
import { childrenNamed, firstChild, textOf, type XmlElement } from "../../ubl/xml-element.ts";
import { schemeWarning } from "./read-sbdh-partner.ts";
import { SBDH_NS } from "./sbdh-namespaces.ts";
import type { SbdhProblem } from "./sbdh-problem.ts";

/** What the BusinessScope carries. */
export interface SbdhScopes {
  documentType?: PeppolIdentifier;
  process?: PeppolIdentifier;
  countryC1?: string;
  mlsTo?: PeppolIdentifier;
  mlsType?: MlsType;
  readonly additionalAttributes: SbdhAdditionalAttribute[];
}

interface ScopeEntry {
  readonly field: string;
  readonly instance: string | undefined;
  readonly identifier: string | undefined;
}

function isMlsType(value: string | undefined): value is MlsType {
  return (MLS_TYPES as readonly (string | undefined)[]).includes(value);
}

function readIdentifierScope(entry: ScopeEntry, what: string, scheme: string, problems: SbdhProblem[]) {
  if (entry.instance !== undefined) return { scheme: entry.identifier ?? scheme, value: entry.instance };
  problems.push({ field: `${entry.field}/InstanceIdentifier`, message: `the ${what} identifier is empty` });
  return undefined;
}

function readMlsTo(entry: ScopeEntry, problems: SbdhProblem[], warnings: SbdhProblem[]) {
  const field = `${entry.field}/InstanceIdentifier`;
  if (entry.identifier !== PEPPOL_PARTICIPANT_SCHEME)
    problems.push({
      field: `${entry.field}/Identifier`,
      message: `the MLS_TO scope must name the scheme ${PEPPOL_PARTICIPANT_SCHEME} in its Identifier`,
    });
  if (entry.instance === undefined)
    problems.push({ field, message: "the MLS_TO scope has no participant identifier" });
  else if (!isParticipantValue(entry.instance))
    problems.push({
      field,
      message: `MLS_TO "${entry.instance}" is not a participant identifier (ICD:value)`,
    });
  else {
    const warning = schemeWarning(field, entry.instance);
    if (warning) warnings.push(warning);
    return { scheme: PEPPOL_PARTICIPANT_SCHEME, value: entry.instance };
  }
  return undefined;
}

function readCountry(
  entry: ScopeEntry,
  problems: SbdhProblem[],
  warnings: SbdhProblem[],
): string | undefined {
  const field = `${entry.field}/InstanceIdentifier`;
  const code = entry.instance ?? "";
  if (!/^[A-Z0-9]{2}$/.test(code)) {
    problems.push({ field, message: `COUNTRY_C1 "${code}" is not a two-letter country code` });
    return undefined;
  }
  if (!isCountryCode(code)) warnings.push({ field, message: `COUNTRY_C1 ${code} is not an ISO 3166-1 code` });
  return code;
}

/**
 * Reads the BusinessScope: DOCUMENTID, PROCESSID and COUNTRY_C1 exactly once each (COUNTRY_C1 is mandatory since
 * envelope spec 2.0, in force since 1 January 2024), the optional MLS_TO and MLS_TYPE of the MLS specification
 * (MLS_TYPE values are case-sensitive), and any other scope as an additional attribute.
 */
export function readSbdhScopes(
  header: XmlElement,
  problems: SbdhProblem[],
  warnings: SbdhProblem[],
): SbdhScopes {
  const scopes: SbdhScopes = { additionalAttributes: [] };
  const businessScope = firstChild(header, SBDH_NS, "BusinessScope");
  if (!businessScope) {
    problems.push({ field: "SBDH/BusinessScope", message: "the BusinessScope is missing" });
    return scopes;
  }
  const elements = childrenNamed(businessScope, SBDH_NS, "Scope");
  if (elements.length < 3)
    problems.push({
      field: "SBDH/BusinessScope",
      message: `at least 3 Scope elements (DOCUMENTID, PROCESSID, COUNTRY_C1) are required, found ${elements.length}`,
    });
  const seen = new Set<string>();
  for (const [index, element] of elements.entries()) {
    const field = `SBDH/BusinessScope/Scope[${index + 1}]`;
    const type = textOf(firstChild(element, SBDH_NS, "Type"));
    const entry = {
      field,
      instance: textOf(firstChild(element, SBDH_NS, "InstanceIdentifier")),
      identifier: textOf(firstChild(element, SBDH_NS, "Identifier")),
    };
    if (type === undefined) {
      problems.push({ field: `${field}/Type`, message: "a Scope has no Type" });
      continue;
    }
    const reserved = ["DOCUMENTID", "PROCESSID", "COUNTRY_C1", "MLS_TO", "MLS_TYPE"].includes(type);
    if (reserved && seen.has(type))
      problems.push({ field, message: `the ${type} scope occurs more than once` });
    seen.add(type);
    if (type === "DOCUMENTID")
      scopes.documentType = readIdentifierScope(entry, "document type", DOCUMENT_TYPE_SCHEME, problems);
    else if (type === "PROCESSID")
      scopes.process = readIdentifierScope(entry, "process", PROCESS_SCHEME, problems);
    else if (type === "COUNTRY_C1") scopes.countryC1 = readCountry(entry, problems, warnings);
    else if (type === "MLS_TO") scopes.mlsTo = readMlsTo(entry, problems, warnings);
    else if (type === "MLS_TYPE") {
      if (isMlsType(entry.instance)) scopes.mlsType = entry.instance;
      else
        problems.push({
          field: `${field}/InstanceIdentifier`,
          message: `MLS_TYPE "${entry.instance ?? ""}" must be ALWAYS_SEND or FAILURE_ONLY (case-sensitive)`,
        });
    } else scopes.additionalAttributes.push({ name: type, value: entry.instance ?? "" });
  }
  for (const [type, found] of [
    ["DOCUMENTID", seen.has("DOCUMENTID")],
    ["PROCESSID", seen.has("PROCESSID")],
    ["COUNTRY_C1", seen.has("COUNTRY_C1")],
  ] as const)
    if (!found) problems.push({ field: "SBDH/BusinessScope", message: `there is no ${type} scope` });
  return scopes;
}
