import type { PeppolResponse } from "../core/peppol/peppol-response.ts";
import type { ReceivedPeppolResponse } from "./ports/peppol-inbox.ts";

/**
 * A read status message as the inbox records it, without the carrying message's id and receipt time: its kind,
 * status, the reference it answers, and what orders and explains it (issue date and time, issues).
 */
export function receivedResponseOf(
  response: PeppolResponse,
): Omit<ReceivedPeppolResponse, "messageId" | "receivedAt"> {
  return {
    kind: response.kind,
    responseId: response.id,
    status: response.status,
    responseCode: response.responseCode,
    reference: response.documentReference.id,
    description: response.description,
    issueDate: response.issueDate,
    ...(response.issueTime === undefined ? {} : { issueTime: response.issueTime }),
    issues: response.issues,
  };
}
