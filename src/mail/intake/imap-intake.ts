import { ImapFlow } from "imapflow";
import type { HandledBounce, InboundSource } from "../../app/handle-bounce.ts";
import type { InboundOutcome, InboundRecord } from "../../app/ports/bounce-store.ts";
import { abortable, emptyTally, type IntakeEvent, type IntakeTally } from "./intake-events.ts";

/** Folders a handled message is moved to, by outcome. */
export interface IntakeFolders {
  readonly processed: string;
  readonly unmatched: string;
  readonly quarantined: string;
}

export const DEFAULT_FOLDERS: IntakeFolders = {
  processed: "processed",
  unmatched: "unmatched",
  quarantined: "quarantine",
};

export interface ImapIntakeOptions {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (imaps); otherwise STARTTLS is used when the server offers it. */
  readonly secure: boolean;
  readonly auth: { readonly user: string; readonly pass: string };
  /** The folder bounces arrive in. */
  readonly mailbox: string;
  readonly folders?: IntakeFolders;
  /** Bytes of one message fetched and handled; the rest of a larger one is left on the server. */
  readonly maxBytes: number;
  /** Without IDLE, how often to look; with it, how long one IDLE lasts before it is renewed. */
  readonly pollMs: number;
  /** What was recorded for a message read from `ref` before (a crash between handling and moving it). */
  recorded(ref: string): Promise<Pick<InboundRecord, "outcome"> | null>;
  /** Handles one message: the handleBounce use-case. */
  handle(raw: Buffer, source: InboundSource): Promise<HandledBounce>;
  onEvent?(event: IntakeEvent): void;
}

/** The bounce mailbox, read over IMAP. */
export interface ImapIntake {
  /** Connects, handles every message in the mailbox, moves each to its folder, and disconnects. */
  drain(): Promise<IntakeTally>;
  /** Drains, then waits for new mail (IDLE when offered, else polling) and drains again, until `signal` aborts. */
  run(signal: AbortSignal): Promise<IntakeTally>;
}

/** A message whose handling threw this many times is moved to quarantine rather than retried forever. */
const MAX_FAILURES = 3;

/**
 * The IMAP intake: each message of the bounce folder is handled once and moved to `processed`, `unmatched` or
 * `quarantine`. Idempotent across crashes: a message is looked up by `imap:<mailbox>:<uidvalidity>:<uid>` before it
 * is fetched, so one handled but not yet moved is only moved; the use-case itself refuses the same bytes twice.
 * A message is fetched up to `maxBytes` (the report parts of a bounce come first). When handling throws (the database
 * is down), the message stays where it is for the next pass; after three failures it goes to quarantine.
 */
export function createImapIntake(options: ImapIntakeOptions): ImapIntake {
  const folders = options.folders ?? DEFAULT_FOLDERS;
  const failures = new Map<string, number>();
  const emit = (event: IntakeEvent) => options.onEvent?.(event);

  function connect(): ImapFlow {
    const client = new ImapFlow({
      host: options.host,
      port: options.port,
      secure: options.secure,
      auth: { user: options.auth.user, pass: options.auth.pass },
      logger: false,
      autoIdleDelay: 1_000,
      maxIdleTime: options.pollMs,
      socketTimeout: Math.max(60_000, options.pollMs * 2),
    });
    client.on("error", (error: unknown) =>
      emit({ kind: "error", message: `imap: ${error instanceof Error ? error.message : String(error)}` }),
    );
    return client;
  }

  async function ensureFolders(client: ImapFlow): Promise<void> {
    const existing = new Set((await client.list()).map((m) => m.path));
    for (const folder of Object.values(folders)) {
      if (!existing.has(folder)) await client.mailboxCreate(folder);
    }
  }

  async function handleOne(client: ImapFlow, uid: number, ref: string, tally: IntakeTally): Promise<void> {
    let outcome: InboundOutcome | null = (await options.recorded(ref))?.outcome ?? null;
    if (outcome === null) {
      const message = await client.fetchOne(
        String(uid),
        { uid: true, size: true, source: { start: 0, maxLength: options.maxBytes } },
        { uid: true },
      );
      if (message === false || message.source === undefined) return;
      try {
        const handled = await options.handle(message.source, {
          kind: "imap",
          ref,
          ...(message.size === undefined ? {} : { size: message.size }),
        });
        outcome =
          handled.outcome === "duplicate" ? (handled.previousOutcome ?? "processed") : handled.outcome;
        emit({ kind: "handled", ref, outcome: handled.outcome, summary: handled.summary });
      } catch (error) {
        const count = (failures.get(ref) ?? 0) + 1;
        failures.set(ref, count);
        const message = error instanceof Error ? error.message : String(error);
        if (count < MAX_FAILURES) throw error;
        emit({
          kind: "error",
          message: `${ref}: failed ${count} times (${message}); moved to ${folders.quarantined}`,
        });
        outcome = "quarantined";
      }
    } else {
      emit({
        kind: "handled",
        ref,
        outcome: "duplicate",
        summary: `recorded before as ${outcome}; moved only`,
      });
    }
    await client.messageMove(String(uid), folders[outcome], { uid: true });
    failures.delete(ref);
    tally[outcome]++;
  }

  async function drainWith(client: ImapFlow, tally: IntakeTally): Promise<void> {
    const lock = await client.getMailboxLock(options.mailbox);
    try {
      const mailbox = client.mailbox;
      if (mailbox === false) return;
      const uids = (await client.search({ all: true }, { uid: true })) || [];
      for (const uid of [...uids].sort((a, b) => a - b)) {
        await handleOne(client, uid, `imap:${options.mailbox}:${mailbox.uidValidity}:${uid}`, tally);
      }
    } finally {
      lock.release();
    }
  }

  async function waitForMail(client: ImapFlow, signal: AbortSignal): Promise<void> {
    let onExists: (() => void) | undefined;
    const arrived = new Promise<void>((resolve) => {
      onExists = () => resolve();
      client.on("exists", onExists);
    });
    try {
      await Promise.race([arrived, abortable(options.pollMs, signal)]);
    } finally {
      if (onExists !== undefined) client.off("exists", onExists);
    }
  }

  return {
    async drain() {
      const tally = emptyTally();
      const client = connect();
      await client.connect();
      try {
        await ensureFolders(client);
        await drainWith(client, tally);
      } finally {
        await client.logout().catch(() => undefined);
      }
      return tally;
    },
    async run(signal) {
      const tally = emptyTally();
      let backoff = 1_000;
      while (!signal.aborted) {
        const client = connect();
        try {
          await client.connect();
          await ensureFolders(client);
          emit({
            kind: "connected",
            message: `imap ${options.host}:${options.port} ${options.mailbox}, IDLE ${client.capabilities.has("IDLE") ? "on" : "off (polling)"}`,
          });
          backoff = 1_000;
          while (!signal.aborted && client.usable) {
            await drainWith(client, tally);
            await waitForMail(client, signal);
          }
        } catch (error) {
          emit({
            kind: "error",
            message: `imap: ${error instanceof Error ? error.message : String(error)}; retrying in ${backoff} ms`,
          });
          await abortable(backoff, signal);
          backoff = Math.min(backoff * 2, Math.max(options.pollMs, 60_000));
        } finally {
          await client.logout().catch(() => undefined);
        }
      }
      return tally;
    },
  };
}
