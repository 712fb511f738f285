import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Config } from "../app/config.ts";
import type { Store } from "../app/ports/store.ts";
import { createDatabase, type FacteurDatabase } from "../store/create-database.ts";
import { createStore } from "../store/create-store.ts";
import { migrateToLatest } from "../store/migrate-to-latest.ts";

/** What every command that touches data gets: the configuration and an open, migrated database. */
export interface CliContext {
  readonly config: Config;
  readonly database: FacteurDatabase;
  /** Human description of where the data lives, e.g. `SQLite ./data/facteur.sqlite`. */
  readonly where: string;
}

/**
 * Opens the configured database (PostgreSQL when DATABASE_URL is set, else SQLite under the data folder, created on
 * first use) and applies pending migrations, so every command sees the current schema.
 */
export async function openContext(config: Config): Promise<CliContext> {
  let database: FacteurDatabase;
  let where: string;
  if (config.DATABASE_URL) {
    database = createDatabase({ kind: "postgres", url: config.DATABASE_URL });
    where = `PostgreSQL ${new URL(config.DATABASE_URL).host}${new URL(config.DATABASE_URL).pathname}`;
  } else {
    mkdirSync(resolve(config.FACTEUR_DATA_DIR), { recursive: true });
    const file = join(config.FACTEUR_DATA_DIR, "facteur.sqlite");
    database = createDatabase({ kind: "sqlite", file });
    where = `SQLite ${file}`;
  }
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.destroy();
    throw error;
  }
  return { config, database, where };
}

/** Opens the context, runs `work` with the registry store, and closes the database whatever happens. */
export async function withStore<T>(
  config: Config,
  work: (store: Store, ctx: CliContext) => Promise<T>,
): Promise<T> {
  const ctx = await openContext(config);
  try {
    return await work(createStore(ctx.database.db), ctx);
  } finally {
    await ctx.database.destroy();
  }
}
