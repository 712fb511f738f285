import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import type { BounceSettings } from "../../../src/app/bounce-settings.ts";
import type { HandleBounceDeps } from "../../../src/app/handle-bounce.ts";
import type { MessageArchive } from "../../../src/app/ports/message-archive.ts";
import type { InvoiceRouter } from "../../../src/app/route-invoice.ts";
import { sendInvoices } from "../../../src/app/send-invoices.ts";
import { createLocalArchive } from "../../../src/archive/local-archive.ts";
import type { Customer } from "../../../src/core/customer/customer.ts";
import type { Recipient } from "../../../src/core/customer/recipient.ts";
import type { Delivery } from "../../../src/core/delivery/delivery.ts";
import { createBounceReader } from "../../../src/mail/intake/create-bounce-reader.ts";
import { verpReturnPath } from "../../../src/mail/verp/verp-token.ts";
import { createBounceStore } from "../../../src/store/bounces/create-bounce-store.ts";
import type { Database } from "../../../src/store/database.ts";
import { createDeliveryStore } from "../../../src/store/deliveries/create-delivery-store.ts";
import { customer, invoice, recipient, seed } from "../../delivery/support/delivery-fixtures.ts";
import { routeByPreference } from "../../support/route-by-preference.ts";

export const VERP_SECRET = "bounce-test-secret-0123456789";
export const BOUNCE_DOMAIN = "bounces.seller.test";
export const SENT_AT = new Date("2026-12-01T08:00:00.000Z");

export const SETTINGS: BounceSettings = {
  bounceDomain: BOUNCE_DOMAIN,
  softRetry: { afterMs: 6 * 3_600_000, max: 2 },
  retentionYears: 10,
};

/** The VERP return path of a delivery, as the composer writes it. */
export function returnPathOf(deliveryId: string): string {
  return verpReturnPath(deliveryId, { secret: VERP_SECRET, bounceDomain: BOUNCE_DOMAIN });
}

/** Handling dependencies over `db`, with a fresh archive and a clock the test moves. */
export function bounceDeps(
  db: Kysely<Database>,
  clock: { now: Date },
  overrides: Partial<HandleBounceDeps> = {},
): HandleBounceDeps & { readonly archive: MessageArchive } {
  return {
    store: createBounceStore(db),
    archive: createLocalArchive(mkdtempSync(join(tmpdir(), "facteur-bounces-"))),
    reader: createBounceReader([VERP_SECRET]),
    settings: SETTINGS,
    now: () => clock.now,
    newId: randomUUID,
    actor: "intake:test",
    ...overrides,
  };
}

/** Handling dependencies that try the customer's other recipients at once after a bounce (`tryOtherRecipients`). */
export function tryOthersDeps(db: Kysely<Database>, clock: { now: Date }) {
  return bounceDeps(db, clock, {
    settings: { ...SETTINGS, tryOtherRecipients: true },
    newMessageId: () => `${randomUUID()}@seller.test`,
  });
}

export interface SentInvoice {
  readonly number: string;
  readonly recipients: readonly Recipient[];
  readonly deliveries: readonly Delivery[];
}

/**
 * Seeds a customer with `emails` as recipients (the first as invoice mailbox unless `persons`), issues one invoice,
 * queues it with sendInvoices and records every delivery as archived and accepted by the relay at `at`.
 */
export async function sentInvoice(
  db: Kysely<Database>,
  archive: MessageArchive,
  options: {
    readonly number: string;
    readonly emails: readonly string[];
    readonly persons?: boolean;
    readonly accept?: boolean;
    /** When it was sent and accepted (at unless given). */
    readonly at?: Date;
    /** The customer's own fields (a Belgian business: its enterprise and VAT numbers). */
    readonly customer?: Partial<Customer>;
    /** The router `send` uses; by the customer's preference unless given. */
    readonly route?: InvoiceRouter;
  },
): Promise<SentInvoice> {
  const at = options.at ?? SENT_AT;
  const customerNumber = `K-${options.number}`;
  const recipients = options.emails.map((email, i) =>
    recipient(customerNumber, options.persons === true || i > 0 ? "person" : "invoice-mailbox", email),
  );
  await seed(db, {
    customers: [customer(customerNumber, options.customer)],
    recipients,
    invoices: [invoice(options.number, customerNumber)],
  });
  const store = createDeliveryStore(db);
  await sendInvoices(
    {
      store,
      now: () => at,
      newId: randomUUID,
      newMessageId: () => `${randomUUID()}@seller.test`,
      route: options.route ?? routeByPreference,
    },
    { selection: { kind: "numbers", numbers: [options.number] }, actor: "test" },
  );
  const queued = await store.deliveriesOfInvoice(options.number);
  if (options.accept === false) return { number: options.number, recipients, deliveries: queued };
  for (const d of queued) {
    const object = await archive.put(Buffer.from(`Message-ID: <${d.messageId}>\r\n\r\nbody ${d.id}\r\n`));
    await store.transaction(async (unit) => {
      await unit.indexArchived(object, "2036-12-01", at);
      await unit.changeDelivery({
        deliveryId: d.id,
        event: "archive",
        from: "queued",
        to: "queued",
        at: at,
        actor: "test",
        evidence: { sha256: object.sha256 },
        set: { archive: { object, envelopeFrom: returnPathOf(d.id) } },
      });
      await unit.changeDelivery({
        deliveryId: d.id,
        event: "accept",
        from: "queued",
        to: "accepted",
        at: at,
        actor: "test",
        evidence: {
          reply: { code: 250, enhanced: "2.0.0", text: "Ok: queued as 4ABCDEF123" },
          queueId: "4ABCDEF123",
        },
        set: {
          attempts: 1,
          firstAttemptAt: at,
          nextAttemptAt: null,
          lastReply: {
            code: 250,
            enhanced: "2.0.0",
            text: "Ok: queued as 4ABCDEF123",
            queueId: "4ABCDEF123",
          },
          acceptedAt: at,
        },
      });
    });
  }
  return { number: options.number, recipients, deliveries: await store.deliveriesOfInvoice(options.number) };
}
