import type { Recipient } from "./recipient.ts";

/** A recipient for tests and examples: customer C001, an active person, with the given fields overridden. */
export function buildRecipient(overrides: Partial<Recipient> & Pick<Recipient, "id">): Recipient {
  return {
    customerNumber: "C001",
    role: "person",
    email: `${overrides.id}@example.be`,
    name: null,
    status: "active",
    statusReason: null,
    ...overrides,
  };
}
