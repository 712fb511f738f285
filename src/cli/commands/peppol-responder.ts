import type { Kysely } from "kysely";
import type { Config } from "../../app/config.ts";
import { deliverySettingsFrom } from "../../app/delivery-settings.ts";
import type { MessageArchive } from "../../app/ports/message-archive.ts";
import { uuidV7 } from "../../core/identifiers/uuid-v7.ts";
import type { OutgoingResponse } from "../../core/peppol/outgoing-response.ts";
import { serviceProviderParticipant } from "../../core/peppol/service-provider-id.ts";
import { peppolResponseWriter } from "../../documents/peppol/responses/peppol-response-writer.ts";
import {
  createReceivedMessageResponder,
  type ReceivedMessageResponder,
} from "../../peppol/receiver/answer-received-message.ts";
import type { Database } from "../../store/database.ts";
import { createPeppolResponseOutbox } from "../../store/peppol-response-outbox/create-peppol-response-outbox.ts";

/** The receiver's follow-up (MLS, received invoices' facts) over the open database, as `peppol serve` runs it. */
export function receivedMessageResponder(
  config: Config,
  db: Kysely<Database>,
  archive: MessageArchive,
  seatId: string,
): ReceivedMessageResponder {
  return createReceivedMessageResponder({
    outbox: createPeppolResponseOutbox(db),
    archive,
    writer: peppolResponseWriter,
    serviceProvider: serviceProviderParticipant(seatId),
    retentionYears: deliverySettingsFrom(config).retentionYears,
    now: () => new Date(),
    newId: uuidV7,
  });
}

/** What was answered, in one short cell: `MLS AP delivered; IR UQ queued`. */
export function answeredCell(responses: readonly OutgoingResponse[]): string {
  if (responses.length === 0) return "-";
  return responses.map((r) => `${r.kind === "mls" ? "MLS" : "IR"} ${r.responseCode} ${r.state}`).join("; ");
}
