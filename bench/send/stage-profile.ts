import { readFileSync } from "node:fs";
import { composeDelivery } from "../../src/app/compose-delivery.ts";
import type { Config } from "../../src/app/config.ts";
import type { InvoiceRenderer } from "../../src/app/ports/invoice-renderer.ts";
import type { MessageComposer } from "../../src/app/ports/message-composer.ts";
import type { DeliveryWorkerDeps } from "../../src/app/process-delivery-jobs.ts";
import { createLocalArchive } from "../../src/archive/local-archive.ts";
import type { Delivery } from "../../src/core/delivery/delivery.ts";
import { createMessageComposer } from "../../src/mail/compose/create-message-composer.ts";
import { createDkimSigner, signOutgoingMessage } from "../../src/mail/dkim/dkim-signer.ts";

/** CPU milliseconds per message of each stage, measured one message at a time. */
export interface StageCosts {
  readonly samples: number;
  readonly dbRead: number;
  readonly render: number;
  readonly compose: number;
  readonly sign: number;
  readonly archive: number;
  readonly submit: number;
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Measures each stage of the worker's path on `deliveries`, one message at a time so that no two stages overlap
 * (CPU time of the process is then the stage's own): reading the invoice and customer, rendering (UBL + PDF),
 * composing, DKIM signing, archiving (to a scratch archive, fsync included) and submitting to the relay. Nothing is
 * recorded on the deliveries: the main run sends them as usual. The first `warmup` deliveries are not counted.
 */
export async function profileStages(
  deps: DeliveryWorkerDeps,
  config: Config,
  deliveries: readonly Delivery[],
  scratchArchiveDir: string,
  warmup: number,
): Promise<StageCosts> {
  const totals = { dbRead: 0, render: 0, compose: 0, sign: 0, archive: 0, submit: 0 };
  let counting = false;
  const add = (stage: keyof typeof totals, since: number) => {
    if (counting) totals[stage] += cpuMs() - since;
  };
  const signer = createDkimSigner(
    [
      {
        domain: config.FACTEUR_DKIM_DOMAIN ?? "",
        selector: config.FACTEUR_DKIM_SELECTOR ?? "",
        privateKeyPem: readFileSync(config.FACTEUR_DKIM_KEY_FILE ?? "", "utf8"),
      },
    ],
    { now: deps.now },
  );
  if (!signer.ok) throw new Error(signer.error.join("; "));
  const unsigned = createMessageComposer({
    from: { name: config.FACTEUR_SELLER_NAME, address: config.FACTEUR_SELLER_EMAIL },
    verp: { secret: config.FACTEUR_VERP_SECRET ?? "", bounceDomain: config.FACTEUR_BOUNCE_DOMAIN ?? "" },
    signer: null,
    now: deps.now,
  });
  const renderer: InvoiceRenderer = {
    ubl(document) {
      const t = cpuMs();
      const result = deps.renderer.ubl(document);
      add("render", t);
      return result;
    },
    async pdf(document, options) {
      const t = cpuMs();
      const pdf = await deps.renderer.pdf(document, options);
      add("render", t);
      return pdf;
    },
  };
  const composer: MessageComposer = {
    async compose(message) {
      let t = cpuMs();
      const composed = await unsigned.compose(message);
      add("compose", t);
      t = cpuMs();
      const signed = await signOutgoingMessage(composed, signer.value);
      add("sign", t);
      return signed;
    },
  };
  const store = {
    async getInvoice(number: string) {
      const t = cpuMs();
      const invoice = await deps.store.getInvoice(number);
      add("dbRead", t);
      return invoice;
    },
    async getCustomer(number: string) {
      const t = cpuMs();
      const customer = await deps.store.getCustomer(number);
      add("dbRead", t);
      return customer;
    },
  };
  const archive = createLocalArchive(scratchArchiveDir);
  for (const [i, delivery] of deliveries.entries()) {
    counting = i >= warmup;
    const message = await composeDelivery({ ...deps, store, renderer, composer }, delivery);
    let t = cpuMs();
    await archive.put(message.raw);
    add("archive", t);
    t = cpuMs();
    const result = await deps.transport.submit(message);
    add("submit", t);
    if (result.kind !== "accepted")
      throw new Error(`the relay did not accept a sample message: ${JSON.stringify(result)}`);
  }
  const n = Math.max(1, deliveries.length - warmup);
  return {
    samples: n,
    dbRead: totals.dbRead / n,
    render: totals.render / n,
    compose: totals.compose / n,
    sign: totals.sign / n,
    archive: totals.archive / n,
    submit: totals.submit / n,
  };
}
