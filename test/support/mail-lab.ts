/**
 * Test helpers for the real mail lab (scripts/lab/mail-lab.sh): Postfix on 127.0.0.1:25 relaying to
 * the customer test domains, Dovecot serving every lab mailbox over IMAP, real DSNs to the bounce domain.
 * The lab is one per machine and its fault mode is global: test files that set faults must not run in
 * parallel with other lab tests, and tests should match their own messages (unique subject or token)
 * rather than count a mailbox.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { ImapFlow } from "imapflow";
import { type ParsedMail, simpleParser } from "mailparser";

const run = promisify(execFile);
const labScript = fileURLToPath(new URL("../../scripts/lab/mail-lab.sh", import.meta.url));
const labEnv = fileURLToPath(new URL("../../scripts/lab/lab.env", import.meta.url));

/** Where and how tests reach the lab; the values come from scripts/lab/lab.env. */
export interface LabConfig {
  readonly smtp: { readonly host: string; readonly port: number };
  readonly imap: { readonly host: string; readonly port: number };
  /** Password of every lab mailbox (IMAP login is the full address). */
  readonly password: string;
  /** Domains delivered to Dovecot ("the customers' server"); unknown users there bounce after acceptance. */
  readonly customerDomains: readonly string[];
  /** Known customer mailboxes, as addresses. */
  readonly mailboxes: readonly string[];
  /** A customer mailbox whose quota is exceeded by any message: delivery bounces with 5.2.2. */
  readonly fullMailbox: string;
  /** Domain of the VERP return paths; every address in it lands in `bounceMailbox`. */
  readonly bounceDomain: string;
  /** IMAP user holding every DSN: `bounces@<bounceDomain>`. */
  readonly bounceMailbox: string;
  /** A domain that does not exist: Postfix bounces with 5.4.4 (host not found). */
  readonly nonexistentDomain: string;
  /** A domain whose server never answers: deferred, a delayed DSN, then expiry. */
  readonly unreachableDomain: string;
  /** A domain whose mail Postfix accepts and discards (probes, benchmarks). */
  readonly sinkDomain: string;
  readonly stateDir: string;
}

function readLabEnv(): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of readFileSync(labEnv, "utf8").split("\n")) {
    const match = /^([A-Z_]+)="(.*)"$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) values.set(match[1], match[2]);
  }
  return values;
}

function buildConfig(env: Map<string, string>): LabConfig {
  const get = (key: string): string => {
    const value = env.get(key);
    if (value === undefined) throw new Error(`scripts/lab/lab.env has no ${key}`);
    return value;
  };
  const host = get("LAB_SMTP_HOST");
  const bounceDomain = get("LAB_BOUNCE_DOMAIN");
  return {
    smtp: { host, port: Number(get("LAB_SMTP_PORT")) },
    imap: { host, port: Number(get("LAB_IMAP_PORT")) },
    password: get("LAB_PASSWORD"),
    customerDomains: get("LAB_CUSTOMER_DOMAINS").split(" "),
    mailboxes: get("LAB_MAILBOXES").split(" "),
    fullMailbox: get("LAB_FULL_MAILBOX"),
    bounceDomain,
    bounceMailbox: `${get("LAB_BOUNCE_USER")}@${bounceDomain}`,
    nonexistentDomain: get("LAB_NONEXISTENT_DOMAIN"),
    unreachableDomain: get("LAB_UNREACHABLE_DOMAIN"),
    sinkDomain: get("LAB_SINK_DOMAIN"),
    stateDir: get("LAB_STATE_DIR"),
  };
}

export const labConfig: LabConfig = buildConfig(readLabEnv());

/** The VERP return path `bounces+TOKEN@<bounceDomain>` whose DSNs reach the bounce mailbox. */
export function verpAddress(token: string): string {
  return `${labConfig.bounceMailbox.split("@")[0]}+${token}@${labConfig.bounceDomain}`;
}

/** Runs mail-lab.sh with the given arguments and returns its standard output. */
export async function labCommand(...args: string[]): Promise<string> {
  if (process.getuid?.() !== 0) {
    throw new Error("the mail lab needs root (it runs the system Postfix on port 25): run the tests as root");
  }
  try {
    const { stdout } = await run("bash", [labScript, ...args], { timeout: 300_000 });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`mail-lab.sh ${args.join(" ")} failed: ${stderr.trim() || String(error)}`);
  }
}

