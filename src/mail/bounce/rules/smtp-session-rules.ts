import { HOST_UNKNOWN, NULL_MX } from "./phrases-address.ts";
import { CONTENT_ERROR, NOT_COMPLIANT_RFC, SPAM_DETECTED } from "./phrases-content.ts";
import { BAD_REPUTATION, BLOCKED, NOT_REJECTED, REJECTED, REQUIRE_PTR } from "./phrases-sender.ts";
import { NETWORK_ERROR, SPEEDING, TOO_MANY_CONN } from "./phrases-transport.ts";
import { type BounceRule, COMMANDS_BEFORE_DATA } from "./rule.ts";

/**
 * SMTP rules, second part: the sending host, the sender and the message, then the destination domain. They run
 * after SMTP_RECIPIENT_RULES; the first rule that holds decides.
 */
export const SMTP_SESSION_RULES: readonly BounceRule[] = [
  {
    id: "requireptr.status",
    description: "Status x.7.25 says the sending IP address has no valid reverse DNS.",
    reason: "requireptr",
    when: { smtpDiagnostic: true, statusReason: ["requireptr"] },
    sample: "eml/lhost-dragonfly-06.eml",
  },
  {
    id: "requireptr.text",
    description: "A diagnostic asking for a PTR record or reverse DNS means requireptr.",
    reason: "requireptr",
    when: { smtpDiagnostic: true, text: REQUIRE_PTR },
    sample: "eml/lhost-exim-32.eml",
  },
  {
    id: "notcompliantrfc.text",
    description: "A diagnostic saying the message is not RFC 5322 compliant means notcompliantrfc.",
    reason: "notcompliantrfc",
    when: { smtpDiagnostic: true, text: NOT_COMPLIANT_RFC },
    sample: "eml/lhost-postfix-28.eml",
  },
  {
    id: "badreputation.text",
    description: "A diagnostic blaming the sending IP address's reputation means badreputation.",
    reason: "badreputation",
    when: { smtpDiagnostic: true, text: BAD_REPUTATION },
    sample: "eml/lhost-postfix-58.eml",
  },
  {
    id: "contenterror.status",
    description: "Status x.6.x says the message's content or media was refused.",
    reason: "contenterror",
    when: { smtpDiagnostic: true, statusReason: ["contenterror"], notText: SPAM_DETECTED },
    sample: "eml/lhost-dragonfly-07.eml",
  },
  {
    id: "contenterror.text",
    description: "A diagnostic refusing the message's headers or MIME structure means contenterror.",
    reason: "contenterror",
    when: { smtpDiagnostic: true, text: CONTENT_ERROR, notText: SPAM_DETECTED },
    sample: "smtp:554 Improper use of 8-bit data in message header",
  },
  {
    id: "rejected.status",
    description: "Status x.1.7 or x.1.8 says the envelope sender was refused.",
    reason: "rejected",
    when: { smtpDiagnostic: true, statusReason: ["rejected"] },
    sample: "eml/lhost-messagingserver-11.eml",
  },
  {
    id: "rejected.mail-from",
    description: "A refusal of MAIL FROM with a sender-refusal text means rejected.",
    reason: "rejected",
    when: { smtpDiagnostic: true, command: ["MAIL"], text: REJECTED, notText: NOT_REJECTED },
    sample: "eml/lhost-exim-36.eml",
  },
  {
    id: "rejected.data",
    description: "A sender-refusal text at DATA (when the status is not about the recipient) means rejected.",
    reason: "rejected",
    when: {
      smtpDiagnostic: true,
      command: ["DATA"],
      statusReason: [
        "",
        "filtered",
        "mailboxfull",
        "securityerror",
        "systemerror",
        "contenterror",
        "blocked",
      ],
      text: REJECTED,
      notText: NOT_REJECTED,
    },
    sample: "eml/lhost-mfilter-04.eml",
  },
  {
    id: "rejected.text",
    description: "A sender-refusal text with no more specific status means rejected.",
    reason: "rejected",
    when: {
      smtpDiagnostic: true,
      statusReason: ["", "securityerror", "systemerror"],
      text: REJECTED,
      notText: NOT_REJECTED,
    },
    sample: "eml/lhost-googleworkspace-01.eml",
  },
  {
    id: "notaccept.null-mx",
    description: "A diagnostic saying the domain has a null MX or no mail exchanger means notaccept.",
    reason: "notaccept",
    when: { smtpDiagnostic: true, text: NULL_MX },
    sample: "eml/lhost-qmail-11.eml",
  },
  {
    id: "hostunknown.status",
    description:
      "Status 5.1.2 or 5.4.4 says the recipient's domain does not exist, unless the text shows a DNS failure.",
    reason: "hostunknown",
    when: { smtpDiagnostic: true, statusReason: ["hostunknown"], notText: NETWORK_ERROR },
    sample: "eml/lhost-amazonses-18.eml",
  },
  {
    id: "hostunknown.text",
    description:
      "A diagnostic saying the domain or host does not exist (not a passing DNS failure) means hostunknown.",
    reason: "hostunknown",
    when: { smtpDiagnostic: true, text: HOST_UNKNOWN, notText: NETWORK_ERROR },
    sample: "eml/lhost-courier-04.eml",
  },
  {
    id: "spamdetected.status",
    description: "Status 5.7.28 says the message looks like part of a flood of abusive mail.",
    reason: "spamdetected",
    when: { smtpDiagnostic: true, statusReason: ["spamdetected"] },
    sample: "smtp:554 5.7.28 The message appears to be part of a mail flood of similar abusive messages",
  },
  {
    id: "spamdetected.text",
    description: "A spam-filter refusal after the message was sent means spamdetected.",
    reason: "spamdetected",
    when: { smtpDiagnostic: true, hasStatus: true, notCommand: COMMANDS_BEFORE_DATA, text: SPAM_DETECTED },
    sample: "eml/lhost-barracuda-01.eml",
  },
  {
    id: "speeding.text",
    description: "A diagnostic asking to send more slowly means speeding.",
    reason: "speeding",
    when: { smtpDiagnostic: true, text: SPEEDING },
    sample:
      "smtp:450-4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered.",
  },
  {
    id: "toomanyconn.status",
    description: "Status 5.5.3 says there were too many recipients or connections.",
    reason: "toomanyconn",
    when: { smtpDiagnostic: true, statusReason: ["toomanyconn"] },
    sample: "smtp:452 5.5.3 Too many recipients",
  },
  {
    id: "toomanyconn.text",
    description: "A diagnostic about too many connections or sessions means toomanyconn.",
    reason: "toomanyconn",
    when: { smtpDiagnostic: true, text: TOO_MANY_CONN },
    sample: "eml/lhost-postfix-09.eml",
  },
  {
    id: "blocked.greeting",
    description: "A refusal of HELO or EHLO means the sending host is refused.",
    reason: "blocked",
    when: { command: ["HELO", "EHLO"] },
    sample: "eml/lhost-exim-49.eml",
  },
  {
    id: "blocked.status",
    description: "Status 4.7.1 or 4.2.1 from a temporary refusal of the sending host means blocked.",
    reason: "blocked",
    when: { smtpDiagnostic: true, statusReason: ["blocked"] },
    sample: "eml/rhost-franceptt-11.eml",
  },
  {
    id: "blocked.text",
    description: "A diagnostic refusing the sending host (block lists, dynamic IPs, HELO) means blocked.",
    reason: "blocked",
    when: { smtpDiagnostic: true, text: BLOCKED },
    sample: "eml/lhost-amazonses-14.eml",
  },
];
