import { type Kysely, sql } from "kysely";

/**
 * The job queue (transactional outbox). `key` is unique: enqueueing a job whose key exists does nothing, which is how
 * a repeated request stays a no-op. `run_at` is when the job may be claimed next: for a queued job its due time, for a
 * running one the end of its lease, so one index answers "what can be claimed now" for both, and a crashed worker's
 * job becomes claimable again when its lease runs out. `lease_token` fences a worker whose lease was taken over: every
 * write of a running job names the token it was claimed with.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("jobs")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("key", "text", (column) => column.notNull().unique())
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("payload", "text", (column) => column.notNull())
    .addColumn("state", "text", (column) => column.notNull())
    .addColumn("run_at", "text", (column) => column.notNull())
    .addColumn("attempts", "bigint", (column) => column.notNull())
    .addColumn("crashes", "bigint", (column) => column.notNull())
    .addColumn("lease_token", "text")
    .addColumn("leased_by", "text")
    .addColumn("leased_until", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addCheckConstraint("jobs_state_check", sql`state in ('queued', 'running', 'done', 'parked')`)
    .addCheckConstraint(
      "jobs_lease_check",
      sql`state <> 'running' or (lease_token is not null and leased_until is not null)`,
    )
    .execute();
  await db.schema.createIndex("jobs_due_index").on("jobs").columns(["state", "run_at"]).execute();
}
