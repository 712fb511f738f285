import { endpointOf } from "../../../core/peppol/service-provider-id.ts";
import type { Result } from "../../../core/result.ts";
import { writeXmlDocument, type XmlNode } from "./write-xml-document.ts";

const AR_NS = "urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2";
const CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
const CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

/** The parts every Peppol status message shares, in UBL order. */
export interface ApplicationResponseParts {
  readonly customization: string;
  readonly profile: string;
  readonly id: string;
  readonly issueDate: string;
  readonly issueTime?: string;
  readonly note?: string;
  readonly sender: readonly XmlNode[];
  readonly receiver: readonly XmlNode[];
  readonly documentResponse: readonly XmlNode[];
}

/** IssueDate without a zone (YYYY-MM-DD) and IssueTime with one (HH:MM:SSZ), both in UTC. */
export function issueInstant(at: Date): { readonly date: string; readonly time: string } {
  const iso = at.toISOString();
  return { date: iso.slice(0, 10), time: `${iso.slice(11, 19)}Z` };
}

/** Writes a UBL 2.1 ApplicationResponse from its parts, in the element order the UBL schema requires. */
export function applicationResponse(parts: ApplicationResponseParts): Result<string, string> {
  return writeXmlDocument({
    name: "ApplicationResponse",
    attributes: { xmlns: AR_NS, "xmlns:cac": CAC, "xmlns:cbc": CBC },
    children: [
      { name: "cbc:CustomizationID", text: parts.customization },
      { name: "cbc:ProfileID", text: parts.profile },
      { name: "cbc:ID", text: parts.id },
      { name: "cbc:IssueDate", text: parts.issueDate },
      parts.issueTime === undefined ? undefined : { name: "cbc:IssueTime", text: parts.issueTime },
      parts.note === undefined ? undefined : { name: "cbc:Note", text: parts.note },
      { name: "cac:SenderParty", children: parts.sender },
      { name: "cac:ReceiverParty", children: parts.receiver },
      { name: "cac:DocumentResponse", children: parts.documentResponse },
    ],
  });
}

/** The EndpointID's scheme attribute and value of a participant id `ICD:value`. */
export function endpointAttributes(participant: string): Pick<XmlNode, "attributes" | "text"> {
  const { scheme, value } = endpointOf(participant);
  return { attributes: { schemeID: scheme }, text: value };
}
