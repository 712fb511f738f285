import { expect, it } from "vitest";
import { handleBounce } from "../../src/app/handle-bounce.ts";
import { createStore } from "../../src/store/create-store.ts";
import { createDeliveryStore } from "../../src/store/deliveries/create-delivery-store.ts";
import { describeEachEngine } from "../support/databases.ts";
import { bounceDeps, returnPathOf, sentInvoice, tryOthersDeps } from "./support/bounce-fixture.ts";
import { autoReply, postfixDsn } from "./support/notices.ts";

const LATER = new Date("2026-12-01T08:05:00.000Z");

describeEachEngine("handleBounce", (engine) => {
  it("bounces the delivery of a hard failure, suspends the address with an audited reason, and handles the same bytes once", async () => {
    const clock = { now: LATER };
    const deps = bounceDeps(engine.db, clock);
    const sent = await sentInvoice(engine.db, deps.archive, {
      number: "B-1",
      emails: ["nobody@client.test"],
    });
    const delivery = sent.deliveries[0];
    if (delivery === undefined) throw new Error("no delivery");
    const dsn = postfixDsn({
      to: returnPathOf(delivery.id),
      recipient: "nobody@client.test",
      originalMessageId: `<${delivery.messageId}>`,
    });

    const handled = await handleBounce(deps, dsn, { kind: "imap", ref: "imap:INBOX:1:1" });

    expect(handled).toMatchObject({
      outcome: "processed",
      matchedBy: "verp",
      deliveryId: delivery.id,
      invoiceNumber: "B-1",
      effects: ["bounced"],
      suspended: ["nobody@client.test"],
    });
    const after = await createDeliveryStore(engine.db).getDelivery(delivery.id);
    expect(after?.state).toBe("bounced");
    const bounce = (await createDeliveryStore(engine.db).timeline(delivery.id)).at(-1);
    expect(bounce).toMatchObject({
      event: "bounce",
      from: "accepted",
      to: "bounced",
      actor: "intake:test",
      evidence: { status: "5.1.1", reason: "userunknown", hard: true, recipient: "nobody@client.test" },
    });
    const notice = bounce?.evidence.notice as Record<string, unknown>;
    expect(notice.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await deps.archive.get(String(notice.sha256)))?.equals(dsn)).toBe(true);
    const store = createStore(engine.db);
    const recipients = await store.listRecipients("K-B-1");
    expect(recipients[0]).toMatchObject({
      status: "suspended",
      statusReason: expect.stringContaining("User unknown"),
    });
    const history = await store.history({ type: "recipient", id: recipients[0]?.id ?? "" });
    expect(history.find((entry) => entry.action === "status")).toMatchObject({
      action: "status",
      oldValue: "active",
      newValue: "suspended",
      actor: { kind: "system", id: "intake:test" },
      reason: expect.stringContaining("5.1.1"),
    });

    const events = (await createDeliveryStore(engine.db).timeline(delivery.id)).length;
    const again = await handleBounce(deps, dsn, { kind: "imap", ref: "imap:INBOX:1:2" });
    expect(again.outcome).toBe("duplicate");
    expect(await createDeliveryStore(engine.db).timeline(delivery.id)).toHaveLength(events);
    expect((await store.history({ type: "recipient", id: recipients[0]?.id ?? "" })).length).toBe(
      history.length,
    );
    expect(await deps.store.inboundBySourceRef("imap:INBOX:1:1")).toMatchObject({ outcome: "processed" });
  });

  it("quarantines a bounce whose VERP token does not check (altered MAC, or no longer decodable), and changes nothing", async () => {
    const deps = bounceDeps(engine.db, { now: LATER });
    const sent = await sentInvoice(engine.db, deps.archive, {
      number: "B-2",
      emails: ["someone@client.test"],
    });
    const delivery = sent.deliveries[0];
    if (delivery === undefined) throw new Error("no delivery");
    const genuine = returnPathOf(delivery.id);
    const at = genuine.indexOf("@");
    const middle = at - 5;
    const flipped = genuine[middle] === "a" ? "b" : "a";
    const forged = `${genuine.slice(0, middle)}${flipped}${genuine.slice(middle + 1)}`;
    const undecodable = `${genuine.slice(0, at - 1)}${genuine[at - 1] === "a" ? "b" : "a"}${genuine.slice(at)}`;
    const before = await createDeliveryStore(engine.db).timeline(delivery.id);

    for (const [i, address] of [forged, undecodable].entries()) {
      const handled = await handleBounce(
        deps,
        postfixDsn({
          to: address,
          recipient: "someone@client.test",
          originalMessageId: `<${delivery.messageId}>`,
        }),
        { kind: "smtp", ref: `smtp:${i + 1}`, envelopeTo: [address] },
      );
      expect(handled).toMatchObject({ outcome: "quarantined", deliveryId: null, effects: [] });
    }
    expect(await createDeliveryStore(engine.db).timeline(delivery.id)).toEqual(before);
    expect((await createStore(engine.db).listRecipients("K-B-2"))[0]?.status).toBe("active");
    expect(
      (await deps.store.inboundBySha256((await deps.store.inboundBySourceRef("smtp:1"))?.sha256 ?? ""))
        ?.detail.why,
    ).toContain("forged");
  });

  it("keeps a bounce for a message facteur never sent as unmatched, and matches one without a token by its quoted Message-ID", async () => {
    const deps = bounceDeps(engine.db, { now: LATER });
    const unknown = await handleBounce(
      deps,
      postfixDsn({
        to: "bounces@bounces.seller.test",
        recipient: "x@client.test",
        originalMessageId: "<never-sent@elsewhere.test>",
      }),
      { kind: "file", ref: "never.eml" },
    );
    expect(unknown).toMatchObject({ outcome: "unmatched", deliveryId: null });
    expect(unknown.summary).toContain("never-sent@elsewhere.test");

    const sent = await sentInvoice(engine.db, deps.archive, { number: "B-3", emails: ["gone@client.test"] });
    const delivery = sent.deliveries[0];
    if (delivery === undefined) throw new Error("no delivery");
    const byId = await handleBounce(
      deps,
      postfixDsn({
        to: "bounces@bounces.seller.test",
        recipient: "gone@client.test",
        originalMessageId: `<${delivery.messageId}>`,
      }),
      { kind: "file", ref: "by-id.eml" },
    );
    expect(byId).toMatchObject({ outcome: "processed", matchedBy: "message-id", effects: ["bounced"] });
  });

  it("keeps a delayed delivery accepted with a note, and resends after a soft failure", async () => {
    const deps = bounceDeps(engine.db, { now: LATER });
    const sent = await sentInvoice(engine.db, deps.archive, { number: "B-4", emails: ["slow@client.test"] });
    const delivery = sent.deliveries[0];
    if (delivery === undefined) throw new Error("no delivery");
    const to = returnPathOf(delivery.id);
    const delayed = await handleBounce(
      deps,
      postfixDsn({
        to,
        recipient: "slow@client.test",
        action: "delayed",
        status: "4.4.1",
        diagnostic: "X-Postfix; connect to mx.client.test[192.0.2.10]:25: Connection refused",
        originalMessageId: `<${delivery.messageId}>`,
      }),
      { kind: "imap", ref: null },
    );
    expect(delayed.effects).toEqual(["delayed"]);
    const deliveries = createDeliveryStore(engine.db);
    expect((await deliveries.getDelivery(delivery.id))?.state).toBe("accepted");
    expect((await deliveries.timeline(delivery.id)).at(-1)).toMatchObject({
      event: "note",
      to: "accepted",
      evidence: { kind: "delayed" },
    });

    const full = await handleBounce(
      deps,
      postfixDsn({
        to,
        recipient: "slow@client.test",
        status: "5.2.2",
        diagnostic: "smtp; 552 5.2.2 <slow@client.test>: Mailbox full",
        originalMessageId: `<${delivery.messageId}>`,
      }),
      { kind: "imap", ref: null },
    );
    expect(full.effects).toEqual(["retry-scheduled"]);
    expect(full.suspended).toEqual([]);
    const retried = await deliveries.getDelivery(delivery.id);
    expect(retried).toMatchObject({
      state: "queued",
      nextAttemptAt: new Date(LATER.getTime() + 6 * 3_600_000),
    });
    expect((await deliveries.countJobs()).queued).toBeGreaterThanOrEqual(1);
    expect((await createStore(engine.db).listRecipients("K-B-4"))[0]?.status).toBe("active");
  });

  it("records an auto-reply as evidence of receipt and confirms a delivery on a success notice", async () => {
    const deps = bounceDeps(engine.db, { now: LATER });
    const sent = await sentInvoice(engine.db, deps.archive, { number: "B-5", emails: ["marie@client.test"] });
    const delivery = sent.deliveries[0];
    if (delivery === undefined) throw new Error("no delivery");
    const to = returnPathOf(delivery.id);
    const ooo = await handleBounce(
      deps,
      autoReply({ to, from: "Marie <marie@client.test>", inReplyTo: `<${delivery.messageId}>` }),
      {
        kind: "imap",
        ref: null,
      },
    );
    expect(ooo).toMatchObject({ outcome: "processed", effects: ["auto-reply"], suspended: [] });
    const ok = await handleBounce(
      deps,
      postfixDsn({
        to,
        recipient: "marie@client.test",
        action: "delivered",
        status: "2.0.0",
        diagnostic: "smtp; 250 2.0.0 Ok: queued as 9XYZ",
        originalMessageId: `<${delivery.messageId}>`,
      }),
      { kind: "imap", ref: null },
    );
    expect(ok.effects).toEqual(["delivered"]);
    const deliveries = createDeliveryStore(engine.db);
    expect((await deliveries.getDelivery(delivery.id))?.state).toBe("delivered");
    expect((await deliveries.timeline(delivery.id)).map((e) => e.event)).toEqual([
      "queue",
      "archive",
      "accept",
      "note",
      "confirm",
    ]);
  });

  it("tries the customer's other recipients at once when asked to, in the same transaction, audited", async () => {
    const deps = tryOthersDeps(engine.db, { now: LATER });
    const sent = await sentInvoice(engine.db, deps.archive, {
      number: "B-6",
      emails: ["dead@client.test", "marie@client.test"],
    });
    const delivery = sent.deliveries[0];
    if (delivery === undefined) throw new Error("no delivery");
    expect(delivery.recipients.map((r) => r.email)).toEqual(["dead@client.test"]);

    const handled = await handleBounce(
      deps,
      postfixDsn({
        to: returnPathOf(delivery.id),
        recipient: "dead@client.test",
        originalMessageId: `<${delivery.messageId}>`,
      }),
      { kind: "imap", ref: null },
    );

    expect(handled).toMatchObject({
      effects: ["bounced"],
      suspended: ["dead@client.test"],
      resentTo: ["marie@client.test"],
    });
    const rounds = await createDeliveryStore(engine.db).deliveriesOfInvoice("B-6");
    expect(rounds.map((d) => [d.round, d.state, d.recipients.map((r) => r.email)])).toEqual([
      [1, "bounced", ["dead@client.test"]],
      [2, "queued", ["marie@client.test"]],
    ]);
    const invoiceId = rounds[0]?.invoiceId ?? "";
    expect((await createStore(engine.db).history({ type: "invoice", id: invoiceId })).at(-1)).toMatchObject({
      field: "delivery",
      actor: { kind: "system", id: "intake:test" },
      reason: expect.stringContaining("trying the customer's other recipients"),
    });
  });
});
