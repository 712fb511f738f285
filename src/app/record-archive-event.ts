import type { JsonObject } from "../core/audit/json-value.ts";
import type { Delivery } from "../core/delivery/delivery.ts";
import { retainUntil } from "../core/delivery/retain-until.ts";
import type { DeliverySettings } from "./delivery-settings.ts";
import type { DeliveryChange, DeliveryUnitOfWork } from "./ports/delivery-store.ts";

/** What a delivery keeps of its archived message: the object and the envelope it is (again) sent with. */
export type ArchiveToRecord = NonNullable<NonNullable<DeliveryChange["set"]>["archive"]>;

/**
 * The writes that record a message stored in the archive on its delivery, in the caller's transaction: the archive
 * index entry with its retention date, and the delivery's `archive` event with the hash and size as evidence, then
 * `evidence` (what the channel adds: the envelope sender, or the AS4 content type and endpoint).
 */
export async function recordArchiveEvent(
  unit: DeliveryUnitOfWork,
  deps: { readonly settings: DeliverySettings; readonly worker: string },
  delivery: Delivery,
  archive: ArchiveToRecord,
  evidence: JsonObject,
  at: Date,
): Promise<void> {
  await unit.indexArchived(archive.object, retainUntil(at, deps.settings.retentionYears), at);
  await unit.changeDelivery({
    deliveryId: delivery.id,
    event: "archive",
    from: delivery.state,
    to: delivery.state,
    at,
    actor: deps.worker,
    evidence: { sha256: archive.object.sha256, size: archive.object.size, ...evidence },
    set: { archive },
  });
}
