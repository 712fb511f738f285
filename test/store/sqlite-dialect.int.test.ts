import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSqliteDialect, PAGE_SIZE } from "../../src/store/sqlite-dialect.ts";

interface Db {
  notes: { id: number; text: string };
}

describe("the SQLite dialect", () => {
  let dir: string;
  const opened: Kysely<Db>[] = [];
  const open = () => {
    const db = new Kysely<Db>({ dialect: createSqliteDialect(join(dir, "test.sqlite")) });
    opened.push(db);
    return db;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "facteur-sqlite-dialect-"));
    await sql`create table notes (id integer primary key, text text not null)`.execute(open());
  });

  afterEach(async () => {
    for (const db of opened.splice(0)) await db.destroy();
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it("waits for another connection's write lock without stopping the event loop", async () => {
    // Two connections in one process: SQLite's own busy wait would sleep inside BEGIN IMMEDIATE, so the first
    // connection could never reach its COMMIT (it waits for a timer) and the second would fail with SQLITE_BUSY.
    const first = open();
    const second = open();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let began = () => {};
    const hasLock = new Promise<void>((resolve) => {
      began = resolve;
    });
    const holding = first.transaction().execute(async (trx) => {
      await trx.insertInto("notes").values({ id: 1, text: "first" }).execute();
      began();
      await held;
    });
    await hasLock;
    const waiting = second.transaction().execute(async (trx) => {
      await trx.insertInto("notes").values({ id: 2, text: "second" }).execute();
    });
    setTimeout(release, 50);
    await Promise.all([holding, waiting]);
    const rows = await second.selectFrom("notes").select(["id", "text"]).orderBy("id").execute();
    expect(rows.map((r) => [Number(r.id), r.text])).toEqual([
      [1, "first"],
      [2, "second"],
    ]);
  });

  it("restores the busy timeout once the lock is taken", async () => {
    const db = open();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("notes").values({ id: 1, text: "x" }).execute();
    });
    const { rows } = await sql<{ timeout: bigint }>`pragma busy_timeout`.execute(db);
    expect(Number(rows[0]?.timeout)).toBe(5000);
  });

  it("prepares each SQL text once and runs it again from the cache", async () => {
    const db = open();
    await db.insertInto("notes").values({ id: 1, text: "cached" }).execute();
    const prepare = vi.spyOn(BetterSqlite3.prototype, "prepare");
    for (let i = 0; i < 5; i++) {
      const row = await db.selectFrom("notes").select("text").where("id", "=", 1).executeTakeFirst();
      expect(row?.text).toBe("cached");
    }
    const texts = prepare.mock.calls.map(([text]) => text);
    expect(texts.filter((text) => text.startsWith("select"))).toHaveLength(1);
  });

  it("gives a new file 16 KiB pages and leaves an existing file's page size as it is", async () => {
    const pageSize = async (db: Kysely<Db>) =>
      Number((await sql<{ page_size: bigint }>`pragma page_size`.execute(db)).rows[0]?.page_size);
    expect(await pageSize(open())).toBe(PAGE_SIZE);
    const older = join(dir, "older.sqlite");
    const handle = new BetterSqlite3(older);
    handle.pragma("page_size = 4096");
    handle.exec("create table notes (id integer primary key, text text not null)");
    handle.close();
    const db = new Kysely<Db>({ dialect: createSqliteDialect(older) });
    opened.push(db);
    await db.insertInto("notes").values({ id: 1, text: "kept" }).execute();
    expect(await pageSize(db)).toBe(4096);
  });
});
