import type { IntegerColumn } from "./integer-column.ts";

/** Row of `jobs`: one unit of background work, claimed by one worker at a time under a lease. */
export interface JobsTable {
  /** uuid. */
  id: string;
  /** De-duplication key: unique. */
  key: string;
  /** What to do, e.g. `deliver`. */
  kind: string;
  /** JSON; validated by the worker when claimed. */
  payload: string;
  /** `queued`, `running`, `done` or `parked`. */
  state: string;
  /** Queued: when due. Running: when the lease ends. */
  run_at: string;
  /** Times claimed. */
  attempts: IntegerColumn;
  /** Consecutive crashes (exceptions, expired leases); reset when an attempt ends normally. */
  crashes: IntegerColumn;
  lease_token: string | null;
  leased_by: string | null;
  leased_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}
