import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, expect, it } from "vitest";
import { openCustomerQuery } from "../../src/app/open-customer-query.ts";
import { proveDelivery } from "../../src/app/prove-delivery.ts";
import { settleCustomerQuery } from "../../src/app/settle-customer-query.ts";
import {
  corpusFile,
  PEPPOL_CORPUS_PRESENT,
  PEPPOL_SKIP_NOTE,
} from "../../src/documents/peppol/testing/peppol-corpus.ts";
import { createBounceStore } from "../../src/store/bounces/create-bounce-store.ts";
import { createStore } from "../../src/store/create-store.ts";
import { createCustomerQueryStore } from "../../src/store/customer-queries/create-customer-query-store.ts";
import { createDeliveryStore } from "../../src/store/deliveries/create-delivery-store.ts";
import { customer, invoice, seed } from "../delivery/support/delivery-fixtures.ts";
import { describeEachEngine } from "../support/databases.ts";
import { queuePeppolDeliveries } from "../support/peppol/peppol-deliveries.ts";
import { receiveStatusResponse } from "../support/peppol/received-status-messages.ts";
import { statusResponseXml } from "../support/peppol/status-response-xml.ts";

const BUYER = "0208:0202239951";
const STRANGER = "0208:0200000043";
const ACTOR = { kind: "cli", id: "tester" } as const;