let ensured: Promise<void> | undefined;

/** Installs and starts the lab unless it is already up; once per test process, leaving faults as they are. */
export function ensureMailLab(): Promise<void> {
  ensured ??= labCommand("ensure").then(() => undefined);
  return ensured;
}

export type FaultMode = "none" | "4xx" | "5xx" | "4xx-data" | "5xx-data" | "down";

/**
 * Makes the relay misbehave until the next call: 4xx/5xx refuse at RCPT TO (451 4.3.0 / 554 5.7.1),
 * the -data variants after the message body, `down` stops Postfix (connections refused), `none` restores.
 * Resolves once a fresh connection shows the mode; connections opened earlier keep the old behaviour.
 */
export async function setFault(mode: FaultMode): Promise<void> {
  await labCommand("fault", mode);
}

/** Asks Postfix to retry its deferred mail now (postqueue -f). */
export async function flushQueue(): Promise<void> {
  await labCommand("flush");
}

/** Expunges every message of every lab mailbox (other tests' messages too: use it only when alone). */
export async function clearMailboxes(): Promise<void> {
  await labCommand("clear");
}

export type QueueSetting =
  | "queue_run_delay"
  | "minimal_backoff_time"
  | "maximal_backoff_time"
  | "maximal_queue_lifetime"
  | "bounce_queue_lifetime"
  | "delay_warning_time";

/** Changes Postfix queue timings (Postfix time values such as "5s") until the next `mail-lab.sh up`. */
export async function tuneQueue(settings: Partial<Record<QueueSetting, string>>): Promise<void> {
  const pairs = Object.entries(settings).map(([name, value]) => `${name}=${value}`);
  if (pairs.length > 0) await labCommand("tune", ...pairs);
}

function imapClient(user: string): ImapFlow {
  return new ImapFlow({
    host: labConfig.imap.host,
    port: labConfig.imap.port,
    secure: false,
    auth: { user, pass: labConfig.password },
    logger: false,
    disableAutoIdle: true,
  });
}

/** Number of messages in `user`'s mailbox (INBOX unless named), read over IMAP. */
export async function countMessages(user: string, mailbox = "INBOX"): Promise<number> {
  const client = imapClient(user);
  await client.connect();
  try {
    const status = await client.status(mailbox, { messages: true });
    if (status === false) throw new Error(`${user}: no status for ${mailbox}`);
    return status.messages ?? 0;
  } finally {
    await client.logout();
  }
}

/** One message read from a lab mailbox over IMAP. */
export interface LabMessage {
  readonly uid: number;
  /** The bytes as stored by the server. */
  readonly source: Buffer;
  readonly parsed: ParsedMail;
}

export interface WaitOptions {
  /** Resolve once this many messages match (default 1). */
  readonly minCount?: number;
  readonly mailbox?: string;
}

/**
 * Polls `user`'s mailbox over IMAP until `minCount` messages satisfy `predicate`, and returns all
 * messages that do. Rejects after `timeoutMs`, naming the subjects it saw.
 */
export async function waitForMessages(
  user: string,
  predicate: (message: LabMessage) => boolean,
  timeoutMs = 20_000,
  options: WaitOptions = {},
): Promise<LabMessage[]> {
  const minCount = options.minCount ?? 1;
  const client = imapClient(user);
  await client.connect();
  const seen: LabMessage[] = [];
  const deadline = Date.now() + timeoutMs;
  try {
    const lock = await client.getMailboxLock(options.mailbox ?? "INBOX");
    try {
      let lastUid = 0;
      for (;;) {
        await client.noop();
        const exists = client.mailbox === false ? 0 : client.mailbox.exists;
        if (exists > 0) {
          for await (const message of client.fetch(
            `${lastUid + 1}:*`,
            { uid: true, source: true },
            { uid: true },
          )) {
            if (message.uid <= lastUid || message.source === undefined) continue;
            seen.push({
              uid: message.uid,
              source: message.source,
              parsed: await simpleParser(message.source),
            });
            lastUid = Math.max(lastUid, message.uid);
          }
        }
        const matching = seen.filter(predicate);
        if (matching.length >= minCount) return matching;
        if (Date.now() > deadline) {
          const subjects = seen.map((message) => message.parsed.subject ?? "(no subject)").join("; ");
          throw new Error(
            `${user}: ${matching.length} of ${minCount} expected messages after ${timeoutMs} ms (seen: ${subjects || "none"})`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}
