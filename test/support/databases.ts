import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe } from "vitest";
import {
  createDatabase,
  type DatabaseOptions,
  type DialectName,
  type FacteurDatabase,
} from "../../src/store/create-database.ts";
import type { Database } from "../../src/store/database.ts";
import { migrateToLatest } from "../../src/store/migrate-to-latest.ts";

const DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test";

/** One storage engine under test, with a database of its own for the enclosing suite. */
export interface TestEngine {
  readonly dialect: DialectName;
  /** The suite's database; usable from `beforeAll` hooks declared inside the suite and in its tests. */
  readonly db: Kysely<Database>;
  /** Opens another handle (another SQLite connection, another PostgreSQL pool) on the same database; closed after the suite. */
  open(): FacteurDatabase;
}

/** Options of {@link describeEachEngine}. */
export interface EngineSuiteOptions {
  /** Apply the migrations before the suite's tests (default true). */
  readonly migrate?: boolean;
}

/**
 * Declares the suite `name` once per engine: on a fresh SQLite file in a temporary directory, and on a fresh schema of
 * the PostgreSQL database at FACTEUR_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test). Both are
 * removed after the suite. When PostgreSQL is unreachable the PostgreSQL suite fails, saying so; set
 * FACTEUR_TEST_POSTGRES=off to leave it out deliberately.
 */
export function describeEachEngine(
  name: string,
  fn: (engine: TestEngine) => void,
  options: EngineSuiteOptions = {},
): void {
  describe(`${name} (sqlite)`, () => declareEngine(sqliteFixture(), fn, options));
  const postgresOff = process.env.FACTEUR_TEST_POSTGRES === "off";
  (postgresOff ? describe.skip : describe)(`${name} (postgres)`, () =>
    declareEngine(postgresFixture(), fn, options),
  );
}

interface Fixture {
  readonly dialect: DialectName;
  /** Creates the empty database and returns how to open it. */
  setUp(): Promise<DatabaseOptions>;
  /** Removes the database. */
  tearDown(): Promise<void>;
}

function declareEngine(
  fixture: Fixture,
  fn: (engine: TestEngine) => void,
  options: EngineSuiteOptions,
): void {
  let databaseOptions: DatabaseOptions | undefined;
  const opened: FacteurDatabase[] = [];
  const open = (): FacteurDatabase => {
    if (databaseOptions === undefined)
      throw new Error("the test database is not set up yet: use it from a hook or a test");
    const handle = createDatabase(databaseOptions);
    opened.push(handle);
    return handle;
  };
  let main: FacteurDatabase | undefined;
  beforeAll(async () => {
    databaseOptions = await fixture.setUp();
    main = open();
    if (options.migrate ?? true) await migrateToLatest(main.db);
  });
  afterAll(async () => {
    await Promise.all(opened.map((handle) => handle.destroy()));
    await fixture.tearDown();
  });
  fn({
    dialect: fixture.dialect,
    get db() {
      if (main === undefined)
        throw new Error("the test database is not set up yet: use it from a hook or a test");
      return main.db;
    },
    open,
  });
}

function sqliteFixture(): Fixture {
  let directory: string | undefined;
  return {
    dialect: "sqlite",
    setUp: async () => {
      directory = mkdtempSync(join(tmpdir(), "facteur-test-"));
      return { kind: "sqlite", file: join(directory, "facteur.db") };
    },
    tearDown: async () => {
      if (directory !== undefined) rmSync(directory, { recursive: true, force: true });
    },
  };
}

function postgresFixture(): Fixture {
  const url = process.env.FACTEUR_TEST_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
  const schema = `facteur_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  let admin: FacteurDatabase | undefined;
  let created = false;
  return {
    dialect: "postgres",
    setUp: async () => {
      admin = createDatabase({ kind: "postgres", url });
      try {
        await sql`select 1`.execute(admin.db);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(
          `PostgreSQL is unreachable at ${redact(url)} (${reason}). Start it, point FACTEUR_TEST_DATABASE_URL at one, ` +
            "or set FACTEUR_TEST_POSTGRES=off to run the SQLite suites only.",
        );
      }
      await sql`create schema ${sql.id(schema)}`.execute(admin.db);
      created = true;
      return { kind: "postgres", url, schema };
    },
    tearDown: async () => {
      if (admin === undefined) return;
      try {
        if (created) await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db);
      } finally {
        await admin.destroy();
      }
    },
  };
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable URL)";
  }
}

/**
 * Runs `tamper` with the audit log's append-only triggers out of the way, as the database owner could (PostgreSQL:
 * DISABLE TRIGGER; SQLite: drop them), then puts them back, so tests can edit the log directly as an attacker would.
 */
export async function withAuditTriggersDisabled(
  engine: TestEngine,
  tamper: () => Promise<void>,
): Promise<void> {
  if (engine.dialect === "postgres") {
    await sql`alter table audit_log disable trigger user`.execute(engine.db);
    try {
      await tamper();
    } finally {
      await sql`alter table audit_log enable trigger user`.execute(engine.db);
    }
    return;
  }
  const { rows } = await sql<{ name: string; sql: string }>`
    select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'`.execute(engine.db);
  if (rows.length === 0) throw new Error("audit_log has no triggers to disable");
  for (const trigger of rows) await sql`drop trigger ${sql.id(trigger.name)}`.execute(engine.db);
  try {
    await tamper();
  } finally {
    for (const trigger of rows) await sql.raw(trigger.sql).execute(engine.db);
  }
}
