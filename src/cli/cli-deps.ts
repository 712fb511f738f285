import type { Config } from "../app/config.ts";
import type { AuditActor } from "../core/audit/audit-entry.ts";
import type { Io } from "./io.ts";

/** Everything the commands need from the process, passed in so that tests can run the CLI in-process. */
export interface CliDeps {
  readonly io: Io;
  readonly config: Config;
  /** The clock, so that tests can fix time. */
  readonly now: () => Date;
  /** Who is at the keyboard, for the audit log: `{ kind: "cli", id: <login> }`. */
  readonly actor: AuditActor;
  /** New ids (uuid v4). */
  readonly newId: () => string;
}
