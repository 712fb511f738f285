import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { InboxRecordOutcome, ReceivedPeppolMessage } from "../../../src/app/ports/peppol-inbox.ts";
import { receivedResponseOf } from "../../../src/app/received-response.ts";
import { readPeppolResponse } from "../../../src/documents/peppol/responses/read-peppol-response.ts";
import type { Database } from "../../../src/store/database.ts";
import { createPeppolInbox } from "../../../src/store/peppol-inbox/peppol-inbox-repository.ts";

/** Where a received status message came from; unless told otherwise an Invoice Response to the seller, via PBE000001. */
export type StatusEnvelope = Pick<ReceivedPeppolMessage, "sender" | "receivedAt"> &
  Partial<
    Pick<ReceivedPeppolMessage, "messageId" | "receiver" | "documentType" | "process" | "senderAccessPoint">
  >;

/** A received status message as the AS4 receiver hands it to the inbox: a valid document, with `envelope` over the defaults. */
export function receivedStatusMessage(envelope: StatusEnvelope): ReceivedPeppolMessage {
  return {
    messageId: `${randomUUID()}@ap.test`,
    instanceId: randomUUID(),
    receiver: "0208:0123456749",
    documentType:
      "urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2::ApplicationResponse##x::2.1",
    process: "urn:fdc:peppol.eu:poacc:bis:invoice_response:3",
    senderAccessPoint: "PBE000001",
    kind: "status-response",
    documentSha256: "a".repeat(64),
    receiptSha256: "b".repeat(64),
    validation: { status: "valid", fatal: 0, warnings: 0, findings: [] },
    ...envelope,
  };
}

/**
 * Records the status message `xml` in the inbox of `db` as the AS4 receiver would (a valid document, with its
 * response read); returns the carrying MessageId (a new one unless given) and what the inbox made of it.
 */
export async function receiveStatusResponse(
  db: Kysely<Database>,
  xml: string | Buffer,
  envelope: StatusEnvelope,
): Promise<{ readonly messageId: string; readonly outcome: InboxRecordOutcome }> {
  const read = readPeppolResponse(xml);
  if (!read.ok) throw new Error(read.error);
  const message = receivedStatusMessage(envelope);
  const outcome = await createPeppolInbox(db).record(message, {
    ...receivedResponseOf(read.value),
    messageId: message.messageId,
    receivedAt: message.receivedAt,
  });
  return { messageId: message.messageId, outcome };
}
