import type {
  ReceivedDocumentKind,
  ReceivedPeppolResponse,
  ReceivedValidation,
} from "../../app/ports/peppol-inbox.ts";
import { receivedResponseOf } from "../../app/received-response.ts";
import { documentTypeParts } from "../../core/peppol/peppol-identifiers.ts";
import { readPeppolResponse } from "../../documents/peppol/responses/read-peppol-response.ts";
import type { SbdhDocument } from "../../documents/peppol/sbdh/read-sbdh.ts";
import { canonicalize } from "../../documents/peppol/xml/canonicalize.ts";
import { parseXmlTree } from "../../documents/peppol/xml/parse-xml-tree.ts";
import type { XmlTreeElement } from "../../documents/peppol/xml/xml-tree.ts";
import { readUblElement } from "../../documents/ubl/read-ubl.ts";
import type { Finding } from "../../documents/validation/finding.ts";
import { validateUblSyntax } from "../../documents/validation/syntax/validate-ubl-syntax.ts";
import { validateDocument } from "../../documents/validation/validate-document.ts";

/** What the receiver makes of a received document: its kind, the verdict on it, and the status it carries. */
export interface ReceivedDocument {
  readonly kind: ReceivedDocumentKind;
  readonly validation: ReceivedValidation;
  /** A status message (MLS, MLR, Invoice Response) read, without the carrying message's id and time. */
  readonly response?: Omit<ReceivedPeppolResponse, "messageId" | "receivedAt">;
}

const KEPT_FINDINGS = 20;
const NOT_VALIDATED: ReceivedValidation = { status: "not-validated", fatal: 0, warnings: 0, findings: [] };

function verdict(findings: readonly Finding[]): ReceivedValidation {
  const fatal = findings.filter((finding) => finding.severity === "fatal");
  return {
    status: fatal.length === 0 ? "valid" : "invalid",
    fatal: fatal.length,
    warnings: findings.length - fatal.length,
    findings: fatal.slice(0, KEPT_FINDINGS).map(({ rule, message }) => ({ rule, message })),
  };
}

function invalid(rule: string, message: string): ReceivedValidation {
  return { status: "invalid", fatal: 1, warnings: 0, findings: [{ rule, message }] };
}

/** The business message as a standalone document: exclusive canonical form declares every namespace it uses. */
function businessMessageXml(document: Buffer): string | undefined {
  const tree = parseXmlTree(document);
  if (!tree.ok) return undefined;
  const [, payload] = tree.value.root.children.filter((n): n is XmlTreeElement => n.kind === "element");
  return payload ? canonicalize(payload, { mode: "exclusive" }) : undefined;
}

/**
 * Sorts a received SBDH by its document type: invoices and credit notes are read and checked against EN 16931 and
 * Peppol BIS (the verdict is kept; a received invoice is never refused at the transport level for its content, that
 * is the Message Level Status's business), status messages (MLS, MLR, Invoice Response) are read for their status,
 * other documents are kept as they are.
 */
export function classifyReceivedDocument(sbdh: SbdhDocument, document: Buffer): ReceivedDocument {
  const localName = documentTypeParts(sbdh.header.documentType.value)?.localName;
  if (localName === "Invoice" || localName === "CreditNote") {
    const kind = localName === "Invoice" ? "invoice" : "credit-note";
    const read = readUblElement(sbdh.businessMessage);
    if (!read.ok) return { kind, validation: invalid("XML", `${read.error.code}: ${read.error.message}`) };
    return {
      kind,
      validation: verdict([...validateDocument(read.value), ...validateUblSyntax(sbdh.businessMessage)]),
    };
  }
  if (localName !== "ApplicationResponse") return { kind: "other", validation: NOT_VALIDATED };
  const xml = businessMessageXml(document);
  const response = xml === undefined ? undefined : readPeppolResponse(xml);
  if (!response?.ok)
    return {
      kind: "status-response",
      validation: invalid("RESPONSE", response ? response.error : "the business message cannot be read"),
    };
  return {
    kind: "status-response",
    validation: { status: "valid", fatal: 0, warnings: 0, findings: [] },
    response: receivedResponseOf(response.value),
  };
}
