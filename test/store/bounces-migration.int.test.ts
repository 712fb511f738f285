import { randomUUID } from "node:crypto";
import { Migrator, sql } from "kysely";
import { expect, it } from "vitest";
import { createDeliveryStore } from "../../src/store/deliveries/create-delivery-store.ts";
import { migrateToLatest } from "../../src/store/migrate-to-latest.ts";
import { migrations } from "../../src/store/migrations/migrations.ts";
import { customer, invoice, recipient, seed } from "../delivery/support/delivery-fixtures.ts";
import { describeEachEngine } from "../support/databases.ts";

const AT = new Date("2026-12-02T08:00:00.000Z");

describeEachEngine(
  "migration 0008 (bounces)",
  (engine) => {
    it("keeps every delivery, its addresses and events, and lets deliveries be bounced or delivered", async () => {
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < "0008"));
      const migrator = new Migrator({
        db: engine.db,
        provider: { getMigrations: async () => before },
        ...(engine.dialect === "postgres"
          ? {
              migrationTableSchema:
                (await sql<{ s: string }>`select current_schema() as s`.execute(engine.db)).rows[0]?.s ??
                "public",
            }
          : {}),
      });
      const first = await migrator.migrateToLatest();
      expect(first.error).toBeUndefined();
      const k = customer("K1");
      const r = recipient("K1", "invoice-mailbox", "invoices@client.test");
      const inv = invoice("INV-1", "K1");
      await seed(engine.db, { customers: [k], recipients: [r], invoices: [inv] });
      const id = randomUUID();
      const at = AT.toISOString();
      // Rows as the schema before 0008 had them, written with plain SQL: today's repository writes columns that
      // later migrations added.
      await sql`insert into deliveries (id, invoice_id, invoice_number, customer_number, role, round, target, message_id,
          state, attempts, event_count, created_at, updated_at)
        values (${id}, ${inv.record.id}, 'INV-1', 'K1', 'main', 1, 'main', ${`${id}@seller.test`}, 'queued', 0, 1,
          ${at}, ${at})`.execute(engine.db);
      await sql`insert into delivery_recipients (delivery_id, position, recipient_id, email, name)
        values (${id}, 0, ${r.id}, ${r.email}, null)`.execute(engine.db);
      await sql`insert into delivery_events (delivery_id, seq, at, actor, event, from_state, to_state, evidence)
        values (${id}, 1, ${at}, 'test', 'queue', null, 'queued',
          ${JSON.stringify({ messageId: `${id}@seller.test`, role: "main", round: 1, to: [r.email] })})`.execute(
        engine.db,
      );

      expect((await migrateToLatest(engine.db))[0]).toBe("0008-bounces");
      const store = createDeliveryStore(engine.db);

      const delivery = await store.getDelivery(id);
      expect(delivery).toMatchObject({ state: "queued", recipients: [{ email: "invoices@client.test" }] });
      expect(await store.timeline(id)).toHaveLength(1);
      await sql`update deliveries set state = 'bounced' where id = ${id}`.execute(engine.db);
      await sql`update deliveries set state = 'delivered' where id = ${id}`.execute(engine.db);
      await expect(
        sql`update deliveries set state = 'lost' where id = ${id}`.execute(engine.db),
      ).rejects.toThrow();
      await expect(
        sql`insert into delivery_recipients (delivery_id, position, recipient_id, email) values ('nope', 0, ${r.id}, 'x@y.test')`.execute(
          engine.db,
        ),
      ).rejects.toThrow();
      const twin = randomUUID();
      await expect(
        store.transaction((unit) =>
          unit.createDeliveries(
            [
              {
                id: twin,
                invoiceId: inv.record.id,
                invoiceNumber: "INV-1",
                customerNumber: "K1",
                role: "main",
                round: 2,
                target: "main",
                messageId: `${id}@seller.test`,
                recipients: [{ recipientId: r.id, email: r.email, name: null }],
              },
            ],
            AT,
            "test",
          ),
        ),
      ).rejects.toThrow();
      const indexes =
        engine.dialect === "sqlite"
          ? (
              await sql<{
                name: string;
              }>`select name from sqlite_master where type = 'index' and tbl_name = 'deliveries'`.execute(
                engine.db,
              )
            ).rows
          : (
              await sql<{
                name: string;
              }>`select indexname as name from pg_indexes where tablename = 'deliveries' and schemaname = current_schema()`.execute(
                engine.db,
              )
            ).rows;
      expect(indexes.map((i) => i.name)).toEqual(
        expect.arrayContaining([
          "deliveries_state_index",
          "deliveries_customer_index",
          "deliveries_invoice_number_index",
        ]),
      );
      const tables = await engine.db.introspection.getTables();
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining(["inbound_messages", "paper_fallbacks", "digest_marks", "deliveries"]),
      );
    });
  },
  { migrate: false },
);