describeEachEngine("received status messages linked to invoices and deliveries", (engine) => {
  const invoices = {
    queried: invoice("SM-1", "C1"),
    other: invoice("SM-2", "C1"),
    emailed: invoice("SM-3", "C1"),
  };
  const deliveryOf = { queried: randomUUID(), other: randomUUID() };
  const queries = () => createCustomerQueryStore(engine.db);
  const at = (iso: string) => () => new Date(iso);

  beforeAll(async () => {
    await seed(engine.db, { customers: [customer("C1")], recipients: [], invoices: Object.values(invoices) });
    await createDeliveryStore(engine.db).transaction((unit) =>
      queuePeppolDeliveries(
        unit,
        (["queried", "other"] as const).map((name) => ({ id: deliveryOf[name], invoice: invoices[name] })),
        BUYER,
        new Date("2026-12-01T09:00:00.000Z"),
      ),
    );
  });

  /** Receives `xml` from `sender` as the AS4 receiver would record it; returns the carrying MessageId. */
  const receive = (xml: string | Buffer, sender: string, receivedAt: string, messageId?: string) =>
    receiveStatusResponse(engine.db, xml, {
      sender,
      receivedAt: new Date(receivedAt),
      ...(messageId === undefined ? {} : { messageId }),
    });

  const invoiceResponse = (id: string, code: string, number: string, issueTime: string, extra = {}) =>
    statusResponseXml({
      kind: "invoice-response",
      id,
      code,
      reference: number,
      issueDate: "2026-12-02",
      issueTime,
      ...extra,
    });

  it("links an Invoice Response from the participant the invoice went to, and makes it the buyer status", async () => {
    await receive(invoiceResponse("IR-AB", "AB", "SM-2", "08:00:00Z"), BUYER, "2026-12-02T08:00:05.000Z");
    const [linked] = await queries().statusMessagesOfInvoice(invoices.other.record.id);
    expect(linked).toMatchObject({
      kind: "invoice-response",
      responseCode: "AB",
      sender: BUYER,
      invoiceId: invoices.other.record.id,
      deliveryId: deliveryOf.other,
      issueDate: "2026-12-02",
      issueTime: "08:00:00Z",
    });
    const statuses = await queries().buyerStatuses([invoices.other.record.id, invoices.emailed.record.id]);
    expect([...statuses.keys()]).toEqual([invoices.other.record.id]);
    expect(statuses.get(invoices.other.record.id)).toMatchObject({
      status: "acknowledged",
      responseId: "IR-AB",
    });
    const history = await createStore(engine.db).history({ type: "invoice", id: invoices.other.record.id });
    expect(history.map((r) => [r.field, r.newValue])).toContainEqual([
      "buyerStatus",
      { status: "acknowledged", responseCode: "AB", responseId: "IR-AB" },
    ]);
  });

  it("keeps unmatched an Invoice Response from a stranger, for an unknown number, or for an invoice sent by e-mail", async () => {
    await receive(invoiceResponse("IR-X1", "PD", "SM-2", "09:00:00Z"), STRANGER, "2026-12-02T09:00:00.000Z");
    await receive(invoiceResponse("IR-X2", "PD", "NO-SUCH", "09:00:00Z"), BUYER, "2026-12-02T09:00:01.000Z");
    await receive(invoiceResponse("IR-X3", "PD", "SM-3", "09:00:00Z"), BUYER, "2026-12-02T09:00:02.000Z");
    const statuses = await queries().buyerStatuses([invoices.other.record.id, invoices.emailed.record.id]);
    expect(statuses.get(invoices.other.record.id)?.status).toBe("acknowledged");
    expect(statuses.has(invoices.emailed.record.id)).toBe(false);
    const { messages } = await queries().unmatchedStatusMessages({ limit: 10 });
    expect(messages.map((m) => [m.responseId, m.sender])).toEqual(
      expect.arrayContaining([
        ["IR-X1", STRANGER],
        ["IR-X2", BUYER],
        ["IR-X3", BUYER],
      ]),
    );
    const page = await queries().unmatchedStatusMessages({ limit: 1 });
    expect(page.messages.map((m) => m.responseId)).toEqual(["IR-X3"]);
    const next = await queries().unmatchedStatusMessages({ limit: 1, before: page.next ?? "" });
    expect(next.messages.map((m) => m.responseId)).toEqual(["IR-X2"]);
  });

  it.skipIf(!PEPPOL_CORPUS_PRESENT)(
    `links the corpus's Message Level Status (RE, then AP) to the Peppol delivery whose id it names${PEPPOL_SKIP_NOTE}`,
    async () => {
      const mls = (name: string) =>
        corpusFile(`mls/${name}`)
          .toString("utf8")
          .replace("90f14eff-3705-4869-ad3c-caae270a234e", deliveryOf.queried.toUpperCase());
      await receive(mls("MessageLevelStatus_Example_RE.xml"), "0242:123456", "2026-12-01T09:05:00.000Z");
      const [rejected] = await queries().statusMessagesOfInvoice(invoices.queried.record.id);
      expect(rejected).toMatchObject({
        kind: "mls",
        status: "rejected",
        deliveryId: deliveryOf.queried,
        invoiceId: invoices.queried.record.id,
        description: "Rejected due to validation errors",
        issues: [expect.objectContaining({ reasonCode: "BV" })],
      });
      const proof = await proveDelivery(
        {
          store: createBounceStore(engine.db),
          statusMessages: queries(),
          now: at("2026-12-01T10:00:00.000Z"),
        },
        "SM-1",
      );
      expect(proof).toMatchObject({ verdict: "bounced", confidence: "certain", buyerStatus: null });
      expect(proof.explanation).toContain("NOT delivered to the buyer");
      expect(proof.statusMessages.map((m) => [m.kind, m.responseCode, m.status])).toEqual([
        ["mls", "RE", "rejected"],
      ]);
      const unknown = corpusFile("mls/MessageLevelStatus_Example_AP.xml");
      await receive(unknown, "0242:123456", "2026-12-01T09:06:00.000Z");
      const { messages } = await queries().unmatchedStatusMessages({ limit: 100 });
      expect(messages.map((m) => m.responseId)).toContain("MLS-ID123");
    },
  );

  it("opens one query for an Invoice Response under query, even when it comes again", async () => {
    const uq = invoiceResponse("IR-UQ", "UQ", "SM-1", "10:00:00Z", {
      description: "Order reference unknown",
      reasons: [
        {
          listId: "OPStatusReason",
          code: "REF",
          text: "References incorrect",
          term: { id: "BT-13", value: "PO-17" },
        },
      ],
    });
    const first = await receive(uq, BUYER, "2026-12-02T10:00:05.000Z");
    const again = await receive(uq, BUYER, "2026-12-02T10:05:00.000Z");
    expect(await receive(uq, BUYER, "2026-12-02T10:06:00.000Z", first.messageId)).toMatchObject({
      outcome: { kind: "duplicate-message" },
    });
    expect(again.outcome).toEqual({ kind: "recorded" });
    const { queries: open } = await queries().listQueries({ open: true, limit: 10 });
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      invoiceNumber: "SM-1",
      customerNumber: "C1",
      source: "peppol-invoice-response",
      responseMessageId: first.messageId,
      openedBy: `peppol:${BUYER}`,
      openedAt: new Date("2026-12-02T10:00:05.000Z"),
      settlement: null,
    });
    expect(open[0]?.reason).toContain(
      "Order reference unknown; OPStatusReason REF References incorrect (BT-13 PO-17)",
    );
    const statuses = await queries().buyerStatuses([invoices.queried.record.id]);
    expect(statuses.get(invoices.queried.record.id)?.status).toBe("under-query");
  });

  it("settles a query once; the database refuses rewriting it, deleting it, or changing a received response", async () => {
    const [query] = (await queries().listQueries({ open: true, limit: 1 })).queries;
    if (query === undefined) throw new Error("no open query");
    const deps = { store: queries(), now: at("2026-12-03T10:00:00.000Z"), actor: ACTOR };
    const settled = await settleCustomerQuery(deps, {
      id: query.id,
      by: "alice",
      note: "order reference given",
    });
    expect(settled.settlement).toEqual({
      at: new Date("2026-12-03T10:00:00.000Z"),
      by: "alice",
      note: "order reference given",
    });
    await expect(settleCustomerQuery(deps, { id: query.id, by: "bob", note: "again" })).rejects.toMatchObject(
      {
        code: "conflict",
      },
    );
    await expect(settleCustomerQuery(deps, { id: "Q-999999", by: "bob", note: "x" })).rejects.toMatchObject({
      code: "not-found",
    });
    await expect(
      sql`update customer_queries set settlement_note = 'rewritten' where id = ${query.id}`.execute(
        engine.db,
      ),
    ).rejects.toThrow(/settled once/);
    await expect(
      sql`update customer_queries set reason = 'other' where settled_at is null`.execute(engine.db),
    ).resolves.toBeDefined();
    await expect(sql`delete from customer_queries where id = ${query.id}`.execute(engine.db)).rejects.toThrow(
      /never deleted/,
    );
    if (engine.dialect === "postgres")
      await expect(sql`truncate customer_queries`.execute(engine.db)).rejects.toThrow(/never deleted/);
    await expect(sql`update peppol_responses set status = 'paid'`.execute(engine.db)).rejects.toThrow(
      /append-only/,
    );
    expect((await queries().getQuery(query.id))?.settlement?.note).toBe("order reference given");
    const history = await createStore(engine.db).history({ type: "invoice", id: invoices.queried.record.id });
    expect(history.filter((r) => r.field === `queries.${query.id}`).map((r) => r.newValue)).toEqual([
      expect.objectContaining({ state: "open" }),
      expect.objectContaining({ state: "settled", settledBy: "alice" }),
    ]);
  });

  it("refuses changing the opening of an open query", async () => {
    const deps = { store: queries(), now: at("2026-12-04T10:00:00.000Z"), actor: ACTOR };
    const opened = await openCustomerQuery(deps, {
      invoiceNumber: "SM-3",
      reason: "amount disputed",
      by: "alice",
    });
    await expect(
      sql`update customer_queries set reason = 'other' where id = ${opened.id}`.execute(engine.db),
    ).rejects.toThrow(/settled once/);
  });

  it("opens queries by hand on a known invoice, one open at a time", async () => {
    const deps = { store: queries(), now: at("2026-12-04T11:00:00.000Z"), actor: ACTOR };
    await expect(
      openCustomerQuery(deps, { invoiceNumber: "SM-3", reason: "again", by: "bob" }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(
      openCustomerQuery(deps, { invoiceNumber: "NOPE", reason: "x", by: "bob" }),
    ).rejects.toMatchObject({
      code: "not-found",
    });
    await expect(
      openCustomerQuery(deps, { invoiceNumber: "SM-1", reason: " ", by: "bob" }),
    ).rejects.toMatchObject({
      code: "invalid-input",
    });
    const reopened = await openCustomerQuery(deps, {
      invoiceNumber: "SM-1",
      reason: "still unclear",
      by: "bob",
    });
    expect(reopened).toMatchObject({ source: "manual", responseMessageId: null, openedBy: "bob" });
    const all = await queries().listQueries({ limit: 10 });
    expect(all.queries.map((q) => [q.invoiceNumber, q.settlement === null])).toEqual([
      ["SM-1", false],
      ["SM-3", true],
      ["SM-1", true],
    ]);
  });

  it("opens one query when four responses under query for one invoice arrive at once; the database keeps one open", async () => {
    const uq = (id: string) => invoiceResponse(id, "UQ", "SM-2", "18:00:00Z");
    const outcomes = await Promise.all(
      ["IR-C1", "IR-C2", "IR-C3", "IR-C4"].map((id) => receive(uq(id), BUYER, "2026-12-06T18:00:00.000Z")),
    );
    expect(outcomes.map((o) => o.outcome.kind)).toEqual(["recorded", "recorded", "recorded", "recorded"]);
    const { queries: open } = await queries().listQueries({
      invoiceId: invoices.other.record.id,
      open: true,
      limit: 10,
    });
    expect(open).toHaveLength(1);
    const [query] = open;
    await expect(
      sql`insert into customer_queries (id, invoice_id, invoice_number, customer_number, opened_at, opened_by, source, reason)
          values ('Q-X', ${invoices.other.record.id}, 'SM-2', 'C1', '2026-12-07T00:00:00.000Z', 'x', 'manual', 'x')`.execute(
        engine.db,
      ),
    ).rejects.toThrow();
    expect(query?.source).toBe("peppol-invoice-response");
  });

  it("links a Message Level Status written here to its delivery, and its AP confirms the delivery in the proof", async () => {
    const mls = statusResponseXml({
      kind: "mls",
      id: "MLS-OWN",
      code: "AP",
      reference: deliveryOf.other,
      issueDate: "2026-12-01",
      issueTime: "09:10:00Z",
    });
    await receive(mls, "0242:000777", "2026-12-01T09:10:02.000Z");
    const linked = (await queries().statusMessagesOfInvoice(invoices.other.record.id)).filter(
      (m) => m.kind === "mls",
    );
    expect(linked).toEqual([
      expect.objectContaining({ responseId: "MLS-OWN", deliveryId: deliveryOf.other, sender: "0242:000777" }),
    ]);
    const proof = await proveDelivery(
      { store: createBounceStore(engine.db), statusMessages: queries(), now: at("2026-12-08T00:00:00.000Z") },
      "SM-2",
    );
    expect(proof).toMatchObject({ verdict: "delivered", confidence: "certain" });
    expect(proof.explanation).toContain(
      "confirmed it took the invoice on in its Message Level Status MLS-OWN (AP)",
    );
    expect(proof.buyerStatus?.status).toBe("under-query");
  });

  it("lets a later Invoice Response change the buyer status, but not an older one arriving late", async () => {
    await receive(invoiceResponse("IR-PD", "PD", "SM-1", "15:00:00Z"), BUYER, "2026-12-05T15:00:00.000Z");
    await receive(invoiceResponse("IR-IP", "IP", "SM-1", "11:00:00Z"), BUYER, "2026-12-05T16:00:00.000Z");
    const statuses = await queries().buyerStatuses([invoices.queried.record.id]);
    expect(statuses.get(invoices.queried.record.id)).toMatchObject({ status: "paid", responseId: "IR-PD" });
    const history = await createStore(engine.db).history({ type: "invoice", id: invoices.queried.record.id });
    expect(history.filter((r) => r.field === "buyerStatus").map((r) => r.reason)).toEqual([
      expect.stringContaining("IR-UQ"),
      expect.stringContaining("IR-PD"),
    ]);
  });
});
