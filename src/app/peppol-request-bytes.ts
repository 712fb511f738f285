import type { JsonObject, JsonValue } from "../core/audit/json-value.ts";
import type { Delivery } from "../core/delivery/delivery.ts";
import { commitEach } from "./commit-job-steps.ts";
import { PermanentFailure } from "./compose-delivery.ts";
import type { DeliverySettings } from "./delivery-settings.ts";
import type { DeliveryStore } from "./ports/delivery-store.ts";
import type { ClaimedJob } from "./ports/job-queue.ts";
import type { MessageArchive } from "./ports/message-archive.ts";
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

/** The request an earlier attempt archived for this same endpoint (URL and certificate), from the archive. */
async function previousRequest(
  deps: RequestBytesDeps,
  delivery: Delivery,
  endpoint: StoredRequest["endpoint"],
): Promise<PeppolRequestBytes | undefined> {
  const archived = delivery.archive;
  if (archived === null || archived.contentType === undefined) return undefined;
  const events = await deps.store.timeline(delivery.id);
  const last = events.findLast((e) => e.event === "archive" && e.evidence.sha256 === archived.sha256);
  const was = last?.evidence.endpoint;
  const same =
    isJsonObject(was) && was.url === endpoint.url && was.certificateSerial === endpoint.certificateSerial;
  if (!same) return undefined;
  const body = await deps.archive.get(archived.sha256);
  if (body === null) throw new Error(`archived request ${archived.sha256} is missing from the archive`);
  return { contentType: archived.contentType, body };
}

/**
 * The AS4 message one attempt posts: the bytes an earlier attempt archived for the same endpoint, or a new build
 * (same MessageId and SBDH instance id) that is archived and recorded on the delivery before it is posted, like an
 * e-mail, so that every later attempt, after a crash too, posts these same bytes and a receiver that has them answers
 * with its first receipt. Returns the bytes and the delivery as it now stands, or "lease-lost".
 */
export async function requestBytes(
  deps: RequestBytesDeps,
  job: ClaimedJob,
  delivery: Delivery,
  endpoint: StoredRequest["endpoint"],
  request: Omit<PeppolSendRequest, "previous">,
): Promise<{ readonly bytes: PeppolRequestBytes; readonly delivery: Delivery } | "lease-lost"> {
  const previous = await previousRequest(deps, delivery, endpoint);
  if (previous !== undefined) return { bytes: previous, delivery };
  const built = deps.sender.build(request);
  if (!built.ok)
    throw new PermanentFailure(
      `the AS4 message for ${delivery.invoiceNumber} cannot be built: ${built.error}`,
    );
  const stored: StoredRequest = {
    object: await deps.archive.put(built.value.body),
    contentType: built.value.contentType,
    sender: request.sbdh.sender,
    endpoint,
  };
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
  const archive = {
    ...stored.object,
    envelopeFrom: stored.sender,
    archivedAt: at,
    contentType: stored.contentType,
  };
  return { bytes: built.value, delivery: { ...delivery, archive } };
}
