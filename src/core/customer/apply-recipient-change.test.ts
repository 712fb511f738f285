import { describe, expect, it } from "vitest";
import { applyRecipientChange } from "./apply-recipient-change.ts";
import { buildRecipient } from "./build-recipient.ts";
import type { Recipient } from "./recipient.ts";
import type { RecipientChange } from "./recipient-change.ts";

const mailbox = buildRecipient({ id: "mailbox", role: "invoice-mailbox", email: "invoices@acme.be" });
const marie = buildRecipient({ id: "marie", email: "marie@acme.be", name: "Marie Dupont" });
const removedJan = buildRecipient({
  id: "jan",
  email: "jan@acme.be",
  status: "removed",
  statusReason: "left",
});
const current: readonly Recipient[] = [mailbox, marie, removedJan];

function apply(change: RecipientChange, recipients: readonly Recipient[] = current) {
  return applyRecipientChange("C001", recipients, change);
}

function errorCode(change: RecipientChange, recipients: readonly Recipient[] = current) {
  const result = apply(change, recipients);
  return result.ok ? "accepted" : result.error.code;
}

describe("applyRecipientChange: add", () => {
  it("adds an active recipient last, with its address normalised and its name trimmed", () => {
    const result = apply({
      kind: "add",
      id: "piet",
      role: "copy",
      email: " Piet@ACME.be ",
      name: "  Piet  ",
    });
    expect(result.ok && result.value.at(-1)).toEqual({
      id: "piet",
      customerNumber: "C001",
      role: "copy",
      email: "Piet@acme.be",
      name: "Piet",
      status: "active",
      statusReason: null,
    });
    expect(result.ok && result.value.slice(0, 3)).toEqual(current);
  });

  it("refuses a second active invoice mailbox and names the existing one", () => {
    const result = apply({ kind: "add", id: "m2", role: "invoice-mailbox", email: "facturen@acme.be" });
    expect(result.ok ? result.value : result.error.code).toBe("second-invoice-mailbox");
    expect(result.ok ? "" : result.error.message).toContain("invoices@acme.be");
  });

  it("accepts a new invoice mailbox once the old one is suspended", () => {
    const suspended = { ...mailbox, status: "suspended" as const, statusReason: "bounced" };
    expect(
      errorCode({ kind: "add", id: "m2", role: "invoice-mailbox", email: "facturen@acme.be" }, [suspended]),
    ).toBe("accepted");
  });

  it("refuses an address already present in the same role, ignoring its case", () => {
    expect(errorCode({ kind: "add", id: "x", role: "person", email: "MARIE@acme.be" })).toBe(
      "duplicate-address",
    );
  });

  it("accepts the same address in another role", () => {
    expect(errorCode({ kind: "add", id: "x", role: "reminders", email: "marie@acme.be" })).toBe("accepted");
  });

  it("refuses to add back a removed address and points to the recipient to reactivate", () => {
    const result = apply({ kind: "add", id: "jan2", role: "person", email: "jan@acme.be" });
    expect(result.ok ? "" : result.error.message).toContain("reactivate jan");
  });

  it.each([
    [{ kind: "add", id: "marie", role: "person", email: "other@acme.be" }, "duplicate-id"],
    [{ kind: "add", id: "x", role: "person", email: "Marie <marie@acme.be>" }, "invalid-email"],
    [
      { kind: "add", id: "x", role: "person", email: "x@acme.be", name: "X\r\nBcc: y@evil.example" },
      "invalid-name",
    ],
  ] as const)("refuses %j with %s", (change, code) => {
    expect(errorCode(change)).toBe(code);
  });
});

