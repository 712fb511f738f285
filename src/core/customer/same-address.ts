/**
 * True when two normalised addresses reach the same mailbox for de-duplication purposes. The local part is
 * compared case-insensitively: RFC 5321 allows case-sensitive mailboxes, but no invoice recipient relies on it,
 * and sending twice to Marie@ and marie@ is the likelier mistake.
 */
export function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
