/**
 * Names the mail system that wrote a text bounce, from the phrases each one uses. Informational only (it is reported
 * as the bounce's `format`); classification never depends on it.
 */
const SIGNATURES: ReadonlyArray<readonly [string, RegExp]> = [
  ["qmail", /this is the qmail-send program|qmail-(?:send|remote)/i],
  ["exim", /this message was created automatically by mail delivery software/i],
  [
    "gmail",
    /delivery to the following recipient(?:s)? (?:failed|has been delayed)|google tried to deliver your message/i,
  ],
  ["google-groups", /google groups|googlegroups\.com/i],
  ["dragonfly", /dragonfly mail agent/i],
  [
    "exchange",
    /did not reach the following recipient|msexch|microsoft exchange|delivery has failed to these recipients/i,
  ],
  ["domino", /not listed in (?:domino|public name & address book)|lotus/i],
  ["sendmail", /----- (?:transcript of session|the following addresses had)/i],
  ["yahoo", /sorry, we were unable to deliver your message/i],
  ["postfix", /this is the mail system at host/i],
  ["courier", /courier mail server/i],
  ["opensmtpd", /this is the mailerdaemon at|opensmtpd/i],
];

/** The mail system a text bounce came from, or `text` when it is not recognised. */
export function formatSignature(text: string): string {
  for (const [name, re] of SIGNATURES) if (re.test(text)) return name;
  return "text";
}
