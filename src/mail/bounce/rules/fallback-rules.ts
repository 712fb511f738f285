import type { BounceReason } from "../types.ts";
import { NOT_ACCEPT, SUSPEND } from "./phrases-address.ts";
import { CONTENT_ERROR, POLICY_VIOLATION, SPAM_DETECTED, VIRUS_DETECTED } from "./phrases-content.ts";
import { MAILBOX_FULL, SYSTEM_FULL } from "./phrases-mailbox.ts";
import {
  AUTH_FAILURE,
  BAD_REPUTATION,
  FAILED_STARTTLS,
  NO_RELAYING,
  SECURITY_ERROR,
} from "./phrases-sender.ts";
import {
  EXPIRED,
  MAILER_ERROR,
  NETWORK_ERROR,
  SPEEDING,
  SYSTEM_ERROR,
  VACATION,
} from "./phrases-transport.ts";
import type { BounceRule, Phrase } from "./rule.ts";

type TextRuleRow = readonly [
  reason: BounceReason,
  text: readonly Phrase[],
  description: string,
  sample: string,
];

/** Text rules that apply only when the status settles nothing, in the order they are tried. */
const TEXT_ROWS: readonly TextRuleRow[] = [
  [
    "mailboxfull",
    MAILBOX_FULL,
    "Without a decisive status, a mailbox-full text means mailboxfull.",
    "eml/lhost-postfix-45.eml",
  ],
  [
    "authfailure",
    AUTH_FAILURE,
    "Without a decisive status, an SPF/DKIM/DMARC text means authfailure.",
    "unix:spf check: fail for 192.0.2.1",
  ],
  [
    "badreputation",
    BAD_REPUTATION,
    "Without a decisive status, an IP-reputation text means badreputation.",
    "unix:refused: the sending mta's poor reputation",
  ],
  [
    "speeding",
    SPEEDING,
    "Without a decisive status, a rate-limit text means speeding.",
    "unix:please try again slower",
  ],
  [
    "spamdetected",
    SPAM_DETECTED,
    "Without a decisive status, a spam-filter text means spamdetected.",
    "smtp:550 Message rejected as spam by Content Filtering.",
  ],
  [
    "virusdetected",
    VIRUS_DETECTED,
    "Without a decisive status, a virus-scanner text means virusdetected.",
    "eml/lhost-dragonfly-25.eml",
  ],
  [
    "policyviolation",
    POLICY_VIOLATION,
    "Without a decisive status, a site-policy text means policyviolation.",
    "eml/lhost-postfix-42.eml",
  ],
  [
    "norelaying",
    NO_RELAYING,
    "Without a decisive status, a refusal to relay means norelaying.",
    "unix:relay access denied",
  ],
  [
    "systemerror",
    SYSTEM_ERROR,
    "Without a decisive status, a remote system failure text means systemerror.",
    "eml/lhost-postfix-47.eml",
  ],
  [
    "networkerror",
    NETWORK_ERROR,
    "Without a decisive status, a DNS, routing or loop text means networkerror.",
    "eml/lhost-sendmail-20.eml",
  ],
  [
    "suspend",
    SUSPEND,
    "Without a decisive status, a suspended-account text means suspend.",
    "unix:vdelivermail: account is locked email bounced",
  ],
  [
    "contenterror",
    CONTENT_ERROR,
    "Without a decisive status, a header or MIME refusal means contenterror.",
    "unix:improper use of 8-bit data in message header",
  ],
  [
    "systemfull",
    SYSTEM_FULL,
    "Without a decisive status, a full mail system means systemfull.",
    "smtp:452 Mail system full",
  ],
  [
    "notaccept",
    NOT_ACCEPT,
    "Without a decisive status, a host that takes no mail means notaccept.",
    "smtp:550 example.net: host/domain does not accept mail",
  ],
  [
    "expired",
    EXPIRED,
    "Without a decisive status, a queue-timeout text means expired.",
    "eml/lhost-amazonses-17.eml",
  ],
  [
    "failedstarttls",
    FAILED_STARTTLS,
    "Without a decisive status, a required-TLS text means failedstarttls.",
    "smtp:530 5.7.0 Must issue a STARTTLS command first",
  ],
  [
    "securityerror",
    SECURITY_ERROR,
    "Without a decisive status, an authentication-required text means securityerror.",
    "eml/lhost-exchange2007-04.eml",
  ],
  [
    "mailererror",
    MAILER_ERROR,
    "Without a decisive status, a failed local delivery program means mailererror.",
    "eml/lhost-exim-44.eml",
  ],
];

