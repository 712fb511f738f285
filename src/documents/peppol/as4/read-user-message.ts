import { err, ok, type Result } from "../../../core/result.ts";
import { treeAttribute, treeChild, treeChildren, treeText, type XmlTreeElement } from "../xml/xml-tree.ts";
import { EBMS_NS, SOAP12_NS } from "./as4-namespaces.ts";

/** One eb:PartInfo: the attachment it names and its PartProperties. */
export interface UserMessagePart {
  readonly contentId: string;
  readonly properties: ReadonlyMap<string, string>;
}

/** What the eb:UserMessage header of a received message states. */
export interface UserMessageMetadata {
  readonly messageId: string;
  readonly timestamp: string;
  readonly fromParty: string;
  readonly fromPartyType: string | undefined;
  readonly toParty: string;
  readonly toPartyType: string | undefined;
  readonly agreementRef: string | undefined;
  readonly service: string;
  readonly serviceType: string | undefined;
  readonly action: string;
  readonly conversationId: string;
  /** MessageProperties by name: originalSender and finalRecipient for Peppol. */
  readonly properties: ReadonlyMap<string, string>;
  readonly parts: readonly UserMessagePart[];
}

function text(parent: XmlTreeElement | undefined, path: readonly string[]): string | undefined {
  let element = parent;
  for (const name of path) element = treeChild(element, EBMS_NS, name);
  const value = element ? treeText(element).trim() : "";
  return value === "" ? undefined : value;
}

function properties(parent: XmlTreeElement | undefined): Map<string, string> {
  const found = new Map<string, string>();
  for (const property of treeChildren(parent, EBMS_NS, "Property")) {
    const name = treeAttribute(property, "", "name");
    if (name !== undefined) found.set(name, treeText(property).trim());
  }
  return found;
}

/** The eb:Messaging header of a parsed SOAP envelope, when there is exactly one. */
export function messagingOf(envelope: XmlTreeElement): XmlTreeElement | undefined {
  const all = treeChildren(treeChild(envelope, SOAP12_NS, "Header"), EBMS_NS, "Messaging");
  return all.length === 1 ? all[0] : undefined;
}

/**
 * Reads the one eb:UserMessage of an AS4 envelope: message info, parties, collaboration info, message properties
 * and payload parts. A missing mandatory value, or other than exactly one UserMessage, is an error naming it.
 */
export function readUserMessage(envelope: XmlTreeElement): Result<UserMessageMetadata, string> {
  const messaging = messagingOf(envelope);
  if (!messaging) return err("the SOAP header does not hold exactly one eb:Messaging");
  const users = treeChildren(messaging, EBMS_NS, "UserMessage");
  const [user] = users;
  if (!user || users.length !== 1) return err(`eb:Messaging holds ${users.length} UserMessages, not one`);
  const collaboration = treeChild(user, EBMS_NS, "CollaborationInfo");
  const fromParty = treeChild(
    treeChild(treeChild(user, EBMS_NS, "PartyInfo"), EBMS_NS, "From"),
    EBMS_NS,
    "PartyId",
  );
  const toParty = treeChild(
    treeChild(treeChild(user, EBMS_NS, "PartyInfo"), EBMS_NS, "To"),
    EBMS_NS,
    "PartyId",
  );
  const service = treeChild(collaboration, EBMS_NS, "Service");
  const required = {
    MessageId: text(user, ["MessageInfo", "MessageId"]),
    Timestamp: text(user, ["MessageInfo", "Timestamp"]),
    "From/PartyId": fromParty ? treeText(fromParty).trim() : undefined,
    "To/PartyId": toParty ? treeText(toParty).trim() : undefined,
    Service: service ? treeText(service).trim() : undefined,
    Action: text(collaboration, ["Action"]),
    ConversationId: text(collaboration, ["ConversationId"]),
  };
  for (const [name, value] of Object.entries(required))
    if (!value) return err(`the UserMessage has no ${name}`);
  const parts: UserMessagePart[] = [];
  for (const part of treeChildren(treeChild(user, EBMS_NS, "PayloadInfo"), EBMS_NS, "PartInfo")) {
    const href = treeAttribute(part, "", "href") ?? "";
    if (!href.startsWith("cid:")) return err(`the PartInfo href "${href}" is not a cid: reference`);
    parts.push({
      contentId: href.slice(4),
      properties: properties(treeChild(part, EBMS_NS, "PartProperties")),
    });
  }
  return ok({
    messageId: required.MessageId ?? "",
    timestamp: required.Timestamp ?? "",
    fromParty: required["From/PartyId"] ?? "",
    fromPartyType: fromParty ? treeAttribute(fromParty, "", "type") : undefined,
    toParty: required["To/PartyId"] ?? "",
    toPartyType: toParty ? treeAttribute(toParty, "", "type") : undefined,
    agreementRef: text(collaboration, ["AgreementRef"]),
    service: required.Service ?? "",
    serviceType: service ? treeAttribute(service, "", "type") : undefined,
    action: required.Action ?? "",
    conversationId: required.ConversationId ?? "",
    properties: properties(treeChild(user, EBMS_NS, "MessageProperties")),
    parts,
  });
}
