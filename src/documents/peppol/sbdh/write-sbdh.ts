import { PEPPOL_PARTICIPANT_SCHEME } from "../../../core/identifiers/peppol-id.ts";
import {
  DOCUMENT_TYPE_SCHEME,
  documentTypeParts,
  isParticipantValue,
  PROCESS_SCHEME,
} from "../../../core/peppol/peppol-identifiers.ts";
import type { MlsType } from "../../../core/peppol/sbdh-header.ts";
import { err, ok, type Result } from "../../../core/result.ts";
import { DEFAULT_MAX_XML_BYTES, decodeXmlInput } from "../../ubl/decode-xml-input.ts";
import { parseXml } from "../../ubl/parse-xml.ts";
import { SBDH_HEADER_VERSION, SBDH_NS } from "./sbdh-namespaces.ts";

/** What the envelope states; Standard, Type and TypeVersion are derived from the document type. */
export interface SbdhWriteInput {
  /** C1 and C4 participant values, `ICD:value`. */
  readonly sender: string;
  readonly receiver: string;
  /** A `busdox-docid-qns` document type value, e.g. {@link BIS_INVOICE_DOCUMENT_TYPE}. */
  readonly documentType: string;
  readonly process: string;
  readonly countryC1: string;
  /** A fresh UUID per message: MLS and duplicate detection refer to it. */
  readonly instanceIdentifier: string;
  readonly creationDateTime: Date;
  readonly mlsTo?: string;
  readonly mlsType?: MlsType;
}

function escapeXml(value: string): string {
  return value.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);
}

function scope(type: string, instance: string, identifier?: string): string {
  const scheme = identifier === undefined ? "" : `<sh:Identifier>${escapeXml(identifier)}</sh:Identifier>`;
  return `<sh:Scope><sh:Type>${type}</sh:Type><sh:InstanceIdentifier>${escapeXml(instance)}</sh:InstanceIdentifier>${scheme}</sh:Scope>`;
}

function inputProblem(input: SbdhWriteInput): string | undefined {
  for (const [name, value] of [
    ["sender", input.sender],
    ["receiver", input.receiver],
    ["mlsTo", input.mlsTo],
  ] as const)
    if (value !== undefined && !isParticipantValue(value))
      return `${name} "${value}" is not a participant identifier`;
  if (!/^[A-Z0-9]{2}$/.test(input.countryC1)) return `countryC1 "${input.countryC1}" is not a country code`;
  if (input.instanceIdentifier.trim() === "") return "the instance identifier is empty";
  if (Number.isNaN(input.creationDateTime.getTime())) return "the creation date and time is not a date";
  return undefined;
}

/**
 * Wraps an XML business document (a UBL invoice) in a Peppol Business Message Envelope (SBDH 2.0). The SBDH
 * elements carry the `sh:` prefix so that the payload's own default namespace can never be confused with theirs.
 * The payload's root must match the document type (namespace and element name); its XML declaration is dropped
 * and the rest is kept byte for byte. Returns UTF-8 octets.
 */
export function writeSbdh(input: SbdhWriteInput, payload: string | Buffer): Result<Buffer, string> {
  const problem = inputProblem(input);
  if (problem !== undefined) return err(problem);
  const parts = documentTypeParts(input.documentType);
  if (!parts) return err(`"${input.documentType}" is not a busdox-docid-qns document type identifier`);
  const text = decodeXmlInput(payload, DEFAULT_MAX_XML_BYTES);
  if (!text.ok) return err(`the payload cannot be read: ${text.error.message}`);
  const root = parseXml(text.value);
  if (!root.ok) return err(`the payload cannot be read: ${root.error.message}`);
  if (root.value.ns !== parts.rootNamespace || root.value.name !== parts.localName)
    return err(`the payload is {${root.value.ns}}${root.value.name}, not what the document type names`);
  const body = text.value.replace(/^\s*<\?xml[^?]*\?>\s*/, "");
  const header = [
    `<sh:HeaderVersion>${SBDH_HEADER_VERSION}</sh:HeaderVersion>`,
    `<sh:Sender><sh:Identifier Authority="${PEPPOL_PARTICIPANT_SCHEME}">${escapeXml(input.sender)}</sh:Identifier></sh:Sender>`,
    `<sh:Receiver><sh:Identifier Authority="${PEPPOL_PARTICIPANT_SCHEME}">${escapeXml(input.receiver)}</sh:Identifier></sh:Receiver>`,
    "<sh:DocumentIdentification>",
    `<sh:Standard>${escapeXml(parts.rootNamespace)}</sh:Standard>`,
    `<sh:TypeVersion>${escapeXml(parts.version)}</sh:TypeVersion>`,
    `<sh:InstanceIdentifier>${escapeXml(input.instanceIdentifier)}</sh:InstanceIdentifier>`,
    `<sh:Type>${escapeXml(parts.localName)}</sh:Type>`,
    `<sh:CreationDateAndTime>${input.creationDateTime.toISOString()}</sh:CreationDateAndTime>`,
    "</sh:DocumentIdentification>",
    "<sh:BusinessScope>",
    scope("DOCUMENTID", input.documentType, DOCUMENT_TYPE_SCHEME),
    scope("PROCESSID", input.process, PROCESS_SCHEME),
    scope("COUNTRY_C1", input.countryC1),
    input.mlsTo === undefined ? "" : scope("MLS_TO", input.mlsTo, PEPPOL_PARTICIPANT_SCHEME),
    input.mlsType === undefined ? "" : scope("MLS_TYPE", input.mlsType),
    "</sh:BusinessScope>",
  ].join("");
  const document = `<?xml version="1.0" encoding="UTF-8"?>\n<sh:StandardBusinessDocument xmlns:sh="${SBDH_NS}"><sh:StandardBusinessDocumentHeader>${header}</sh:StandardBusinessDocumentHeader>\n${body}\n</sh:StandardBusinessDocument>\n`;
  return ok(Buffer.from(document, "utf8"));
}
