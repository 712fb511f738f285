import type { BounceRule } from "./rule.ts";

/** Remote host or recipient domain of a provider: `host` is "remote-MTA recipient-domain". */
const hostOf = (domain: string): RegExp => new RegExp(`(?:^|[.\\s])${domain.replace(/\./g, "\\.")}(?:\\s|$)`);

/**
 * Rules for what a mailbox provider says in its own words or codes (Google, Microsoft, au, NTT docomo, Tencent,
 * Amazon SES, Google Groups). They come before the generic SMTP rules because they are more specific.
 */
export const PROVIDER_RULES: readonly BounceRule[] = [
  {
    id: "amazonses.no-email",
    description: "Amazon SES's Permanent/NoEmail category means the address does not exist.",
    reason: "userunknown",
    when: { category: /^ses:Permanent\/(?:NoEmail|Suppressed|OnAccountSuppressionList)$/ },
    sample: "ses:Permanent/NoEmail",
  },
  {
    id: "amazonses.mailbox-full",
    description: "Amazon SES's MailboxFull category means the mailbox is full.",
    reason: "mailboxfull",
    when: { category: /^ses:\w+\/MailboxFull$/ },
    sample: "ses:Transient/MailboxFull",
  },
  {
    id: "amazonses.too-large",
    description: "Amazon SES's MessageTooLarge category means the message is too big.",
    reason: "mesgtoobig",
    when: { category: /^ses:\w+\/MessageTooLarge$/ },
    sample: "ses:Permanent/MessageTooLarge",
  },
  {
    id: "amazonses.content-rejected",
    description: "Amazon SES's ContentRejected or AttachmentRejected category means the content was refused.",
    reason: "contenterror",
    when: { category: /^ses:\w+\/(?:ContentRejected|AttachmentRejected)$/, hasDiagnostic: false },
    sample: "ses:Permanent/ContentRejected",
  },
  {
    id: "google-groups.post-refused",
    description:
      "A failure for a Google Groups address means the group refused the post (no such group, or no permission).",
    reason: "rejected",
    when: { host: hostOf("googlegroups.com"), action: ["failed"], hasStatus: false },
    sample: "eml/lhost-googlegroups-01.eml",
  },
  {
    id: "userunknown.server-phrase",
    description:
      "A mail system's own words for an unknown recipient (Exchange, Domino, IMail, InterScan, Gmail, Verizon) mean userunknown even without the SMTP command.",
    reason: "userunknown",
    when: {
      text: [
        "the recipient name is not recognized", // Exchange 2003
        "not listed in domino directory", // Lotus Domino
        "not listed in public name & address book", // Lotus Domino
        /^unknown user: /, // IMail
        "please check if address is correct", // Trend Micro InterScan
        "the address couldn't be found", // Gmail
        "no valid recipients for this mm", // Verizon MMS
        "mail.local: unknown user", // Sendmail's local delivery agent
        ">: user unknown", // au (KDDI), with the address
      ],
    },
    sample: "eml/lhost-domino-01.eml",
  },
  {
    id: "microsoft.mailbox-unavailable",
    description:
      "Outlook.com's 'Requested action not taken: mailbox unavailable' means the user does not exist.",
    reason: "userunknown",
    when: {
      host: /(?:^|[.\s])(?:hotmail|outlook|live|msn)\.[a-z.]+(?:\s|$)/,
      text: ["requested action not taken: mailbox unavailable"],
    },
    sample: "eml/lhost-outlook-08.eml",
  },
  {
    id: "messagelabs.userunknown",
    description: "Symantec MessageLabs' 'No such user' and 'Invalid recipient' mean the user does not exist.",
    reason: "userunknown",
    when: {
      host: /(?:^|[.\s])messagelabs\.com(?:\s|$)/,
      text: ["no such user", "invalid recipient", "mailbox is not allowed"],
    },
    sample: "eml/rhost-messagelabs-02.eml",
  },
  {
    id: "microsoft.directory-edge-blocking",
    description:
      "Exchange Online's 'Access denied. AS(2018...)' refusal (directory-based edge blocking) means the user does not exist.",
    reason: "userunknown",
    when: { text: [/access denied\. as\(\d+\)/] },
    sample:
      "smtp:550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [AM6EUR05FT045.eop-eur05.prod.protection.outlook.com]",
  },
  {
    id: "microsoft.recipient-not-found",
    description:
      "Exchange's RESOLVER.ADR.RecipientNotFound (whatever the status code) means the user does not exist.",
    reason: "userunknown",
    when: { text: ["resolver.adr.recipientnotfound", "resolver.adr.recipient notfound"] },
    sample: "eml/rhost-microsoft-03.eml",
  },
  {
    id: "filtered.recipient-refuses",
    description:
      "A text saying the recipient refuses mail from this sender means filtered, whatever the status says.",
    reason: "filtered",
    when: {
      text: [
        "refused due to recipient preferences", // Facebook
        "user refuses to receive this mail",
        "you have been blocked by the recipient",
        "recipient is only accepting mail from specific email addresses", // AOL
        "recipient id refuse to receive mail", // Willcom
        "message rejected due to user rules",
      ],
    },
    sample: "eml/rhost-facebook-03.eml",
  },
  {
    id: "kddi.filtered",
    description:
      "The au (KDDI) reply '550 : User unknown', without an address, means the recipient's filter refused the sender.",
    reason: "filtered",
    when: { text: [/\b550:? : user unknown/] },
    sample: "eml/lhost-mailru-07.eml",
  },
  {
    id: "nttdocomo.rejected-at-data",
    description:
      "NTT docomo answering DATA with '550 Unknown user' means its domain filter refused the sender.",
    reason: "rejected",
    when: { host: hostOf("docomo.ne.jp"), command: ["DATA"], statusReason: [""], text: ["550 unknown user"] },
    sample: "eml/rhost-nttdocomo-02.eml",
  },
  {
    id: "tencent.toomanyconn",
    description:
      "QQ Mail's 'frequency limited' replies mean too many connections from the sending IP or domain.",
    reason: "toomanyconn",
    when: {
      text: [
        "ip frequency limited",
        "domain frequency limited",
        "sender frequency limited",
        "connection frequency limited",
      ],
    },
    sample: "eml/rhost-tencent-01.eml",
  },
  {
    id: "google.authfailure",
    description: "Gmail's SPF, DKIM and DMARC refusals mean sender authentication failed.",
    reason: "authfailure",
    when: {
      text: [
        "the spf record of the sending domain",
        "senders to authenticate with either spf or dkim",
        "fails to pass spf checks for an spf record with a hard fail",
        "has an spf record with a hard fail policy",
        "is not accepted due to domain's dmarc policy",
        "does not have authentication information or fails to pass",
        "fails to pass authentication checks",
        "aligned with either the authenticated spf or dkim",
      ],
    },
    sample: "eml/lhost-sendmail-59.eml",
  },
  {
    id: "google.badreputation",
    description: "Gmail's 'very low reputation of the sending IP address/domain' means badreputation.",
    reason: "badreputation",
    when: {
      text: ["very low reputation of the sending ip address", "very low reputation of the sending domain"],
    },
    sample:
      "smtp:550-5.7.1 Our system has detected that this message is likely suspicious due to the very low reputation of the sending IP address. To best protect our users from spam, the message has been blocked.",
  },
  {
    id: "google.notcompliantrfc",
    description:
      "Gmail's RFC 5322 refusals (missing or multiple From, missing Message-ID, bad encoded words) mean notcompliantrfc.",
    reason: "notcompliantrfc",
    when: {
      text: [
        "missing a valid address in the from: header",
        "multiple addresses in from: header are not accepted",
        "missing a valid message-id: header",
        "encoded-word syntax is not permitted",
        "contains a unicode character in a disallowed header",
      ],
    },
    sample:
      "smtp:550-5.7.1 Messages missing a valid address in the From: header, or having no From: header, are not accepted.",
  },
  {
    id: "google.spamdetected",
    description: "Gmail's 'likely unsolicited mail' and suspicious-content refusals mean spamdetected.",
    reason: "spamdetected",
    when: { text: ["likely unsolicited mail", "due to the nature of the content or the links within"] },
    sample:
      "smtp:550-5.7.1 Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked.",
  },
  {
    id: "google.blocked",
    description:
      "Gmail's 'unusual rate of unsolicited mail' and allow-list refusals mean the sending host is blocked.",
    reason: "blocked",
    when: { text: ["an unusual rate of unsolicited mail", "ip not in whitelist for rcpt domain"] },
    sample:
      "smtp:550-5.7.1 Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been blocked.",
  },
  {
    id: "google.speeding",
    description: "Gmail's 'receiving mail too quickly' and relay-limit replies mean speeding.",
    reason: "speeding",
    when: {
      text: [
        "is receiving mail too quickly",
        "peak smtp relay limit exceeded for customer",
        "daily user sending limit exceeded",
        "daily smtp relay limit exceeded for",
        "this mail has been rate limited",
      ],
    },
    sample:
      "smtp:450-4.2.1 The user you are trying to contact is receiving mail too quickly. Please resend your message at a later time.",
  },
];
