import type { JsonObject } from "../core/audit/json-value.ts";
import { evidenceReplyText, evidenceText as str } from "../core/delivery/evidence-values.ts";
import type { BounceStore, FailureEvent } from "./ports/bounce-store.ts";

/** One failure reported in a digest. */
export interface DigestEntry {
  readonly at: Date;
  readonly invoiceNumber: string;
  readonly customerNumber: string;
  readonly customerName: string;
  readonly role: "main" | "copy";
  /** The address concerned, or every address of the message. */
  readonly address: string;
  /** `bounced`, `one address bounced`, `refused by the relay`, ... */
  readonly what: string;
  /** The evidence, quoted. */
  readonly detail: string;
}

/** The failures of a period, for the account owner. */
export interface FailureDigest {
  readonly since: Date;
  readonly until: Date;
  readonly entries: readonly DigestEntry[];
  /** A plain-text message, ready to be mailed. */
  readonly text: string;
}

export interface FailureDigestDeps {
  readonly store: BounceStore;
  readonly now: () => Date;
}

export interface FailureDigestOptions {
  /** Report failures from here; default: where the last marked digest stopped, else 24 hours ago. */
  readonly since?: Date;
  /** Remember `until` so the next digest starts there (a digest that was sent). */
  readonly mark?: boolean;
  /** Whose digest: marks are kept per name. */
  readonly name?: string;
}

const DAY_MS = 86_400_000;

function describe(event: FailureEvent["event"]): { what: string; detail: string } | null {
  const ev: JsonObject = event.evidence;
  const bounce = () =>
    [str(ev.status), str(ev.reason)].filter((s) => s !== "").join(" ") +
    (str(ev.diagnostic) === "" ? "" : `: ${str(ev.diagnostic).slice(0, 200)}`);
  const reply = () => evidenceReplyText(ev);
  switch (event.event) {
    case "bounce":
      return { what: "bounced", detail: bounce() };
    case "reject":
      return { what: "refused by the relay", detail: reply() };
    case "expire":
      return { what: "never accepted by the relay (retries ran out)", detail: reply() };
    case "park":
      return { what: "stopped after repeated errors", detail: str(ev.error) };
    case "note":
      switch (ev.kind) {
        case "recipient-bounced":
          return { what: "one address bounced", detail: bounce() };
        case "soft-failure":
          return { what: "temporary failure downstream", detail: bounce() };
        case "unattributed-failure":
          return { what: "a bounce naming no address of the message", detail: bounce() };
        case "complaint":
          return { what: "marked as spam by the recipient", detail: str(ev.feedbackType) };
        default:
          return null;
      }
    default:
      return null;
  }
}

function instant(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function render(since: Date, until: Date, entries: readonly DigestEntry[]): string {
  const lines = [
    entries.length === 0
      ? `facteur: no new delivery failure between ${instant(since)} and ${instant(until)}.`
      : `facteur: ${entries.length} new delivery failure${entries.length === 1 ? "" : "s"} between ${instant(since)} and ${instant(until)}.`,
  ];
  const byInvoice = new Map<string, DigestEntry[]>();
  for (const e of entries) byInvoice.set(e.invoiceNumber, [...(byInvoice.get(e.invoiceNumber) ?? []), e]);
  for (const [number, list] of byInvoice) {
    const first = list[0] as DigestEntry;
    lines.push(
      "",
      `Invoice ${number} - customer ${first.customerNumber}${first.customerName === "" ? "" : ` (${first.customerName})`}`,
    );
    for (const e of list) {
      lines.push(
        `  - ${instant(e.at)}  ${e.role === "copy" ? "copy to " : ""}${e.address}: ${e.what}${e.detail === "" ? "" : `: ${e.detail}`}`,
      );
    }
  }
  if (entries.length > 0) {
    lines.push(
      "",
      "What to do: `facteur undelivered list` shows every invoice not known to be delivered, with its actions",
      "(fix the address and resend, send to another recipient, or print it for the post).",
    );
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The digest of new delivery failures for the account owner: every bounce, relay refusal, expiry, parked message,
 * failed address and complaint recorded in the period, grouped by invoice, as entries and as a plain-text message.
 * With `mark`, the end of the period is remembered so the next digest reports only what is newer.
 */
export async function failureDigest(
  deps: FailureDigestDeps,
  options: FailureDigestOptions = {},
): Promise<FailureDigest> {
  const name = options.name ?? "owner";
  const until = deps.now();
  const since = options.since ?? (await deps.store.digestMark(name)) ?? new Date(until.getTime() - DAY_MS);
  const events = await deps.store.failureEvents(since, until);
  const names = new Map<string, string>();
  const entries: DigestEntry[] = [];
  for (const { delivery, event } of events) {
    const described = describe(event);
    if (described === null) continue;
    if (!names.has(delivery.customerNumber)) {
      names.set(
        delivery.customerNumber,
        (await deps.store.getCustomer(delivery.customerNumber))?.legalName ?? "",
      );
    }
    entries.push({
      at: event.at,
      invoiceNumber: delivery.invoiceNumber,
      customerNumber: delivery.customerNumber,
      customerName: names.get(delivery.customerNumber) ?? "",
      role: delivery.role,
      address: str(event.evidence.recipient) || delivery.recipients.map((r) => r.email).join(", "),
      ...described,
    });
  }
  if (options.mark === true) await deps.store.transaction((unit) => unit.setDigestMark(name, until));
  return { since, until, entries, text: render(since, until, entries) };
}
