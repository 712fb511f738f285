/**
 * The payment due date (BT-9) from the issue date and the customer's payment terms in days, as calendar arithmetic in
 * UTC so that no time zone or daylight-saving change moves it.
 */
export function dueDateFor(issueDate: string, termsDays: number): string {
  const date = new Date(`${issueDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + termsDays);
  return date.toISOString().slice(0, 10);
}
