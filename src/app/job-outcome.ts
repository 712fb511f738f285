/** What became of one delivery job. */
export type JobOutcome =
  | "accepted"
  | "failed"
  | "deferred"
  | "expired"
  | "crashed"
  | "parked"
  | "skipped"
  | "lease-lost";
