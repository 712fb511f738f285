import type { DatabaseOptions } from "../../src/store/create-database.ts";

/** What the bench tells each of its worker processes (as JSON in BENCH_SEND_CHILD). */
export interface ChildConfig {
  /** work: run the delivery worker until the queue is empty; prepare: compose and archive a share of deliveries. */
  readonly mode: "work" | "prepare";
  /** This process's share in prepare mode: deliveries whose position modulo `of` is `index`. */
  readonly index: number;
  readonly of: number;
  readonly database: DatabaseOptions;
  /** The facteur configuration (FACTEUR_* variables) the CLI would read: relay, DKIM key file, VERP, archive. */
  readonly env: Readonly<Record<string, string>>;
  readonly lanes: number;
  readonly batch: number;
  readonly concurrency: number;
}

/** What the work of a worker process did. */
export interface ChildWork {
  /** Jobs claimed and their outcomes (work mode), or deliveries prepared (prepare mode). */
  readonly handled: number;
  readonly outcomes: Readonly<Record<string, number>>;
}

/** What a worker process reports when it is done: its work, and what the whole process used. */
export interface ChildReport extends ChildWork {
  /** CPU time of the process, user + system, in seconds. */
  readonly cpuSeconds: number;
  /** Peak resident set size of the process, in bytes. */
  readonly maxRssBytes: number;
}
