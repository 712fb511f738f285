import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { handleBounce } from "../../src/app/handle-bounce.ts";
import { listUndelivered } from "../../src/app/list-undelivered.ts";
import type { ParticipantLookup, ParticipantQuery } from "../../src/app/ports/participant-directory.ts";
import { printPaperBatch } from "../../src/app/print-paper-batch.ts";
import { resendInvoice } from "../../src/app/resend-invoice.ts";
import { type InvoiceRouter, routeInvoices } from "../../src/app/route-invoice.ts";
import { channelSeller } from "../../src/core/peppol/channel-policy.ts";
import { createChannelDecisionLog } from "../../src/store/channel-decisions/channel-decision-repository.ts";
import { createDeliveryStore } from "../../src/store/deliveries/create-delivery-store.ts";
import { describeEachEngine } from "../support/databases.ts";
import { reachableLookup } from "../support/peppol/reachable-lookup.ts";
import { defaultSeller } from "../support/seller.ts";
import { bounceDeps, returnPathOf, sentInvoice, tryOthersDeps } from "./support/bounce-fixture.ts";
import { postfixDsn } from "./support/notices.ts";

const LATER = new Date("2026-12-01T08:05:00.000Z");
const ACTOR = { kind: "cli" as const, id: "alice" };
const BE_COMPANY = { enterpriseNumber: "0123456749", vatNumber: "BE0123456749" };
const PARTICIPANT = "0208:0123456749";

const REACHABLE = reachableLookup(PARTICIPANT);
const NOT_REGISTERED: ParticipantLookup = { kind: "not-registered", tried: [PARTICIPANT] };

/**
 * The router `send` and `resend` use for a Belgian VAT-registered seller whose access point is ready, over a directory
 * that answers what `answer` holds at the time of the call and counts the look-ups.
 */
interface Answer {
  current: ParticipantLookup;
  readonly asked: ParticipantQuery[];
}

function peppolRouter(answer: Answer): InvoiceRouter {
  return (invoices) =>
    routeInvoices(
      {
        seller: { country: "BE", vatStatus: "registered" },
        directory: {
          lookup: async (query) => {
            answer.asked.push(query);
            return answer.current;
          },
        },
        ownAccessPoint: "ready",
      },
      invoices,
    );
}

