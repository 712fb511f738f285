import { ImapFlow } from "imapflow";
import type { IntakeFolders } from "../../src/mail/intake/imap-intake.ts";
import { labConfig, waitForMessages } from "../support/mail-lab.ts";

/**
 * One test run's corner of the lab's bounce mailbox: an intake folder and its processed / unmatched / quarantine
 * folders named after the run, since the mailbox's INBOX is shared with other tests' DSNs.
 */
export interface BounceMailbox {
  readonly intake: string;
  readonly folders: IntakeFolders;
  /** The IMAP settings of the bounce mailbox, as the intake takes them. */
  readonly imap: {
    readonly host: string;
    readonly port: number;
    readonly secure: false;
    readonly auth: { readonly user: string; readonly pass: string };
  };
  /** Creates the intake folder. */
  create(): Promise<void>;
  /** Deletes every folder of the run (best effort: used in afterAll). */
  remove(): Promise<void>;
  /** Waits for `count` DSNs addressed to these return paths in the shared INBOX and moves them to the intake folder. */
  collectDsns(returnPaths: readonly string[], count: number): Promise<void>;
  /** Appends a raw message to the intake folder. */
  append(raw: Buffer): Promise<void>;
  /** How many messages a folder holds. */
  countIn(folder: string): Promise<number>;
}

/** The bounce mailbox of the lab, seen by the run `run`. */
export function bounceMailbox(run: string): BounceMailbox {
  const intake = `lab-${run}`;
  const folders: IntakeFolders = {
    processed: `lab-${run}-processed`,
    unmatched: `lab-${run}-unmatched`,
    quarantined: `lab-${run}-quarantine`,
  };
  const imap = {
    host: labConfig.imap.host,
    port: labConfig.imap.port,
    secure: false as const,
    auth: { user: labConfig.bounceMailbox, pass: labConfig.password },
  };
  async function withClient<T>(work: (client: ImapFlow) => Promise<T>): Promise<T> {
    const client = new ImapFlow({ ...imap, logger: false, disableAutoIdle: true });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.logout();
    }
  }
  return {
    intake,
    folders,
    imap,
    create: () => withClient(async (client) => void (await client.mailboxCreate(intake))),
    remove: () =>
      withClient(async (client) => {
        for (const folder of [intake, ...Object.values(folders)])
          await client.mailboxDelete(folder).catch(() => undefined);
      }).catch(() => undefined),
    async collectDsns(returnPaths, count) {
      const wanted = new Set(returnPaths.map((p) => p.toLowerCase()));
      const deliveredTo = (source: Buffer) =>
        (/^Delivered-To: (\S+)/m.exec(source.toString("latin1"))?.[1] ?? "").toLowerCase();
      const found = await waitForMessages(
        labConfig.bounceMailbox,
        (m) => wanted.has(deliveredTo(m.source)),
        90_000,
        {
          minCount: count,
        },
      );
      await withClient(async (client) => {
        const lock = await client.getMailboxLock("INBOX");
        try {
          await client.messageMove(found.map((m) => m.uid).join(","), intake, { uid: true });
        } finally {
          lock.release();
        }
      });
    },
    append: (raw) => withClient(async (client) => void (await client.append(intake, raw))),
    countIn: (folder) =>
      withClient(async (client) => {
        const status = await client.status(folder, { messages: true });
        return status === false ? 0 : (status.messages ?? 0);
      }),
  };
}
