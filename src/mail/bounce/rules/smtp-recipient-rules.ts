import { FILTERED, HAS_MOVED, NOT_ACCEPT, SUSPEND, USER_UNKNOWN } from "./phrases-address.ts";
import { EXCEED_LIMIT, MAILBOX_FULL, MESG_TOO_BIG } from "./phrases-mailbox.ts";
import { AUTH_FAILURE, BLOCKED, NO_RELAYING, REJECTED } from "./phrases-sender.ts";
import { type BounceRule, COMMANDS_BEFORE_DATA } from "./rule.ts";

/**
 * SMTP rules, first part: the recipient's mailbox and address. For failures reported by an SMTP server the enhanced
 * status code decides where it is specific and the diagnostic text refines it; the first rule that holds decides,
 * and these come before SMTP_SESSION_RULES.
 */
export const SMTP_RECIPIENT_RULES: readonly BounceRule[] = [
  {
    id: "mailboxfull.status",
    description: "Status x.2.2 says the recipient's mailbox is full.",
    reason: "mailboxfull",
    when: { smtpDiagnostic: true, statusReason: ["mailboxfull"] },
    sample: "eml/lhost-amazonses-03.eml",
  },
  {
    id: "mailboxfull.text",
    description: "A diagnostic saying the mailbox is full or over quota means mailboxfull.",
    reason: "mailboxfull",
    when: { smtpDiagnostic: true, text: MAILBOX_FULL },
    sample: "eml/lhost-imailserver-02.eml",
  },
  {
    id: "mesgtoobig.status",
    description: "Status x.3.4 or x.7.16 says the message is too big for the system.",
    reason: "mesgtoobig",
    when: { smtpDiagnostic: true, statusReason: ["mesgtoobig"] },
    sample: "eml/lhost-receivingses-05.eml",
  },
  {
    id: "exceedlimit.status",
    description: "Status x.2.3 says the message exceeds a per-mailbox limit.",
    reason: "exceedlimit",
    when: { smtpDiagnostic: true, statusReason: ["exceedlimit"] },
    sample: "eml/lhost-exchange2007-03.eml",
  },
  {
    id: "mesgtoobig.text",
    description: "A diagnostic saying the message exceeds the size limit means mesgtoobig.",
    reason: "mesgtoobig",
    when: { smtpDiagnostic: true, text: MESG_TOO_BIG },
    sample: "eml/lhost-einsundeins-02.eml",
  },
  {
    id: "exceedlimit.text",
    description: "A diagnostic saying the message is too large for the mailbox means exceedlimit.",
    reason: "exceedlimit",
    when: { smtpDiagnostic: true, text: EXCEED_LIMIT },
    sample: "smtp:552 Message too large for this recipient (in reply to end of DATA command)",
  },
  {
    id: "suspend.reply-525",
    description: "Reply 525 says the recipient's account is disabled.",
    reason: "suspend",
    when: { smtpDiagnostic: true, replycode: ["525"] },
    sample: "eml/lhost-sendmail-35.eml",
  },
  {
    id: "suspend.text",
    description: "A diagnostic saying the account is suspended, disabled or inactive means suspend.",
    reason: "suspend",
    when: { smtpDiagnostic: true, text: SUSPEND },
    sample: "eml/lhost-amazonses-19.eml",
  },
  {
    id: "hasmoved.text",
    description: "A diagnostic saying the address has been replaced by another means hasmoved.",
    reason: "hasmoved",
    when: { smtpDiagnostic: true, text: HAS_MOVED },
    sample: "smtp:550 kijitora@example.org has been replaced by neko@example.net",
  },
  {
    id: "norelaying.text",
    description: "A refusal to relay (outside the connection greeting) means norelaying.",
    reason: "norelaying",
    when: { smtpDiagnostic: true, text: NO_RELAYING, notCommand: ["CONN", "EHLO", "HELO"] },
    sample: "eml/lhost-amazonses-21.eml",
  },
  {
    id: "authfailure.status",
    description: "Status x.7.20 to x.7.26 (DKIM, SPF, DMARC) says sender authentication failed.",
    reason: "authfailure",
    when: { smtpDiagnostic: true, statusReason: ["authfailure"] },
    sample: "eml/lhost-dragonfly-01.eml",
  },
  {
    id: "authfailure.text",
    description: "A diagnostic naming an SPF, DKIM or DMARC failure means authfailure.",
    reason: "authfailure",
    when: { smtpDiagnostic: true, text: AUTH_FAILURE },
    sample: "eml/lhost-dragonfly-02.eml",
  },
  {
    id: "userunknown.status",
    description:
      "Status 5.1.1 (bad mailbox) means userunknown unless the text says it was about relaying, blocking, quota or the sender.",
    reason: "userunknown",
    when: {
      smtpDiagnostic: true,
      statusReason: ["userunknown"],
      notText: [...NO_RELAYING, ...BLOCKED, ...MAILBOX_FULL, ...HAS_MOVED, ...REJECTED, ...NOT_ACCEPT],
    },
    sample: "eml/lhost-activehunter-01.eml",
  },
  {
    id: "userunknown.rcpt-text",
    description: "A refusal of RCPT TO saying the user does not exist means userunknown.",
    reason: "userunknown",
    when: { smtpDiagnostic: true, command: ["RCPT"], text: USER_UNKNOWN },
    sample: "eml/lhost-dragonfly-09.eml",
  },
  {
    id: "filtered.status",
    description:
      "Status x.2.0, 5.2.1 or x.2.4 with a user-refusal text means the recipient filtered the message.",
    reason: "filtered",
    when: { smtpDiagnostic: true, statusReason: ["filtered"], text: [...USER_UNKNOWN, ...FILTERED] },
    sample: "eml/lhost-messagingserver-06.eml",
  },
  {
    id: "filtered.after-data",
    description:
      "A user refusal that came after the message was sent (at DATA) means the recipient filtered it.",
    reason: "filtered",
    when: { smtpDiagnostic: true, notCommand: COMMANDS_BEFORE_DATA, text: [...FILTERED, ...USER_UNKNOWN] },
    sample: "eml/lhost-apachejames-01.eml",
  },
];
