import { PEPPOL_PARTICIPANT_SCHEME } from "../../../core/identifiers/peppol-id.ts";
import { PEPPOL_SCHEMES } from "../../../core/identifiers/peppol-schemes.ts";
import { isParticipantValue, type PeppolIdentifier } from "../../../core/peppol/peppol-identifiers.ts";
import { attributeOf, childrenNamed, firstChild, textOf, type XmlElement } from "../../ubl/xml-element.ts";
import { SBDH_NS } from "./sbdh-namespaces.ts";
import type { SbdhProblem } from "./sbdh-problem.ts";

/** Warns about an ICD that is unknown to, or removed from, the Peppol code list: the network still carries them. */
export function schemeWarning(field: string, value: string): SbdhProblem | undefined {
  const icd = value.slice(0, 4);
  const scheme = PEPPOL_SCHEMES.get(icd);
  if (scheme === undefined)
    return { field, message: `${icd} is not in the Peppol participant scheme code list` };
  if (!scheme.registrable)
    return { field, message: `${icd} (${scheme.schemeId}) is removed from the code list` };
  return undefined;
}

/**
 * Reads the one Sender or Receiver of the header: exactly one is allowed, its Identifier's Authority must be
 * `iso6523-actorid-upis` and its value a participant identifier (`ICD:value`).
 */
export function readSbdhPartner(
  header: XmlElement,
  role: "Sender" | "Receiver",
  problems: SbdhProblem[],
  warnings: SbdhProblem[],
): PeppolIdentifier | undefined {
  const partners = childrenNamed(header, SBDH_NS, role);
  if (partners.length !== 1)
    problems.push({
      field: `SBDH/${role}`,
      message: `exactly one ${role} is required, found ${partners.length}`,
    });
  const identifier = firstChild(partners[0], SBDH_NS, "Identifier");
  if (partners.length === 0) return undefined;
  const authority = attributeOf(identifier, "Authority");
  const value = textOf(identifier);
  if (authority !== PEPPOL_PARTICIPANT_SCHEME)
    problems.push({
      field: `SBDH/${role}/Identifier/@Authority`,
      message: `the ${role} authority must be ${PEPPOL_PARTICIPANT_SCHEME}, not "${authority ?? ""}"`,
    });
  if (value === undefined) {
    problems.push({ field: `SBDH/${role}/Identifier`, message: `the ${role} identifier is empty` });
    return undefined;
  }
  if (!isParticipantValue(value)) {
    const message = `the ${role} identifier "${value}" is not a participant identifier (ICD:value)`;
    problems.push({ field: `SBDH/${role}/Identifier`, message });
    return undefined;
  }
  const warning = schemeWarning(`SBDH/${role}/Identifier`, value);
  if (warning) warnings.push(warning);
  return { scheme: authority ?? PEPPOL_PARTICIPANT_SCHEME, value };
}
