import { NOT_ACCEPT, SUSPEND } from "./phrases-address.ts";
import { MAILBOX_FULL, SYSTEM_FULL } from "./phrases-mailbox.ts";
import {
  AUTH_FAILURE,
  BAD_REPUTATION,
  CONTENT_ERROR,
  FAILED_STARTTLS,
  NO_RELAYING,
  POLICY_VIOLATION,
  SECURITY_ERROR,
  SPAM_DETECTED,
  VIRUS_DETECTED,
} from "./phrases-policy.ts";
import {
  EXPIRED,
  MAILER_ERROR,
  NETWORK_ERROR,
  SPEEDING,
  SYSTEM_ERROR,
  VACATION,
} from "./phrases-transport.ts";
import type { BounceRule, Phrase, RuleReason } from "./rule.ts";

function textRule(
  reason: RuleReason,
  name: string,
  text: readonly Phrase[],
  description: string,
): BounceRule {
  return { id: `${name}.fallback-text`, description, reason, when: { undecided: true, text }, sample: "" };
}

/**
 * Rules for what the SMTP rules left open: texts that need no status, then the status code's own reason, then the
 * shape of the report. The last rules always decide.
 */
export const FALLBACK_RULES: readonly BounceRule[] = [
  textRule(
    "mailboxfull",
    "mailboxfull",
    MAILBOX_FULL,
    "Without a decisive status, a mailbox-full text means mailboxfull.",
  ),
  textRule(
    "authfailure",
    "authfailure",
    AUTH_FAILURE,
    "Without a decisive status, an SPF/DKIM/DMARC text means authfailure.",
  ),
  textRule(
    "badreputation",
    "badreputation",
    BAD_REPUTATION,
    "Without a decisive status, an IP-reputation text means badreputation.",
  ),
  textRule("speeding", "speeding", SPEEDING, "Without a decisive status, a rate-limit text means speeding."),
  textRule(
    "spamdetected",
    "spamdetected",
    SPAM_DETECTED,
    "Without a decisive status, a spam-filter text means spamdetected.",
  ),
  textRule(
    "virusdetected",
    "virusdetected",
    VIRUS_DETECTED,
    "Without a decisive status, a virus-scanner text means virusdetected.",
  ),
  textRule(
    "policyviolation",
    "policyviolation",
    POLICY_VIOLATION,
    "Without a decisive status, a site-policy text means policyviolation.",
  ),
  textRule(
    "norelaying",
    "norelaying",
    NO_RELAYING,
    "Without a decisive status, a refusal to relay means norelaying.",
  ),
  textRule(
    "systemerror",
    "systemerror",
    SYSTEM_ERROR,
    "Without a decisive status, a remote system failure text means systemerror.",
  ),
  textRule(
    "networkerror",
    "networkerror",
    NETWORK_ERROR,
    "Without a decisive status, a DNS, routing or loop text means networkerror.",
  ),
  textRule(
    "suspend",
    "suspend",
    SUSPEND,
    "Without a decisive status, a suspended-account text means suspend.",
  ),
  textRule(
    "contenterror",
    "contenterror",
    CONTENT_ERROR,
    "Without a decisive status, a header or MIME refusal means contenterror.",
  ),
  textRule(
    "systemfull",
    "systemfull",
    SYSTEM_FULL,
    "Without a decisive status, a full mail system means systemfull.",
  ),
  textRule(
    "notaccept",
    "notaccept",
    NOT_ACCEPT,
    "Without a decisive status, a host that takes no mail (null MX) means notaccept.",
  ),
  textRule("expired", "expired", EXPIRED, "Without a decisive status, a queue-timeout text means expired."),
  textRule(
    "failedstarttls",
    "failedstarttls",
    FAILED_STARTTLS,
    "Without a decisive status, a required-TLS text means failedstarttls.",
  ),
  textRule(
    "securityerror",
    "securityerror",
    SECURITY_ERROR,
    "Without a decisive status, an authentication-required text means securityerror.",
  ),
  textRule(
    "mailererror",
    "mailererror",
    MAILER_ERROR,
    "Without a decisive status, a failed local delivery program means mailererror.",
  ),
  {
    id: "notaccept.reply-521-556",
    description: "Reply 521 or 556 (RFC 7504) says the host or domain accepts no mail.",
    reason: "notaccept",
    when: { replycode: ["521", "556"] },
    sample: "",
  },
  {
    id: "failedstarttls.reply",
    description: "Reply 523, 524 or 538 says the session needed encryption it did not get.",
    reason: "failedstarttls",
    when: { replycode: ["523", "524", "538"] },
    sample: "",
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
    sample: "",
  },
  {
    id: "status.content-class",
    description: "A x.6.x status without a registered meaning is about the message content.",
    reason: "contenterror",
    when: { status: ["x.6."] },
    sample: "",
  },
  {
    id: "status.security-class",
    description: "A x.7.x status without a registered meaning is about security or policy.",
    reason: "securityerror",
    when: { status: ["x.7."] },
    sample: "",
  },
  {
    id: "mailererror.diagnostic-type",
    description:
      "A diagnostic from a local delivery program (Diagnostic-Code type x-unix) means mailererror.",
    reason: "mailererror",
    when: { diagnosticType: ["x-unix"] },
    sample: "",
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
    sample: "",
  },
  {
    id: "expired.delayed",
    description: "A delay notice with nothing more specific means the message is waiting to expire.",
    reason: "expired",
    when: { action: ["delayed"] },
    sample: "",
  },
  {
    id: "vacation.text",
    description: "A failure notice that only quotes an out-of-office text is a vacation notice.",
    reason: "vacation",
    when: { text: VACATION },
    sample: "",
  },
  {
    id: "onhold.unclassified",
    description: "A failure with a diagnostic that no rule recognises is on hold.",
    reason: "onhold",
    when: { hasDiagnostic: true },
    sample: "",
  },
  {
    id: "undefined.nothing",
    description: "A message with nothing to classify has an undefined reason.",
    reason: "undefined",
    when: {},
    sample: "",
  },
];
