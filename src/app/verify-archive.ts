import type { DeliveryReader } from "./ports/delivery-store.ts";
import type { MessageArchive } from "./ports/message-archive.ts";

/** One archive object that is not as it was stored. */
export interface ArchiveProblem {
  readonly sha256: string;
  /** altered: the bytes no longer hash to the name; unreadable: the file cannot be read; missing: indexed, not there. */
  readonly problem: "altered" | "unreadable" | "missing";
}

/** What a verification found. */
export interface ArchiveVerification {
  /** Objects the database says the archive holds. */
  readonly indexed: number;
  readonly problems: readonly ArchiveProblem[];
}

/**
 * Re-hashes every stored message and checks that every message the database references is there. Each problem names
 * the object, so the delivery it belongs to can be found.
 */
export async function verifyArchive(deps: {
  readonly store: Pick<DeliveryReader, "archiveIndex">;
  readonly archive: MessageArchive;
}): Promise<ArchiveVerification> {
  const problems: ArchiveProblem[] = [];
  for await (const finding of deps.archive.verify()) problems.push(finding);
  let indexed = 0;
  for await (const entry of deps.store.archiveIndex()) {
    indexed++;
    if (!(await deps.archive.has(entry.sha256))) problems.push({ sha256: entry.sha256, problem: "missing" });
  }
  return { indexed, problems };
}
