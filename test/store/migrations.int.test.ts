import { sql } from "kysely";
import { expect, it } from "vitest";
import { migrateToLatest } from "../../src/store/migrate-to-latest.ts";
import { migrations } from "../../src/store/migrations/migrations.ts";
import { describeEachEngine } from "../support/databases.ts";

describeEachEngine(
  "migrations",
  (engine) => {
    it("apply every migration on an empty database, then nothing the second time", async () => {
      const names = Object.keys(migrations);
      expect(names.slice(0, 3)).toEqual(["0001-customers", "0002-recipients", "0003-audit-log"]);
      expect(await migrateToLatest(engine.db)).toEqual(names);
      expect(await migrateToLatest(engine.db)).toEqual([]);
      // PostgreSQL lists the tables of every schema, other test files' included: keep this suite's schema only.
      const schema =
        engine.dialect === "postgres"
          ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(engine.db)).rows[0]
              ?.schema
          : undefined;
      const tables = await engine.db.introspection.getTables();
      const tableNames = tables.filter((table) => table.schema === schema).map((table) => table.name);
      expect(tableNames).toEqual(expect.arrayContaining(["audit_log", "customers", "recipients"]));
    });

    it("leave an up-to-date database alone when a second process migrates it too", async () => {
      const other = engine.open();
      expect(await migrateToLatest(other.db)).toEqual([]);
    });
  },
  { migrate: false },
);

describeEachEngine("connection settings", (engine) => {
  it.runIf(engine.dialect === "sqlite")(
    "open SQLite in WAL mode, fully synchronous, with foreign keys and a busy timeout",
    async () => {
      const pragma = async (name: string): Promise<unknown> => {
        const { rows } = await sql<
          Record<string, unknown>
        >`select * from ${sql.raw(`pragma_${name}`)}`.execute(engine.db);
        return Object.values(rows[0] ?? {})[0];
      };
      expect(await pragma("journal_mode")).toBe("wal");
      expect(await pragma("synchronous")).toBe(2n);
      expect(await pragma("foreign_keys")).toBe(1n);
      expect(await pragma("busy_timeout")).toBe(5000n);
    },
  );

  it("round-trip money amounts beyond 2^53 exactly, as bigint", async () => {
    await sql`create table money_probe (id bigint primary key, amount bigint not null)`.execute(engine.db);
    const amounts = [0n, -1n, 2n ** 53n + 1n, 9_223_372_036_854_775_807n, -9_223_372_036_854_775_808n];
    for (const [index, amount] of amounts.entries()) {
      await sql`insert into money_probe (id, amount) values (${index}, ${amount})`.execute(engine.db);
    }
    const { rows } = await sql<{ amount: unknown }>`select amount from money_probe order by id`.execute(
      engine.db,
    );
    expect(rows.map((row) => row.amount)).toEqual(amounts);
    expect(rows.every((row) => typeof row.amount === "bigint")).toBe(true);
  });
});
