import { AppError } from "../core/errors/app-error.ts";
import type { DeliveryStore } from "./ports/delivery-store.ts";
import { DELIVER_JOB, deliverJobKey, PEPPOL_DELIVER_JOB } from "./send-invoices.ts";

export interface ReleaseDeliveryDeps {
  readonly store: DeliveryStore;
  readonly now: () => Date;
}

/**
 * Puts a parked delivery back in the queue once an operator has fixed what made its job crash: the delivery goes
 * back to `queued` (a `release` event by `actor`, with `reason`) and its job is due at once with its crash count
 * reset. If the message was archived before the crashes, the same bytes go out. A Peppol delivery goes back to its
 * `peppol-deliver` job, whose attempt looks the buyer up again: a buyer no longer on Peppol leads to a hold, never to
 * e-mail. Fails with `invalid-state` unless the delivery is parked, `not-found` for an unknown id.
 */
export async function releaseDelivery(
  deps: ReleaseDeliveryDeps,
  options: { readonly deliveryId: string; readonly actor: string; readonly reason: string | null },
): Promise<void> {
  await deps.store.transaction(async (unit) => {
    const delivery = await unit.getDelivery(options.deliveryId);
    if (delivery === null) throw new AppError("not-found", `no delivery ${options.deliveryId}`);
    if (delivery.state !== "parked") {
      throw new AppError("invalid-state", `delivery ${delivery.id} is ${delivery.state}, not parked`);
    }
    const at = deps.now();
    const target =
      delivery.peppol !== undefined
        ? delivery.peppol.participant
        : delivery.role === "main"
          ? "main"
          : (delivery.recipients[0]?.recipientId ?? "");
    const kind = delivery.peppol === undefined ? DELIVER_JOB : PEPPOL_DELIVER_JOB;
    const released = await unit.releaseJob(
      deliverJobKey(delivery.invoiceId, delivery.round, target, kind),
      at,
    );
    if (!released)
      throw new AppError("integrity-violation", `delivery ${delivery.id} is parked but its job is not`);
    await unit.changeDelivery({
      deliveryId: delivery.id,
      event: "release",
      from: "parked",
      to: "queued",
      at,
      actor: options.actor,
      evidence: { reason: options.reason },
    });
  });
}
