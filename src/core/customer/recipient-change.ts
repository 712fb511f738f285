import type { RecipientRole } from "./recipient.ts";

/**
 * A proposed change to a customer's recipients. Nothing is ever deleted: `remove` sets the status to "removed",
 * so the history of who received what stays readable, and `reactivate` brings a suspended or removed one back.
 */
export type RecipientChange =
  | {
      readonly kind: "add";
      /** Id for the new recipient (a uuid chosen by the caller; the core has no randomness). */
      readonly id: string;
      readonly role: RecipientRole;
      readonly email: string;
      readonly name?: string | null;
    }
  | { readonly kind: "change-address"; readonly id: string; readonly email: string }
  | { readonly kind: "change-role"; readonly id: string; readonly role: RecipientRole }
  | { readonly kind: "suspend"; readonly id: string; readonly reason: string }
  | { readonly kind: "remove"; readonly id: string; readonly reason?: string | null }
  | { readonly kind: "reactivate"; readonly id: string };

/** Why a change was refused. */
export type RecipientChangeErrorCode =
  | "other-customer"
  | "unknown-recipient"
  | "duplicate-id"
  | "invalid-email"
  | "invalid-name"
  | "missing-reason"
  | "second-invoice-mailbox"
  | "duplicate-address"
  | "removed-recipient"
  | "unchanged";

/** A refused change, with a sentence for the operator. */
export interface RecipientChangeError {
  readonly code: RecipientChangeErrorCode;
  readonly message: string;
}
