import type { JsonObject, JsonValue } from "../core/audit/json-value.ts";
import type { Delivery } from "../core/delivery/delivery.ts";
import { commitEach } from "./commit-job-steps.ts";
import { PermanentFailure } from "./compose-delivery.ts";
import type { DeliverySettings } from "./delivery-settings.ts";
import type { DeliveryStore } from "./ports/delivery-store.ts";
import type { ClaimedJob } from "./ports/job-queue.ts";
import type { ArchivedObject, MessageArchive } from "./ports/message-archive.ts";
import type { PeppolRequestBytes, PeppolSender, PeppolSendRequest } from "./ports/peppol-sender.ts";
import { recordRequest, type StoredRequest } from "./record-peppol-outcome.ts";

interface RequestBytesDeps {
  readonly store: DeliveryStore;
  readonly archive: MessageArchive;
  readonly sender: Pick<PeppolSender, "build">;
  readonly settings: DeliverySettings;
  readonly now: () => Date;
  readonly worker: string;
}

function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An AS4 request an earlier attempt archived: its bytes' hash and the content type it was posted with. */
export interface ArchivedRequest {
  readonly sha256: string;
  readonly contentType: string;
}

/**
 * The AS4 message one attempt posts, archived before it is posted: the bytes of the `earlier` request (archived by an
 * attempt to the same endpoint), or a new build (same MessageId and SBDH instance id) that is put in the archive and
 * given to `record` to be recorded, in a transaction fenced by the job's lease, before anything is posted; so every
 * later attempt, after a crash too, posts these same bytes and a receiver that has them answers with its first
 * receipt. Returns the bytes and what `record` returned (null when the earlier bytes are reused), or "lease-lost".
 */
export async function archiveBeforePost<R>(
  deps: { readonly archive: MessageArchive; readonly sender: Pick<PeppolSender, "build"> },
  toSend: Omit<PeppolSendRequest, "previous">,
  earlier: ArchivedRequest | undefined,
  whose: string,
  record: (object: ArchivedObject, contentType: string) => Promise<R | "lease-lost">,
): Promise<{ readonly bytes: PeppolRequestBytes; readonly recorded: R | null } | "lease-lost"> {
  if (earlier !== undefined) {
    const body = await deps.archive.get(earlier.sha256);
    if (body === null) throw new Error(`the archived request ${earlier.sha256} is missing from the archive`);
    return { bytes: { contentType: earlier.contentType, body }, recorded: null };
  }
  const built = deps.sender.build(toSend);
  if (!built.ok) throw new PermanentFailure(`the AS4 message ${whose} cannot be built: ${built.error}`);
  const recorded = await record(await deps.archive.put(built.value.body), built.value.contentType);
  return recorded === "lease-lost" ? "lease-lost" : { bytes: built.value, recorded };
}

/** The request an earlier attempt archived for this same endpoint (URL and certificate), from the delivery's timeline. */
async function previousRequest(
  deps: RequestBytesDeps,
  delivery: Delivery,
  endpoint: StoredRequest["endpoint"],
): Promise<ArchivedRequest | undefined> {
  const archived = delivery.archive;
  if (archived === null || archived.contentType === undefined) return undefined;
  const events = await deps.store.timeline(delivery.id);
  const last = events.findLast((e) => e.event === "archive" && e.evidence.sha256 === archived.sha256);
  const was = last?.evidence.endpoint;
  const same =
    isJsonObject(was) && was.url === endpoint.url && was.certificateSerial === endpoint.certificateSerial;
  return same ? { sha256: archived.sha256, contentType: archived.contentType } : undefined;
}

/**
 * The AS4 message one attempt of a Peppol delivery posts ({@link archiveBeforePost}), recorded on the delivery like an
 * e-mail (an `archive` event). Returns the bytes and the delivery as it now stands, or "lease-lost".
 */
export async function requestBytes(
  deps: RequestBytesDeps,
  job: ClaimedJob,
  delivery: Delivery,
  endpoint: StoredRequest["endpoint"],
  request: Omit<PeppolSendRequest, "previous">,
): Promise<{ readonly bytes: PeppolRequestBytes; readonly delivery: Delivery } | "lease-lost"> {
  const earlier = await previousRequest(deps, delivery, endpoint);
  const prepared = await archiveBeforePost(
    deps,
    request,
    earlier,
    `for ${delivery.invoiceNumber}`,
    async (object, contentType): Promise<Delivery | "lease-lost"> => {
      const stored: StoredRequest = { object, contentType, sender: request.sbdh.sender, endpoint };
      const at = deps.now();
      const [archived] = await commitEach(deps.store, [
        {
          job,
          run: async (unit) => {
            await recordRequest(unit, deps, delivery, stored, at);
            return null;
          },
        },
      ]);
      if (archived === "lease-lost") return "lease-lost";
      if (archived instanceof Error) throw archived;
      return {
        ...delivery,
        archive: { ...object, envelopeFrom: stored.sender, archivedAt: at, contentType },
      };
    },
  );
  if (prepared === "lease-lost") return "lease-lost";
  return { bytes: prepared.bytes, delivery: prepared.recorded ?? delivery };
}