/**
 * Rules for what the SMTP rules left open: texts that need no status, then the status code's own reason, then the
 * shape of the report. The last rules always decide.
 */
export const FALLBACK_RULES: readonly BounceRule[] = [
  ...TEXT_ROWS.map(
    ([reason, text, description, sample]): BounceRule => ({
      id: `${reason}.fallback-text`,
      description,
      reason,
      when: { undecided: true, text },
      sample,
    }),
  ),
  {
    id: "notaccept.reply-521-556",
    description: "Reply 521 or 556 (RFC 7504) says the host or domain accepts no mail.",
    reason: "notaccept",
    when: { replycode: ["521", "556"] },
    sample: "eml/lhost-dragonfly-16.eml",
  },
  {
    id: "failedstarttls.reply",
    description: "Reply 523, 524 or 538 says the session needed encryption it did not get.",
    reason: "failedstarttls",
    when: { replycode: ["523", "524", "538"] },
    sample: "smtp:523 5.7.10 Encryption Needed",
  },
  {
    id: "status.rfc3463",
    description:
      "An enhanced status code with a meaning of its own (RFC 3463 and later registrations) decides.",
    reason: "by-status",
    when: {
      statusReason: [
        "userunknown",
        "hostunknown",
        "hasmoved",
        "notaccept",
        "mailboxfull",
        "exceedlimit",
        "mesgtoobig",
        "expired",
        "filtered",
        "rejected",
        "blocked",
        "spamdetected",
        "authfailure",
        "requireptr",
        "securityerror",
        "failedstarttls",
        "suspend",
        "systemerror",
        "systemfull",
        "networkerror",
        "toomanyconn",
        "contenterror",
        "syntaxerror",
      ],
    },
    sample: "eml/lhost-amazonses-01.eml",
  },
  {
    id: "status.content-class",
    description: "A x.6.x status without a registered meaning is about the message content.",
    reason: "contenterror",
    when: { status: ["x.6."] },
    sample: "smtp:451 4.6.1 Media not supported",
  },
  {
    id: "status.security-class",
    description: "A x.7.x status without a registered meaning is about security or policy.",
    reason: "securityerror",
    when: { status: ["x.7."] },
    sample: "smtp:421 4.7.0 Try again later, closing connection.",
  },
  {
    id: "mailererror.diagnostic-type",
    description:
      "A diagnostic from a local delivery program (Diagnostic-Code type x-unix) means mailererror.",
    reason: "mailererror",
    when: { diagnosticType: ["x-unix"] },
    sample: "eml/lhost-postfix-43.eml",
  },
  {
    id: "syntaxerror.reply",
    description: "Replies 501 to 507 (and 401 to 407) refuse the command's syntax.",
    reason: "syntaxerror",
    when: {
      replycode: [
        "401",
        "402",
        "403",
        "404",
        "405",
        "406",
        "407",
        "501",
        "502",
        "503",
        "504",
        "505",
        "506",
        "507",
      ],
    },
    sample: "eml/rfc3464-29.eml",
  },
  {
    id: "expired.delayed",
    description: "A delay notice with nothing more specific means the message is waiting to expire.",
    reason: "expired",
    when: { action: ["delayed"] },
    sample: "eml/rfc3464-07.eml",
  },
  {
    id: "vacation.text",
    description: "A failure notice that only quotes an out-of-office text is a vacation notice.",
    reason: "vacation",
    when: { text: VACATION },
    sample: "smtp:I am out of the office until 5 May and will answer your message on my return.",
  },
  {
    id: "onhold.unclassified",
    description: "A failure with a diagnostic that no rule recognises is on hold.",
    reason: "onhold",
    when: { hasDiagnostic: true },
    sample: "eml/lhost-dragonfly-17.eml",
  },
  {
    id: "undefined.nothing",
    description: "A message with nothing to classify has an undefined reason.",
    reason: "undefined",
    when: {},
    sample: "eml/lhost-postfix-64.eml",
  },
];