describeEachEngine("resend and bounce retry of an invoice that goes over Peppol", (engine) => {
  const ids = {
    newId: randomUUID,
    newMessageId: () => `${randomUUID()}@seller.test`,
    actor: ACTOR,
    now: () => LATER,
  };

  it("looks the buyer up again and queues a Peppol delivery, never an e-mail; holds it once the buyer is gone", async () => {
    const answer: Answer = { current: REACHABLE, asked: [] };
    const deps = bounceDeps(engine.db, { now: LATER });
    await sentInvoice(engine.db, deps.archive, {
      number: "PR-1",
      emails: ["ap@b2b.test"],
      customer: BE_COMPANY,
      route: peppolRouter(answer),
      accept: false,
    });
    const deliveries = createDeliveryStore(engine.db);
    const channels = (await deliveries.deliveriesOfInvoice("PR-1")).map(
      (d) =>
        `${d.round} ${d.peppol === undefined ? (d.courtesyCopy ? "courtesy e-mail" : "e-mail") : "peppol"}`,
    );
    expect(channels.sort()).toEqual(["1 courtesy e-mail", "1 peppol"]);

    const resent = await resendInvoice(
      { store: deps.store, ...ids, route: peppolRouter(answer) },
      { invoiceNumber: "PR-1", reason: "the buyer asked for it again" },
    );
    expect(resent).toMatchObject({ kind: "queued", channel: "peppol", round: 2, to: [PARTICIPANT] });
    expect(answer.asked).toHaveLength(2);
    const round2 = (await deliveries.deliveriesOfInvoice("PR-1")).filter((d) => d.round === 2);
    expect(round2).toMatchObject([
      {
        role: "main",
        recipients: [],
        peppol: { participant: PARTICIPANT },
        state: "queued",
      },
    ]);
    const jobs = await engine.db
      .selectFrom("jobs")
      .select(["kind", "key"])
      .where("key", "like", `%:${round2[0]?.invoiceId}:2:%`)
      .execute();
    expect(jobs).toEqual([
      { kind: "peppol-deliver", key: `peppol-deliver:${round2[0]?.invoiceId}:2:${PARTICIPANT}` },
    ]);
    const log = createChannelDecisionLog(engine.db);
    expect((await log.decisionsOf("PR-1")).at(-1)).toMatchObject({
      actor: "cli:alice",
      participant: PARTICIPANT,
      decision: { kind: "send", channel: "peppol" },
    });

    answer.current = NOT_REGISTERED;
    // A minute later: the latest decision is the latest in time.
    const later = new Date(LATER.getTime() + 60_000);
    const held = await resendInvoice(
      { store: deps.store, ...ids, now: () => later, route: peppolRouter(answer) },
      { invoiceNumber: "PR-1" },
    );
    expect(held).toMatchObject({ kind: "held", invoiceNumber: "PR-1", reason: "not-on-peppol" });
    expect((await deliveries.deliveriesOfInvoice("PR-1")).map((d) => d.round)).toEqual([1, 1, 2]);
    expect((await log.held({ limit: 100 })).invoices.map((i) => i.invoiceNumber)).toContain("PR-1");
  });

  it("refuses chosen e-mail recipients for an invoice that goes over Peppol, and writes nothing", async () => {
    const answer: Answer = { current: REACHABLE, asked: [] };
    const deps = bounceDeps(engine.db, { now: LATER });
    const sent = await sentInvoice(engine.db, deps.archive, {
      number: "PR-2",
      emails: ["ap@b2b.test", "jan@b2b.test"],
      customer: BE_COMPANY,
      route: peppolRouter(answer),
      accept: false,
    });
    const log = createChannelDecisionLog(engine.db);
    const before = (await log.decisionsOf("PR-2")).length;
    await expect(
      resendInvoice(
        { store: deps.store, ...ids, route: peppolRouter(answer) },
        { invoiceNumber: "PR-2", recipientIds: [sent.recipients[1]?.id ?? ""] },
      ),
    ).rejects.toThrow(/goes over Peppol.*not e-mailed/);
    expect((await log.decisionsOf("PR-2")).length).toBe(before);
    expect((await createDeliveryStore(engine.db).deliveriesOfInvoice("PR-2")).map((d) => d.round)).toEqual([
      1, 1,
    ]);
  });

  it("does not follow a bounced courtesy copy with an e-mail round to the customer's other recipients", async () => {
    const answer: Answer = { current: REACHABLE, asked: [] };
    const deps = tryOthersDeps(engine.db, { now: LATER });
    const sent = await sentInvoice(engine.db, deps.archive, {
      number: "PR-3",
      emails: ["dead@b2b.test", "marie@b2b.test"],
      customer: BE_COMPANY,
      route: peppolRouter(answer),
    });
    const copy = sent.deliveries.find((d) => d.courtesyCopy === true);
    if (copy === undefined) throw new Error("no courtesy copy");
    expect(copy.recipients.map((r) => r.email)).toEqual(["dead@b2b.test"]);

    const handled = await handleBounce(
      deps,
      postfixDsn({
        to: returnPathOf(copy.id),
        recipient: "dead@b2b.test",
        originalMessageId: `<${copy.messageId}>`,
      }),
      { kind: "imap", ref: null },
    );
    expect(handled).toMatchObject({ effects: ["bounced"], suspended: ["dead@b2b.test"] });
    expect(handled).not.toHaveProperty("resentTo");
    const after = await createDeliveryStore(engine.db).deliveriesOfInvoice("PR-3");
    expect(after.map((d) => d.round)).toEqual([1, 1]);
  });

  it("lists an invoice the buyer's access point refused with resend as its only action: no address fix, no paper", async () => {
    const answer: Answer = { current: REACHABLE, asked: [] };
    const deps = bounceDeps(engine.db, { now: LATER });
    await sentInvoice(engine.db, deps.archive, {
      number: "PR-4",
      emails: ["ap@b2b.test"],
      customer: BE_COMPANY,
      route: peppolRouter(answer),
      accept: false,
    });
    const store = createDeliveryStore(engine.db);
    const peppol = (await store.deliveriesOfInvoice("PR-4")).find((d) => d.peppol !== undefined);
    if (peppol === undefined) throw new Error("no Peppol delivery");
    await store.transaction((unit) =>
      unit.changeDelivery({
        deliveryId: peppol.id,
        event: "reject",
        from: "queued",
        to: "failed",
        at: LATER,
        actor: "worker:test",
        evidence: { error: { code: "EBMS:0004", detail: "unknown receiver" } },
      }),
    );
    const listed = (
      await listUndelivered({ store: deps.store, seller: channelSeller(defaultSeller()) })
    ).invoices.find((i) => i.invoiceNumber === "PR-4");
    // Seller and buyer are Belgian VAT-registered businesses: the law sends the invoice over Peppol, never on paper.
    expect(listed).toMatchObject({
      actions: ["resend"],
      reasons: [{ code: "failed", address: PARTICIPANT, text: expect.stringContaining("EBMS:0004") }],
    });
    const never = () => {
      throw new Error("nothing may be rendered for an invoice that cannot go on paper");
    };
    await expect(
      printPaperBatch(
        {
          store: deps.store,
          archive: deps.archive,
          renderer: { ubl: never, pdf: never },
          merger: { merge: never },
          seller: defaultSeller(),
          now: () => LATER,
          actor: { kind: "cli", id: "test" },
          retentionYears: 10,
        },
        ["PR-4"],
      ),
    ).rejects.toThrow(/PR-4 cannot go on paper: seller and buyer are Belgian VAT-registered businesses/);
    expect((await deps.store.paperFallbacks(["PR-4"])).size).toBe(0);
  });
});
