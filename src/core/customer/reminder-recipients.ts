import { mainRecipients } from "./main-recipients.ts";
import type { Recipient } from "./recipient.ts";

/** Who receives payment reminders: the active `reminders` recipients, or the main recipients when there are none. */
export function reminderRecipients(recipients: readonly Recipient[]): readonly Recipient[] {
  const reminders = recipients.filter((r) => r.status === "active" && r.role === "reminders");
  return reminders.length > 0 ? reminders : mainRecipients(recipients);
}
