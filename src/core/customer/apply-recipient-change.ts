import { parseEmailAddress } from "../email-address.ts";
import { err, ok, type Result } from "../result.ts";
import type { Recipient } from "./recipient.ts";
import type { RecipientChange, RecipientChangeError, RecipientChangeErrorCode } from "./recipient-change.ts";
import { sameAddress } from "./same-address.ts";

type Outcome = Result<readonly Recipient[], RecipientChangeError>;

function refuse(code: RecipientChangeErrorCode, message: string): Outcome {
  return err({ code, message });
}

/** The rules an added or changed recipient must satisfy against the others; undefined when it fits. */
function conflict(others: readonly Recipient[], candidate: Recipient): Outcome | undefined {
  const twin = others.find(
    (r) => r.status !== "removed" && r.role === candidate.role && sameAddress(r.email, candidate.email),
  );
  if (twin !== undefined) {
    const hint = twin.status === "suspended" ? ` (suspended: reactivate ${twin.id} instead)` : "";
    return refuse("duplicate-address", `${candidate.email} is already a ${candidate.role} recipient${hint}.`);
  }
  const mailbox = others.find((r) => r.status === "active" && r.role === "invoice-mailbox");
  if (candidate.status === "active" && candidate.role === "invoice-mailbox" && mailbox !== undefined) {
    return refuse(
      "second-invoice-mailbox",
      `The customer already has an active invoice mailbox, ${mailbox.email}: suspend or remove it first.`,
    );
  }
  return undefined;
}

function normaliseName(name: string | null | undefined): Result<string | null, RecipientChangeError> {
  const trimmed = name?.trim() ?? "";
  if (/\p{C}/u.test(trimmed))
    return err({ code: "invalid-name", message: "The name contains a line break or control character." });
  return ok(trimmed === "" ? null : trimmed);
}

function changed(
  target: Recipient,
  change: Exclude<RecipientChange, { kind: "add" }>,
): Result<Recipient, RecipientChangeError> {
  const same = (what: string): Result<Recipient, RecipientChangeError> =>
    err({ code: "unchanged", message: `${target.email} ${what}.` });
  switch (change.kind) {
    case "change-address": {
      const email = parseEmailAddress(change.email);
      if (!email.ok) return err({ code: "invalid-email", message: email.error.message });
      return email.value === target.email
        ? same("already has this address")
        : ok({ ...target, email: email.value });
    }
    case "change-role":
      return change.role === target.role
        ? same(`already has the role ${target.role}`)
        : ok({ ...target, role: change.role });
    case "suspend": {
      const reason = change.reason.trim();
      if (reason === "")
        return err({ code: "missing-reason", message: "Say why the recipient is suspended." });
      return target.status === "suspended"
        ? same("is already suspended")
        : ok({ ...target, status: "suspended", statusReason: reason });
    }
    case "remove":
      return ok({ ...target, status: "removed", statusReason: change.reason?.trim() || null });
    case "reactivate":
      return target.status === "active"
        ? same("is already active")
        : ok({ ...target, status: "active", statusReason: null });
  }
}

function addRecipient(
  customerNumber: string,
  current: readonly Recipient[],
  change: RecipientChange & { kind: "add" },
): Outcome {
  if (current.some((r) => r.id === change.id))
    return refuse("duplicate-id", `A recipient with id ${change.id} already exists.`);
  const email = parseEmailAddress(change.email);
  if (!email.ok) return refuse("invalid-email", email.error.message);
  const name = normaliseName(change.name);
  if (!name.ok) return err(name.error);
  const role = change.role;
  const added: Recipient = {
    id: change.id,
    customerNumber,
    role,
    email: email.value,
    name: name.value,
    status: "active",
    statusReason: null,
  };
  // Adding back a removed address would split its history over two ids.
  const retired = current.find(
    (r) => r.status === "removed" && r.role === role && sameAddress(r.email, added.email),
  );
  if (retired !== undefined) {
    return refuse(
      "duplicate-address",
      `${added.email} was removed as ${role}: reactivate ${retired.id} to keep its history.`,
    );
  }
  return conflict(current, added) ?? ok([...current, added]);
}

/**
 * Checks a proposed change against a customer's current recipients and returns the new list, or the reason it is
 * refused: a second active invoice mailbox (naming the existing one), an address already present in that role,
 * an invalid address or name, a change to a removed recipient other than reactivating it, or a change that would
 * change nothing. The changed recipient keeps its id and place in the list; an added one goes last.
 */
export function applyRecipientChange(
  customerNumber: string,
  current: readonly Recipient[],
  change: RecipientChange,
): Outcome {
  const stranger = current.find((r) => r.customerNumber !== customerNumber);
  if (stranger !== undefined)
    return refuse(
      "other-customer",
      `Recipient ${stranger.id} belongs to customer ${stranger.customerNumber}.`,
    );
  if (change.kind === "add") return addRecipient(customerNumber, current, change);
  const target = current.find((r) => r.id === change.id);
  if (target === undefined)
    return refuse("unknown-recipient", `Customer ${customerNumber} has no recipient ${change.id}.`);
  if (target.status === "removed" && change.kind !== "reactivate") {
    if (change.kind === "remove") return refuse("unchanged", `${target.email} is already removed.`);
    return refuse("removed-recipient", `${target.email} was removed: reactivate it before changing it.`);
  }
  const next = changed(target, change);
  if (!next.ok) return err(next.error);
  const updated = current.map((r) => (r.id === target.id ? next.value : r));
  // Suspending or removing can only resolve conflicts, never create one.
  if (change.kind === "suspend" || change.kind === "remove") return ok(updated);
  return (
    conflict(
      current.filter((r) => r.id !== target.id),
      next.value,
    ) ?? ok(updated)
  );
}
