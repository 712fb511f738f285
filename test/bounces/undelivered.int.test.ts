import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { failureDigest } from "../../src/app/failure-digest.ts";
import { handleBounce } from "../../src/app/handle-bounce.ts";
import { listUndelivered } from "../../src/app/list-undelivered.ts";
import { printPaperBatch } from "../../src/app/print-paper-batch.ts";
import { proveDelivery } from "../../src/app/prove-delivery.ts";
import { resendInvoice } from "../../src/app/resend-invoice.ts";
import { channelSeller } from "../../src/core/peppol/channel-policy.ts";
import { invoiceRenderer } from "../../src/documents/invoice-renderer.ts";
import { pdfPageCount, pdfText } from "../../src/documents/pdf/testing/poppler.ts";
import { pdfMerger } from "../../src/documents/print/merge-pdfs.ts";
import { renderProofPdf } from "../../src/documents/proof/render-proof-pdf.ts";
import { createStore } from "../../src/store/create-store.ts";
import { createDeliveryStore } from "../../src/store/deliveries/create-delivery-store.ts";
import { customer, invoice, recipient, SELLER, seed } from "../delivery/support/delivery-fixtures.ts";
import { describeEachEngine } from "../support/databases.ts";
import { routeByPreference } from "../support/route-by-preference.ts";
import { bounceDeps, returnPathOf, SENT_AT, sentInvoice } from "./support/bounce-fixture.ts";
import { postfixDsn } from "./support/notices.ts";

const LATER = new Date("2026-12-01T08:05:00.000Z");
const ACTOR = { kind: "cli" as const, id: "alice" };

