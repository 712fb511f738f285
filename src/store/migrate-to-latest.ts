import { type Kysely, type MigrationProvider, Migrator, sql } from "kysely";
import type { Database } from "./database.ts";
import { dialectOf } from "./dialect-of.ts";
import { migrations } from "./migrations/migrations.ts";

const provider: MigrationProvider = { getMigrations: async () => ({ ...migrations }) };

/**
 * Applies the migrations not yet applied, all in one transaction on both engines, and returns their names (empty when
 * the schema is current). Throws the first failure, after which nothing of the run is applied.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrationTableSchema = dialectOf(db) === "postgres" ? await currentPostgresSchema(db) : undefined;
  const migrator = new Migrator({ db, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName;
    throw new Error(`migration ${failed ?? "setup"} failed: ${describe(error)}`, { cause: error });
  }
  return (results ?? []).map((result) => result.migrationName);
}

/**
 * Kysely decides whether its bookkeeping tables exist by looking for their names in every schema unless told which
 * one: naming the current schema keeps two schemas of one database (tests, tenants) from seeing each other's.
 */
async function currentPostgresSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error("PostgreSQL has no current schema: the schema in search_path does not exist");
  return schema;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
