import { describe, expect, it } from "vitest";
import { buildRecipient } from "./build-recipient.ts";
import { copyRecipients } from "./copy-recipients.ts";
import { hasCentralMailbox } from "./has-central-mailbox.ts";
import { mainRecipients } from "./main-recipients.ts";
import { reminderRecipients } from "./reminder-recipients.ts";

const ids = (recipients: readonly { id: string }[]) => recipients.map((r) => r.id);

const mailbox = buildRecipient({ id: "mailbox", role: "invoice-mailbox", email: "invoices@acme.be" });
const marie = buildRecipient({ id: "marie", email: "marie@acme.be", name: "Marie Dupont" });
const jan = buildRecipient({ id: "jan", email: "jan@acme.be" });
const copy = buildRecipient({ id: "copy", role: "copy", email: "accountant@fiduciaire.be" });
const reminders = buildRecipient({ id: "reminders", role: "reminders", email: "credit@acme.be" });

describe("mainRecipients", () => {
  it("sends to the active invoice mailbox alone when there is one", () => {
    expect(ids(mainRecipients([marie, mailbox, jan, copy]))).toEqual(["mailbox"]);
  });

  it("sends to every active person when there is no active mailbox", () => {
    const suspendedMailbox = { ...mailbox, status: "suspended" as const };
    expect(ids(mainRecipients([marie, suspendedMailbox, jan, copy]))).toEqual(["marie", "jan"]);
  });

  it("skips suspended and removed persons", () => {
    const gone = { ...jan, status: "removed" as const };
    const paused = buildRecipient({ id: "paused", status: "suspended" });
    expect(ids(mainRecipients([marie, gone, paused]))).toEqual(["marie"]);
  });

  it("never promotes copy or reminders recipients, even when nobody else is left", () => {
    expect(mainRecipients([copy, reminders])).toEqual([]);
  });
});

describe("copyRecipients", () => {
  it("lists the active copy recipients", () => {
    expect(
      ids(copyRecipients([mailbox, copy, { ...copy, id: "old", email: "old@x.be", status: "removed" }])),
    ).toEqual(["copy"]);
  });

  it("drops a copy whose address is already a main recipient, whatever its case", () => {
    const duplicate = buildRecipient({ id: "dup", role: "copy", email: "Invoices@acme.be" });
    expect(ids(copyRecipients([mailbox, duplicate, copy]))).toEqual(["copy"]);
  });

  it("sends one copy to an address listed twice", () => {
    const twice = { ...copy, id: "copy2" };
    expect(ids(copyRecipients([marie, copy, twice]))).toEqual(["copy"]);
  });
});

describe("reminderRecipients", () => {
  it("uses the active reminders recipients when there are some", () => {
    expect(ids(reminderRecipients([mailbox, reminders, marie]))).toEqual(["reminders"]);
  });

  it("falls back to the main recipients when there are none", () => {
    expect(ids(reminderRecipients([mailbox, marie, copy]))).toEqual(["mailbox"]);
    expect(ids(reminderRecipients([marie, jan, { ...reminders, status: "suspended" }]))).toEqual([
      "marie",
      "jan",
    ]);
  });
});

describe("hasCentralMailbox", () => {
  it("is true only with an active invoice mailbox", () => {
    expect(hasCentralMailbox([marie, mailbox])).toBe(true);
    expect(hasCentralMailbox([marie, { ...mailbox, status: "suspended" }])).toBe(false);
    expect(hasCentralMailbox([])).toBe(false);
  });
});