describeEachEngine("undelivered queue, resend, paper, digest and proof", (engine) => {
  it("lists bounced and unsendable invoices with reasons and actions, and drops them once resent or printed", async () => {
    const clock = { now: LATER };
    const deps = bounceDeps(engine.db, clock);
    const bounced = await sentInvoice(engine.db, deps.archive, {
      number: "U-1",
      emails: ["nobody@client.test", "alice@client.test"],
    });
    await sentInvoice(engine.db, deps.archive, { number: "U-2", emails: ["fine@client.test"] });
    await seed(engine.db, {
      customers: [customer("K-U-3")],
      recipients: [
        {
          ...recipient("K-U-3", "invoice-mailbox", "old@client.test"),
          status: "suspended",
          statusReason: "left",
        },
      ],
      invoices: [invoice("U-3", "K-U-3")],
    });
    const delivery = bounced.deliveries[0];
    if (delivery === undefined) throw new Error("no delivery");
    await handleBounce(
      deps,
      postfixDsn({
        to: returnPathOf(delivery.id),
        recipient: "nobody@client.test",
        originalMessageId: `<${delivery.messageId}>`,
      }),
      { kind: "imap", ref: null },
    );

    const page = await listUndelivered({ store: deps.store, seller: channelSeller(SELLER) });
    expect(page.invoices.map((i) => [i.invoiceNumber, i.status])).toEqual([
      ["U-1", "failed"],
      ["U-3", "no-recipient"],
    ]);
    const u1 = page.invoices[0];
    expect(u1?.reasons).toEqual([
      expect.objectContaining({
        code: "bounced",
        address: "nobody@client.test",
        status: "5.1.1",
        reason: "userunknown",
        text: expect.stringContaining("User unknown"),
      }),
    ]);
    expect(u1?.alternatives.map((a) => [a.email, a.status])).toEqual([["alice@client.test", "active"]]);
    expect(u1?.actions).toEqual(["fix-address", "other-recipient", "paper"]);
    expect(page.invoices[1]?.reasons[0]?.text).toContain("suspended");

    const ids = {
      newId: randomUUID,
      newMessageId: () => `${randomUUID()}@seller.test`,
      actor: ACTOR,
      now: () => clock.now,
      route: routeByPreference,
    };
    const nobody = bounced.recipients[0];
    if (nobody === undefined) throw new Error("no recipient");
    const resent = await resendInvoice(
      { store: deps.store, ...ids },
      {
        invoiceNumber: "U-1",
        fix: { recipientId: nobody.id, email: "somebody@client.test" },
        reason: "the customer gave a new address",
      },
    );
    expect(resent).toMatchObject({ round: 2, to: ["somebody@client.test"] });
    const registry = createStore(engine.db);
    expect((await registry.listRecipients("K-U-1")).find((r) => r.id === nobody.id)).toMatchObject({
      email: "somebody@client.test",
      status: "active",
    });
    const audit = await registry.history({ type: "recipient", id: nobody.id });
    expect(audit.slice(-3).map((a) => [a.field, a.newValue, a.actor.id, a.reason])).toEqual([
      ["email", "somebody@client.test", "alice", "the customer gave a new address"],
      ["status", "active", "alice", "the customer gave a new address"],
      ["statusReason", null, "alice", "the customer gave a new address"],
    ]);
    const jobs = await createDeliveryStore(engine.db).countJobs();
    expect(jobs.queued).toBeGreaterThanOrEqual(1);
    expect(
      (await listUndelivered({ store: deps.store, seller: channelSeller(SELLER) })).invoices.map(
        (i) => i.invoiceNumber,
      ),
    ).toEqual(["U-3"]);

    await expect(
      resendInvoice({ store: deps.store, ...ids }, { invoiceNumber: "U-3", recipientIds: [] }),
    ).rejects.toThrow(/no active invoice-mailbox or person/);

    const batch = await printPaperBatch(
      {
        store: deps.store,
        archive: deps.archive,
        renderer: invoiceRenderer,
        merger: pdfMerger,
        seller: SELLER,
        now: () => clock.now,
        actor: ACTOR,
        retentionYears: 10,
      },
      ["U-3", "U-2"],
    );
    expect(pdfPageCount(batch.pdf)).toBe(2);
    expect(pdfText(batch.pdf, 1)).toContain("U-3");
    expect(pdfText(batch.pdf, 2)).toContain("U-2");
    expect((await deps.archive.get(batch.sha256))?.equals(batch.pdf)).toBe(true);
    expect((await listUndelivered({ store: deps.store, seller: channelSeller(SELLER) })).invoices).toEqual(
      [],
    );
  });

  it("digests new failures once, and proves what happened to an invoice with its evidence", async () => {
    const clock = { now: LATER };
    const deps = bounceDeps(engine.db, clock);
    const sent = await sentInvoice(engine.db, deps.archive, { number: "P-1", emails: ["gone@client.test"] });
    const ok = await sentInvoice(engine.db, deps.archive, { number: "P-2", emails: ["here@client.test"] });
    const delivery = sent.deliveries[0];
    if (delivery === undefined) throw new Error("no delivery");
    await handleBounce(
      deps,
      postfixDsn({
        to: returnPathOf(delivery.id),
        recipient: "gone@client.test",
        originalMessageId: `<${delivery.messageId}>`,
      }),
      { kind: "imap", ref: null },
    );
    const digestDeps = { store: deps.store, now: () => new Date(LATER.getTime() + 60_000) };
    const digest = await failureDigest(digestDeps, {
      since: SENT_AT,
      mark: true,
      name: `owner-${engine.dialect}`,
    });
    const mine = digest.entries.filter((e) => e.invoiceNumber === "P-1");
    expect(mine).toEqual([
      expect.objectContaining({
        address: "gone@client.test",
        what: "bounced",
        detail: expect.stringContaining("5.1.1 userunknown"),
      }),
    ]);
    expect(digest.text).toContain("Invoice P-1 - customer K-P-1");
    expect(digest.text).toContain("facteur undelivered list");
    const next = await failureDigest(
      { store: deps.store, now: () => new Date(LATER.getTime() + 120_000) },
      { name: `owner-${engine.dialect}` },
    );
    expect(next.entries).toEqual([]);
    expect(next.text).toContain("no new delivery failure");

    const threeDays = new Date(SENT_AT.getTime() + 3 * 86_400_000);
    const proof = await proveDelivery({ store: deps.store, now: () => threeDays }, "P-2");
    expect(proof).toMatchObject({
      verdict: "delivered",
      confidence: "high",
      summary: { status: "sent", mainRecipientHasIt: "likely" },
    });
    expect(proof.explanation).toContain("accepted by the relay 3 days ago and no bounce since");
    expect(proof.recipients[0]?.archive?.sha256).toBe(ok.deliveries[0]?.archive?.sha256);
    const bouncedProof = await proveDelivery({ store: deps.store, now: () => threeDays }, "P-1");
    expect(bouncedProof).toMatchObject({ verdict: "bounced", confidence: "certain" });
    const pdf = await renderProofPdf(bouncedProof);
    const text = pdfText(pdf);
    expect(text).toContain("Proof of delivery - invoice P-1");
    expect(text).toContain("gone@client.test");
    expect(text).toContain("accepted by the relay");
    expect(text).toContain("5.1.1");
    await expect(proveDelivery({ store: deps.store, now: () => threeDays }, "NOPE")).rejects.toThrow(
      /no invoice NOPE/,
    );
  });
});
