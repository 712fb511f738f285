import { retainUntil } from "../core/delivery/retain-until.ts";
import type { OutgoingResponse } from "../core/peppol/outgoing-response.ts";
import type { ArchivedObject } from "./ports/message-archive.ts";
import type { PeppolResponseUnit } from "./ports/peppol-response-outbox.ts";

/** The job that sends one outgoing status message over AS4. */
export const PEPPOL_RESPOND_JOB = "peppol-respond";

/** The fields of a response to queue; the rest starts empty. */
export type NewOutgoingResponse = Omit<
  OutgoingResponse,
  | "state"
  | "attempts"
  | "firstAttemptAt"
  | "request"
  | "receiptSha256"
  | "outcome"
  | "createdAt"
  | "updatedAt"
  | "messageId"
>;

/** A new response, queued now; its MessageId is derived from its id, so every attempt carries the same one. */
export function newOutgoingResponse(fields: NewOutgoingResponse, at: Date): OutgoingResponse {
  return {
    ...fields,
    messageId: `${fields.id}@facteur`,
    state: "queued",
    attempts: 0,
    firstAttemptAt: null,
    request: null,
    receiptSha256: null,
    outcome: null,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Writes a response and its `peppol-respond` job in the caller's transaction, with its archived payload indexed for
 * retention. A response whose key exists (the MLS of a document already answered) writes nothing: false.
 */
export async function queuePeppolResponse(
  unit: PeppolResponseUnit,
  response: OutgoingResponse,
  payload: ArchivedObject,
  retentionYears: number,
): Promise<boolean> {
  const at = response.createdAt;
  if (!(await unit.createResponse(response))) return false;
  await unit.indexArchived(payload, retainUntil(at, retentionYears), at);
  await unit.enqueue(
    [
      {
        key: `${PEPPOL_RESPOND_JOB}:${response.id}`,
        kind: PEPPOL_RESPOND_JOB,
        payload: { responseId: response.id },
        runAt: at,
      },
    ],
    at,
  );
  return true;
}
