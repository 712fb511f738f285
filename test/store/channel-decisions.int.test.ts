import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, expect, it } from "vitest";
import type { ChannelDecisionToRecord } from "../../src/app/ports/channel-decision-log.ts";
import type { ChannelDecision } from "../../src/core/peppol/channel-policy.ts";
import { createChannelDecisionLog } from "../../src/store/channel-decisions/channel-decision-repository.ts";
import { customer, invoice, seed } from "../delivery/support/delivery-fixtures.ts";
import { describeEachEngine } from "../support/databases.ts";

const HOLD: ChannelDecision = {
  kind: "hold",
  reason: "not-on-peppol",
  scope: "be-b2b-mandate",
  peppolRequired: true,
  explanation: "the buyer is not reachable on Peppol",
};
const PEPPOL: ChannelDecision = {
  kind: "send",
  channel: "peppol",
  scope: "be-b2b-mandate",
  peppolRequired: true,
  courtesyCopy: { channel: "email", legalInvoice: false },
  explanation: "seller and buyer are Belgian VAT-registered businesses",
};
const EMAIL: ChannelDecision = {
  kind: "send",
  channel: "email",
  scope: "buyer-not-vat-registered",
  peppolRequired: false,
  explanation: "a consumer",
};

describeEachEngine("channel decisions", (engine) => {
  const invoices = ["CD-1", "CD-2", "CD-3"].map((number) => invoice(number, "CD-C"));
  const ids = new Map(invoices.map((i) => [i.record.number ?? "", i.record.id]));
  const decision = (number: string, at: string, d: ChannelDecision): ChannelDecisionToRecord => ({
    id: randomUUID(),
    invoiceId: ids.get(number) ?? "",
    invoiceNumber: number,
    customerNumber: "CD-C",
    decidedAt: new Date(at),
    actor: "test",
    decision: d,
    participant: d === EMAIL ? null : "0208:0123456749",
    lookup:
      d.kind === "hold" ? { kind: "not-registered", tried: ["0208:0123456749", "9925:be0123456749"] } : null,
  });

  beforeAll(async () => {
    await seed(engine.db, { customers: [customer("CD-C")], recipients: [], invoices });
  });

  it("reads back every decision as it was recorded, oldest first", async () => {
    const log = createChannelDecisionLog(engine.db);
    const recorded = [
      decision("CD-1", "2026-03-01T10:00:00.000Z", HOLD),
      decision("CD-1", "2026-03-02T10:00:00.000Z", PEPPOL),
      decision("CD-2", "2026-03-01T10:00:00.000Z", EMAIL),
    ];
    await log.record(recorded);
    expect(await log.decisionsOf("CD-1")).toEqual(recorded.slice(0, 2));
    expect(await log.decisionsOf("CD-2")).toEqual(recorded.slice(2));
  });

  it("lists as held only the invoices whose latest decision is a hold, a page at a time", async () => {
    const log = createChannelDecisionLog(engine.db);
    await log.record([
      decision("CD-3", "2026-03-01T10:00:00.000Z", EMAIL),
      decision("CD-3", "2026-03-03T10:00:00.000Z", HOLD),
      decision("CD-2", "2026-03-04T10:00:00.000Z", HOLD),
    ]);
    const first = await log.held({ limit: 1 });
    expect(first.invoices.map((i) => [i.invoiceNumber, i.reason])).toEqual([["CD-2", "not-on-peppol"]]);
    expect(first.next).toBe("CD-2");
    const second = await log.held({ after: "CD-2", limit: 1 });
    expect(second.invoices.map((i) => i.invoiceNumber)).toEqual(["CD-3"]);
    expect(second.invoices[0]).toMatchObject({
      heldAt: new Date("2026-03-03T10:00:00.000Z"),
      participant: "0208:0123456749",
    });
    expect((await log.held({ after: "CD-3", limit: 1 })).invoices).toEqual([]);
  });

  it("refuses to change or delete a recorded decision", async () => {
    await expect(
      sql`update channel_decisions set explanation = 'rewritten'`.execute(engine.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from channel_decisions`.execute(engine.db)).rejects.toThrow(/append-only/);
  });

  it("refuses a send without a channel and a hold without a reason (CHECK constraint)", async () => {
    const bad = decision("CD-1", "2026-03-05T10:00:00.000Z", EMAIL);
    await expect(
      sql`insert into channel_decisions (id, invoice_id, invoice_number, customer_number, decided_at, actor, outcome, channel, hold_reason, scope, peppol_required, courtesy_copy, explanation)
          values (${bad.id}, ${bad.invoiceId}, 'CD-1', 'CD-C', '2026-03-05T10:00:00.000Z', 'test', 'hold', null, null, 'be-b2b-mandate', 1, 0, 'x')`.execute(
        engine.db,
      ),
    ).rejects.toThrow();
  });
});
