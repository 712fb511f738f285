import { randomUUID } from "node:crypto";
import { type Kysely, sql, type Transaction, type UpdateObject } from "kysely";
import type {
  ClaimedJob,
  ClaimRequest,
  JobLease,
  JobState,
  JobToEnqueue,
} from "../../app/ports/job-queue.ts";
import { JOB_STATES } from "../../app/ports/job-queue.ts";
import { canonicalJson } from "../../core/audit/json-value.ts";
import type { Database } from "../database.ts";
import { toDbInstant, toSafeNumber } from "../db-values.ts";
import { dialectOf } from "../dialect-of.ts";
import { withTransaction } from "../with-transaction.ts";

/**
 * Claims due jobs in one short transaction. A job is claimable when it is queued and due, or running with a lease
 * that ran out (`run_at` holds the lease end for running jobs), so a dead worker's job is taken over. Taking over
 * counts as a crash of the previous holder. PostgreSQL: the candidate rows are locked with FOR UPDATE SKIP LOCKED, so
 * concurrent claimers pass over each other's rows instead of waiting or double-claiming. SQLite: the transaction holds
 * the write lock from BEGIN IMMEDIATE, and the UPDATE re-checks the claim condition on each row.
 */
export async function claimJobs(db: Kysely<Database>, request: ClaimRequest): Promise<ClaimedJob[]> {
  if (request.limit < 1 || request.kinds.length === 0) return [];
  const now = toDbInstant(request.now);
  const until = new Date(request.now.getTime() + request.leaseMs);
  const leasedUntil = toDbInstant(until);
  const token = randomUUID();
  const rows = await withTransaction(db, async (trx) => {
    const postgres = dialectOf(trx) === "postgres";
    return trx
      .updateTable("jobs")
      .set((eb) => ({
        state: "running",
        lease_token: token,
        leased_by: request.worker,
        leased_until: leasedUntil,
        run_at: leasedUntil,
        attempts: eb("attempts", "+", 1n),
        crashes: sql<bigint>`crashes + case when state = 'running' then 1 else 0 end`,
        updated_at: now,
      }))
      .where("id", "in", (eb) => {
        const candidates = eb
          .selectFrom("jobs")
          .select("id")
          .where("state", "in", ["queued", "running"])
          .where("run_at", "<=", now)
          .where("kind", "in", request.kinds)
          .orderBy("run_at")
          .limit(request.limit);
        return postgres ? candidates.forUpdate().skipLocked() : candidates;
      })
      .where("state", "in", ["queued", "running"])
      .where("run_at", "<=", now)
      .returningAll()
      .execute();
  });
  return rows.map((row) => ({
    id: row.id,
    key: row.key,
    kind: row.kind,
    payload: JSON.parse(row.payload) as unknown,
    attempts: toSafeNumber(row.attempts, "jobs.attempts"),
    crashes: toSafeNumber(row.crashes, "jobs.crashes"),
    lastError: row.last_error,
    lease: { jobId: row.id, token, worker: request.worker, until },
  }));
}

/** How many jobs are in each state; with `kinds`, only jobs of those kinds. */
export async function countJobs(
  db: Kysely<Database>,
  kinds?: readonly string[],
): Promise<Record<JobState, number>> {
  const counts = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
  if (kinds?.length === 0) return counts;
  const rows = await db
    .selectFrom("jobs")
    .select(["state", (eb) => eb.fn.countAll<bigint>().as("count")])
    .$if(kinds !== undefined, (query) => query.where("kind", "in", kinds ?? []))
    .groupBy("state")
    .execute();
  for (const row of rows) {
    if ((JOB_STATES as readonly string[]).includes(row.state))
      counts[row.state as JobState] = Number(row.count);
  }
  return counts;
}

/** Writes the jobs whose key is new and returns the keys written. */
export async function enqueueJobs(
  trx: Transaction<Database>,
  jobs: readonly JobToEnqueue[],
  at: Date,
): Promise<Set<string>> {
  const instant = toDbInstant(at);
  const written = new Set<string>();
  for (let i = 0; i < jobs.length; i += 100) {
    const chunk = jobs.slice(i, i + 100);
    if (chunk.length === 0) continue;
    const rows = await trx
      .insertInto("jobs")
      .values(
        chunk.map((job) => ({
          id: randomUUID(),
          key: job.key,
          kind: job.kind,
          payload: canonicalJson(job.payload),
          state: "queued",
          run_at: toDbInstant(job.runAt),
          attempts: 0,
          crashes: 0,
          lease_token: null,
          leased_by: null,
          leased_until: null,
          last_error: null,
          created_at: instant,
          updated_at: instant,
        })),
      )
      .onConflict((oc) => oc.column("key").doNothing())
      .returning("key")
      .execute();
    for (const row of rows) written.add(row.key);
  }
  return written;
}

/** True when `lease` still holds its job; PostgreSQL keeps the row locked until the transaction ends. */
export async function holdsLease(trx: Transaction<Database>, lease: JobLease): Promise<boolean> {
  const select = trx
    .selectFrom("jobs")
    .select("id")
    .where("id", "=", lease.jobId)
    .where("lease_token", "=", lease.token)
    .where("state", "=", "running");
  const row = await (dialectOf(trx) === "postgres" ? select.forUpdate() : select).executeTakeFirst();
  return row !== undefined;
}

type LeaseUpdate = UpdateObject<Database, "jobs">;

async function updateLeased(trx: Transaction<Database>, lease: JobLease, set: LeaseUpdate): Promise<boolean> {
  const result = await trx
    .updateTable("jobs")
    .set(set)
    .where("id", "=", lease.jobId)
    .where("lease_token", "=", lease.token)
    .where("state", "=", "running")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

const releasedLease = { lease_token: null, leased_by: null, leased_until: null } as const;

/** Marks the job done. */
export function completeJob(trx: Transaction<Database>, lease: JobLease, at: Date): Promise<boolean> {
  const instant = toDbInstant(at);
  return updateLeased(trx, lease, { state: "done", ...releasedLease, run_at: instant, updated_at: instant });
}

/** Queues the job again for `runAt`; with `crash`, counts a crash and keeps its error. */
export function retryJob(
  trx: Transaction<Database>,
  lease: JobLease,
  runAt: Date,
  at: Date,
  crash?: string,
): Promise<boolean> {
  return updateLeased(trx, lease, {
    state: "queued",
    ...releasedLease,
    run_at: toDbInstant(runAt),
    updated_at: toDbInstant(at),
    ...(crash === undefined ? { crashes: 0 } : { crashes: sql<bigint>`crashes + 1`, last_error: crash }),
  });
}

/** Parks the job with its error. */
export function parkJob(
  trx: Transaction<Database>,
  lease: JobLease,
  error: string,
  at: Date,
): Promise<boolean> {
  const instant = toDbInstant(at);
  return updateLeased(trx, lease, {
    state: "parked",
    ...releasedLease,
    last_error: error,
    updated_at: instant,
  });
}

/** Queues a parked job again, due now, with its crash count reset and its last error kept for the record. */
export async function releaseJob(trx: Transaction<Database>, key: string, at: Date): Promise<boolean> {
  const instant = toDbInstant(at);
  const result = await trx
    .updateTable("jobs")
    .set({ state: "queued", crashes: 0, run_at: instant, updated_at: instant })
    .where("key", "=", key)
    .where("state", "=", "parked")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