describe("applyRecipientChange: change address and role", () => {
  it("changes the address in place, keeping the id so history follows the recipient", () => {
    const result = apply({ kind: "change-address", id: "marie", email: "marie.dupont@acme.be" });
    expect(result.ok && result.value[1]).toEqual({ ...marie, email: "marie.dupont@acme.be" });
  });

  it("refuses an address that another recipient of the same role has", () => {
    const other = buildRecipient({ id: "other", email: "other@acme.be" });
    expect(errorCode({ kind: "change-address", id: "other", email: "marie@acme.be" }, [marie, other])).toBe(
      "duplicate-address",
    );
  });

  it("refuses to make a person the invoice mailbox while another one is active", () => {
    expect(errorCode({ kind: "change-role", id: "marie", role: "invoice-mailbox" })).toBe(
      "second-invoice-mailbox",
    );
  });

  it("lets a person become the invoice mailbox when there is none", () => {
    const result = apply({ kind: "change-role", id: "marie", role: "invoice-mailbox" }, [marie]);
    expect(result.ok && result.value).toEqual([{ ...marie, role: "invoice-mailbox" }]);
  });

  it("refuses changes that change nothing", () => {
    expect(errorCode({ kind: "change-address", id: "marie", email: "marie@acme.be" })).toBe("unchanged");
    expect(errorCode({ kind: "change-role", id: "marie", role: "person" })).toBe("unchanged");
  });

  it("refuses to change a removed recipient", () => {
    expect(errorCode({ kind: "change-address", id: "jan", email: "jan2@acme.be" })).toBe("removed-recipient");
    expect(errorCode({ kind: "change-role", id: "jan", role: "copy" })).toBe("removed-recipient");
  });

  it("refuses an unknown recipient id", () => {
    expect(errorCode({ kind: "change-role", id: "nobody", role: "copy" })).toBe("unknown-recipient");
  });
});

describe("applyRecipientChange: suspend, remove, reactivate", () => {
  it("suspends with a reason", () => {
    const result = apply({ kind: "suspend", id: "mailbox", reason: " bounced: 5.1.1 user unknown " });
    expect(result.ok && result.value[0]).toEqual({
      ...mailbox,
      status: "suspended",
      statusReason: "bounced: 5.1.1 user unknown",
    });
  });

  it("refuses to suspend without a reason", () => {
    expect(errorCode({ kind: "suspend", id: "mailbox", reason: "  " })).toBe("missing-reason");
  });

  it("removes by changing the status, keeping the recipient in the list", () => {
    const result = apply({ kind: "remove", id: "marie", reason: "left the company" });
    expect(result.ok && result.value).toHaveLength(3);
    expect(result.ok && result.value[1]).toEqual({
      ...marie,
      status: "removed",
      statusReason: "left the company",
    });
  });

  it("removes without a reason", () => {
    const result = apply({ kind: "remove", id: "marie" });
    expect(result.ok && result.value[1]?.statusReason).toBeNull();
  });

  it("reactivates a removed recipient and clears the reason", () => {
    const result = apply({ kind: "reactivate", id: "jan" });
    expect(result.ok && result.value[2]).toEqual({ ...removedJan, status: "active", statusReason: null });
  });

  it("refuses to reactivate a mailbox while another mailbox is active", () => {
    const oldMailbox = buildRecipient({
      id: "old",
      role: "invoice-mailbox",
      email: "old@acme.be",
      status: "suspended",
    });
    const result = apply({ kind: "reactivate", id: "old" }, [mailbox, oldMailbox]);
    expect(result.ok ? "" : result.error.message).toContain("invoices@acme.be");
  });

  it("refuses to reactivate an address that is active again under another id", () => {
    const again = buildRecipient({ id: "jan-new", email: "jan@acme.be" });
    expect(errorCode({ kind: "reactivate", id: "jan" }, [removedJan, again])).toBe("duplicate-address");
  });

  it("refuses suspending, removing or reactivating twice", () => {
    const suspended = { ...marie, status: "suspended" as const, statusReason: "on leave" };
    expect(errorCode({ kind: "suspend", id: "marie", reason: "again" }, [suspended])).toBe("unchanged");
    expect(errorCode({ kind: "remove", id: "jan" })).toBe("unchanged");
    expect(errorCode({ kind: "reactivate", id: "marie" })).toBe("unchanged");
  });

  it("lets a duplicate left over from older data be suspended or removed", () => {
    const twin = { ...marie, id: "marie2" };
    expect(errorCode({ kind: "suspend", id: "marie2", reason: "duplicate" }, [marie, twin])).toBe("accepted");
    expect(errorCode({ kind: "remove", id: "marie2" }, [marie, twin])).toBe("accepted");
  });
});

describe("applyRecipientChange: customer", () => {
  it("refuses a list holding another customer's recipient", () => {
    const stranger = buildRecipient({ id: "s", customerNumber: "C002" });
    expect(errorCode({ kind: "remove", id: "marie" }, [marie, stranger])).toBe("other-customer");
  });

  it("does not modify the list it was given", () => {
    const before = structuredClone(current);
    apply({ kind: "remove", id: "marie" });
    expect(current).toEqual(before);
  });
});
