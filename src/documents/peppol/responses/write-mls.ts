import type { MlsToWrite } from "../../../app/ports/peppol-response-writer.ts";
import type { MlsIssue } from "../../../core/peppol/decide-mls.ts";
import { MLS_PROCESS } from "../../../core/peppol/peppol-identifiers.ts";
import type { Result } from "../../../core/result.ts";
import { applicationResponse, endpointAttributes, issueInstant } from "./application-response.ts";
import type { XmlNode } from "./write-xml-document.ts";

function lineResponse(issue: MlsIssue): XmlNode {
  return {
    name: "cac:LineResponse",
    children: [
      { name: "cac:LineReference", children: [{ name: "cbc:LineID", text: issue.lineId }] },
      {
        name: "cac:Response",
        children: [
          { name: "cbc:Description", text: issue.description },
          { name: "cac:Status", children: [{ name: "cbc:StatusReasonCode", text: issue.reasonCode }] },
        ],
      },
    ],
  };
}

/**
 * Writes a Peppol Message Level Status (eDEC MLS 1.0) as UBL ApplicationResponse: the overall code (AP, AB or RE)
 * with its description, the SBDH instance id answered, and each issue as a line response (location, description,
 * class). A negative MLS without description or issues is refused, as the MLS schematron would.
 */
export function writeMls(mls: MlsToWrite): Result<string, string> {
  const { date, time } = issueInstant(mls.issuedAt);
  if (mls.responseCode === "RE" && (!mls.description?.trim() || mls.issues.length === 0))
    return { ok: false, error: "a negative MLS needs a description and at least one issue" };
  return applicationResponse({
    customization: "urn:peppol:edec:mls:1.0",
    profile: MLS_PROCESS,
    id: mls.id,
    issueDate: date,
    issueTime: time,
    sender: [{ name: "cbc:EndpointID", ...endpointAttributes(mls.sender) }],
    receiver: [{ name: "cbc:EndpointID", ...endpointAttributes(mls.receiver) }],
    documentResponse: [
      {
        name: "cac:Response",
        children: [
          { name: "cbc:ResponseCode", text: mls.responseCode },
          mls.description === undefined ? undefined : { name: "cbc:Description", text: mls.description },
        ],
      },
      { name: "cac:DocumentReference", children: [{ name: "cbc:ID", text: mls.reference }] },
      ...mls.issues.map(lineResponse),
    ],
  });
}
