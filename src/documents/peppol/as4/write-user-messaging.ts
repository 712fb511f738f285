import { DOCUMENT_TYPE_SCHEME, PROCESS_SCHEME } from "../../../core/peppol/peppol-identifiers.ts";
import { escapeXml } from "../xmldsig/escape-xml.ts";
import { WSU_NS } from "../xmldsig/xmldsig-algorithms.ts";
import { EBMS_NS } from "./as4-namespaces.ts";
import {
  GZIP_MIME_TYPE,
  INITIATOR_ROLE,
  PARTICIPANT_PROPERTY_TYPE,
  PEPPOL_AGREEMENT,
  PEPPOL_AP_PARTY_TYPE,
  RESPONDER_ROLE,
} from "./as4-profile.ts";

/** What the eb:Messaging header of a Peppol user message states. */
export interface UserMessagingSpec {
  readonly messagingId: string;
  readonly messageId: string;
  readonly timestamp: Date;
  readonly fromParty: string;
  readonly toParty: string;
  readonly process: string;
  readonly documentType: string;
  readonly conversationId: string;
  readonly originalSender: string;
  readonly finalRecipient: string;
  readonly contentId: string;
}

function party(element: "From" | "To", id: string, role: string): string {
  return `<eb:${element}><eb:PartyId type="${PEPPOL_AP_PARTY_TYPE}">${escapeXml(id)}</eb:PartyId><eb:Role>${role}</eb:Role></eb:${element}>`;
}

function property(name: string, value: string, type?: string): string {
  const typed = type === undefined ? "" : ` type="${type}"`;
  return `<eb:Property name="${name}"${typed}>${escapeXml(value)}</eb:Property>`;
}

/**
 * Writes the eb:Messaging header of a Peppol AS4 user message: AP seat ids as parties, the process as Service (type
 * cenbii-procid-ubl), the document type as Action (with its busdox-docid-qns scheme), originalSender and
 * finalRecipient (C1 and C4), and one gzip-compressed XML payload part. The S12 prefix must be in scope.
 */
export function writeUserMessaging(spec: UserMessagingSpec): string {
  return [
    `<eb:Messaging xmlns:eb="${EBMS_NS}" xmlns:wsu="${WSU_NS}" S12:mustUnderstand="true" wsu:Id="${spec.messagingId}">`,
    "<eb:UserMessage><eb:MessageInfo>",
    `<eb:Timestamp>${spec.timestamp.toISOString()}</eb:Timestamp>`,
    `<eb:MessageId>${escapeXml(spec.messageId)}</eb:MessageId>`,
    "</eb:MessageInfo><eb:PartyInfo>",
    party("From", spec.fromParty, INITIATOR_ROLE),
    party("To", spec.toParty, RESPONDER_ROLE),
    "</eb:PartyInfo><eb:CollaborationInfo>",
    `<eb:AgreementRef>${PEPPOL_AGREEMENT}</eb:AgreementRef>`,
    `<eb:Service type="${PROCESS_SCHEME}">${escapeXml(spec.process)}</eb:Service>`,
    `<eb:Action>${escapeXml(`${DOCUMENT_TYPE_SCHEME}::${spec.documentType}`)}</eb:Action>`,
    `<eb:ConversationId>${escapeXml(spec.conversationId)}</eb:ConversationId>`,
    "</eb:CollaborationInfo><eb:MessageProperties>",
    property("originalSender", spec.originalSender, PARTICIPANT_PROPERTY_TYPE),
    property("finalRecipient", spec.finalRecipient, PARTICIPANT_PROPERTY_TYPE),
    "</eb:MessageProperties><eb:PayloadInfo>",
    `<eb:PartInfo href="cid:${escapeXml(spec.contentId)}"><eb:PartProperties>`,
    property("MimeType", "application/xml"),
    property("CompressionType", GZIP_MIME_TYPE),
    "</eb:PartProperties></eb:PartInfo></eb:PayloadInfo>",
    "</eb:UserMessage></eb:Messaging>",
  ].join("");
}
