import { composeDelivery } from "../../src/app/compose-delivery.ts";
import { type DeliveryWorkerDeps, writeArchived } from "../../src/app/process-delivery-jobs.ts";
import type { Delivery } from "../../src/core/delivery/delivery.ts";

const PAGE = 500;

/**
 * For --pre-rendered: renders, composes, signs and archives this process's share of the queued deliveries and
 * records each archived message on its delivery with the worker's own writes, leaving their jobs queued. A worker
 * that then claims them finds the archived bytes and only submits them (as on any retry). Returns how many it did.
 */
export async function prepareShare(deps: DeliveryWorkerDeps, index: number, of: number): Promise<number> {
  const mine: Delivery[] = [];
  let after: string | undefined;
  let position = 0;
  for (;;) {
    const page = await deps.store.listDeliveries({
      state: "queued",
      limit: PAGE,
      ...(after ? { after } : {}),
    });
    for (const delivery of page.deliveries) if (position++ % of === index) mine.push(delivery);
    if (page.next === null) break;
    after = page.next;
  }
  for (let i = 0; i < mine.length; i += 32) {
    const batch = mine.slice(i, i + 32);
    const fresh = await Promise.all(
      batch.map(async (delivery) => {
        const message = await composeDelivery(deps, delivery);
        return { object: await deps.archive.put(message.raw), envelopeFrom: message.envelope.from };
      }),
    );
    const at = deps.now();
    await deps.store.transaction(async (unit) => {
      for (const [k, delivery] of batch.entries()) {
        const archived = fresh[k];
        if (archived !== undefined) await writeArchived(unit, deps, delivery, archived, at);
      }
    });
  }
  return mine.length;
}
