import type { PeppolIdentifier } from "../../../core/peppol/peppol-identifiers.ts";
import { attributeOf, type XmlElement } from "../../ubl/xml-element.ts";
import { PEPPOL_PAYLOAD_WRAPPER_NS } from "./sbdh-namespaces.ts";
import type { SbdhProblem } from "./sbdh-problem.ts";

/** DocumentIdentification's description of the payload. */
export interface PayloadDescription {
  readonly standard: string | undefined;
  readonly type: string | undefined;
  readonly typeVersion: string | undefined;
}

/** True for the envelope spec's wrappers of non-XML payloads (a PDF, a text), whose root says nothing of the type. */
export function isWrappedPayload(payload: XmlElement): boolean {
  return (
    payload.ns === PEPPOL_PAYLOAD_WRAPPER_NS &&
    (payload.name === "BinaryContent" || payload.name === "TextContent")
  );
}

/**
 * Checks DocumentIdentification against the business message and the document type: Standard is the payload's
 * root namespace and the start of the document type identifier, Type its root element name, TypeVersion the
 * identifier's version suffix. For a wrapped non-XML payload only the Standard prefix and the wrapper's mimeType
 * can be checked: Standard, Type and TypeVersion then describe the wrapped document, not the wrapper.
 */
export function checkSbdhPayload(
  description: PayloadDescription,
  payload: XmlElement,
  documentType: PeppolIdentifier,
  problems: SbdhProblem[],
): void {
  const { standard, type, typeVersion } = description;
  const field = "SBDH/DocumentIdentification";
  if (standard !== undefined && !documentType.value.startsWith(standard))
    problems.push({
      field: `${field}/Standard`,
      message: `the Standard "${standard}" is not the start of the document type identifier`,
    });
  if (isWrappedPayload(payload)) {
    if (payload.name === "BinaryContent" && attributeOf(payload, "mimeType") === undefined)
      problems.push({ field: "business message", message: "the BinaryContent payload has no mimeType" });
    return;
  }
  if (standard !== undefined && standard !== payload.ns)
    problems.push({
      field: `${field}/Standard`,
      message: `the Standard "${standard}" is not the business message's namespace "${payload.ns}"`,
    });
  if (type !== undefined && type !== payload.name)
    problems.push({
      field: `${field}/Type`,
      message: `the Type "${type}" is not the business message's element name "${payload.name}"`,
    });
  if (
    typeVersion !== undefined &&
    (typeVersion.includes(":") || !documentType.value.endsWith(`::${typeVersion}`))
  )
    problems.push({
      field: `${field}/TypeVersion`,
      message: `the TypeVersion "${typeVersion}" is not the version at the end of the document type identifier`,
    });
}
