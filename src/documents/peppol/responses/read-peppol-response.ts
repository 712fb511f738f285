import type { PeppolIdentifier } from "../../../core/peppol/peppol-identifiers.ts";
import {
  CODES_BY_KIND,
  type PeppolResponse,
  type PeppolResponseIssue,
  RESPONSE_CODES,
  RESPONSE_CUSTOMIZATIONS,
} from "../../../core/peppol/peppol-response.ts";
import { err, ok, type Result } from "../../../core/result.ts";
import { parseXml, type XmlReadOptions } from "../../ubl/parse-xml.ts";
import { attributeOf, childrenNamed, firstChild, textOf, type XmlElement } from "../../ubl/xml-element.ts";

const AR_NS = "urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2";
const CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
const CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

const cbc = (parent: XmlElement | undefined, name: string) => textOf(firstChild(parent, CBC, name));
const cac = (parent: XmlElement | undefined, name: string) => firstChild(parent, CAC, name);

/** Keeps only the properties that have a value, so optional fields stay absent rather than undefined. */
function present<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function endpoint(party: XmlElement | undefined): PeppolIdentifier | undefined {
  const element = firstChild(party, CBC, "EndpointID");
  const value = textOf(element);
  return value === undefined ? undefined : { scheme: attributeOf(element, "schemeID") ?? "", value };
}

function statusIssue(
  status: XmlElement,
  extra: { lineId?: string; responseCode?: string; description?: string },
) {
  const code = firstChild(status, CBC, "StatusReasonCode");
  const conditions = childrenNamed(status, CAC, "Condition").map((condition) => ({
    attributeId: cbc(condition, "AttributeID") ?? "",
    ...present({ description: cbc(condition, "Description") }),
  }));
  return {
    ...present({
      ...extra,
      reasonCode: textOf(code),
      reasonListId: attributeOf(code, "listID"),
      description: cbc(status, "StatusReason") ?? extra.description,
    }),
    conditions,
  } satisfies PeppolResponseIssue;
}

function issuesOf(
  documentResponse: XmlElement | undefined,
  response: XmlElement | undefined,
): PeppolResponseIssue[] {
  const issues = childrenNamed(response, CAC, "Status").map((status) => statusIssue(status, {}));
  for (const line of childrenNamed(documentResponse, CAC, "LineResponse")) {
    const lineResponse = cac(line, "Response");
    const extra = present({
      lineId: cbc(cac(line, "LineReference"), "LineID"),
      responseCode: cbc(lineResponse, "ResponseCode"),
      description: cbc(lineResponse, "Description"),
    });
    const statuses = childrenNamed(lineResponse, CAC, "Status");
    if (statuses.length === 0) issues.push({ ...extra, conditions: [] });
    for (const status of statuses) issues.push(statusIssue(status, extra));
  }
  return issues;
}

/**
 * Reads a Peppol status message (a UBL ApplicationResponse): a Message Level Status (eDEC MLS 1.0), a Message
 * Level Response (MLR 3) or an Invoice Response (BIS T111), told apart by CustomizationID. The response code is
 * checked against the codes the kind allows and mapped to a status (acknowledged, in process, under query,
 * conditionally accepted, rejected, accepted, paid); issues and status reasons are kept with their codes.
 */
export function readPeppolResponse(
  input: string | Buffer,
  options: XmlReadOptions = {},
): Result<PeppolResponse, string> {
  const parsed = parseXml(input, options);
  if (!parsed.ok) return err(parsed.error.message);
  const root = parsed.value;
  if (root.ns !== AR_NS || root.name !== "ApplicationResponse")
    return err(`${root.name} is not an ApplicationResponse`);
  const customization = cbc(root, "CustomizationID") ?? "";
  const kind = RESPONSE_CUSTOMIZATIONS.get(customization);
  if (kind === undefined) return err(`"${customization}" is not a Peppol status message customization`);
  const documentResponse = cac(root, "DocumentResponse");
  const response = cac(documentResponse, "Response");
  const reference = cac(documentResponse, "DocumentReference");
  const [id, issueDate, responseCode, referenceId] = [
    cbc(root, "ID"),
    cbc(root, "IssueDate"),
    cbc(response, "ResponseCode"),
    cbc(reference, "ID"),
  ];
  const sender = endpoint(cac(root, "SenderParty"));
  const receiver = endpoint(cac(root, "ReceiverParty"));
  if (!id || !issueDate || !responseCode || !referenceId || !sender || !receiver)
    return err("the response lacks its ID, IssueDate, parties, ResponseCode or DocumentReference");
  const status = RESPONSE_CODES.get(responseCode);
  if (status === undefined || !CODES_BY_KIND[kind].includes(responseCode))
    return err(`the response code ${responseCode} is not allowed in a ${kind}`);
  return ok({
    kind,
    id,
    issueDate,
    sender,
    receiver,
    responseCode,
    status,
    documentReference: {
      id: referenceId,
      ...present({ issueDate: cbc(reference, "IssueDate"), typeCode: cbc(reference, "DocumentTypeCode") }),
    },
    issues: issuesOf(documentResponse, response),
    ...present({
      issueTime: cbc(root, "IssueTime"),
      description: cbc(response, "Description"),
      effectiveDate: cbc(response, "EffectiveDate"),
      note: cbc(root, "Note"),
    }),
  });
}
