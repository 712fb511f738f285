import type { Phrase } from "./rule.ts";

/**
 * Diagnostic phrases about recipient addresses, as real servers word them (lower-cased). Collected from public
 * bounce corpora and the servers' documentation; the comments name a server where the phrase is its own.
 */

/** The local part does not exist. */
export const USER_UNKNOWN: readonly Phrase[] = [
  "#5.1.1 bad address",
  "550 address invalid",
  "5.1.0 address rejected.",
  "address does not exist",
  "address not present in directory",
  "address unknown",
  "can't accept user",
  "does not exist.",
  "destination addresses were unknown",
  "destination server rejected recipients",
  "email address does not exist",
  "email address could not be found",
  "invalid address",
  "invalid mailbox",
  "invalid recipient",
  "is not a known user",
  "is not a valid mailbox",
  "is not an active address at this host",
  "mailbox does not exist",
  "mailbox invalid",
  "mailbox is inactive",
  "mailbox is unavailable",
  "mailbox not present",
  "mailbox not found",
  "mailbox unavaiable",
  "nessun utente simile in questo indirizzo",
  "no account by that name here",
  "no existe dicha persona",
  "no existe ese usuario ",
  "no mail box available for this user",
  "no mailbox by that name is currently available",
  "no mailbox found",
  "no such address here",
  "no such mailbox",
  "no such person at this address",
  "no such recipient",
  "no such user",
  "no thank you rejected: account unavailable",
  "no valid recipients, bye",
  "not a valid recipient",
  "not a valid user here",
  "not a local address",
  "not email addresses",
  /recipient address rejected\.\s*(?:\(in reply to rcpt to command\))?$/, // Postfix, bare
  "the address couldn't be found", // Gmail
  "no valid recipients for this mm", // Verizon MMS
  "recipient address rejected: access denied",
  "recipient address rejected: invalid user",
  "recipient address rejected: invalid-recipient",
  "recipient address rejected: unknown user",
  "recipient address rejected: userunknown",
  "recipient does not exist",
  "recipient is not accepted",
  "recipient is not local",
  "recipient not exist",
  "recipient not found",
  "recipient not ok",
  "recipient refuses to accept your mail",
  "recipient unknown",
  "requested action not taken: mailbox unavailable",
  "resolver.adr.recipientnotfound", // Exchange
  "resolver.adr.recipient notfound",
  "sorry, user unknown",
  "sorry, badrcptto", // qmail
  "sorry, no mailbox here by that name", // qmail
  "sorry, your envelope recipient has been denied",
  "that domain or user isn't in my list of allowed rcpthosts",
  "the email account that you tried to reach does not exist", // Gmail
  "the following recipients was undeliverable",
  "the user's email name is not found",
  "there is no one at this address",
  "this address no longer accepts mail",
  "this email address is wrong or no longer valid",
  "this recipient is in my badrecipientto list",
  "this recipient is not in my validrcptto list",
  "this spectator does not exist",
  "unknown mailbox",
  "unknown recipient",
  "unknown user",
  "user does not exist",
  "user missing home directory",
  "user not active",
  "user not exist",
  "user not found",
  "user not known",
  "user unknown",
  "utilisateur inconnu",
  "vdeliver: invalid or unknown virtual user",
  "weil die adresse nicht gefunden wurde oder keine e-mails empfangen kann",
  "your envelope recipient is in my badrcptto list",
  "not listed in domino directory", // Lotus Domino
  "not listed in public name & address book", // Lotus Domino
  "the recipient name is not recognized", // Exchange 2003
  "please check if address is correct", // InterScan
  /<[^>]*> not found/,
  /<[^>]*>\.\.\. blocked by /,
  /account .* does not exist at the organization/,
  /adresse d au moins un destinataire invalide\. invalid recipient\..*41[68]/, // Orange
  /bad.*recipient/,
  /mailbox .*does not exist/,
  /mailbox .*unavailable or access denied/,
  /no .* in name directory/,
  /non.*existent user/,
  /rcpt <.* does not exist/,
  /rcpt \(.*t exist /,
  /recipient .* was not found in/,
  /recipient address rejected: user .* does not exist/,
  /recipient address rejected: user unknown in .* table/,
  /said: 550.*5\.1\.1 .* user unknown /,
  /this user doesn't have a .* account/, // Yahoo
  /unknown e.*mail address/,
  /unknown local.*part/,
  /user .* was not found/,
  /user .* does not exist/,
  /user \(.*\) unknown/,
];

/** The domain part does not exist or cannot receive mail. */
export const HOST_UNKNOWN: readonly Phrase[] = [
  "domain does not exist",
  "domain is not reachable",
  "domain must exist",
  "host or domain name not found",
  "host unknown",
  "host unreachable",
  "mail domain mentioned in email address is unknown",
  "name or service not known",
  "no such domain",
  "recipient address rejected: unknown domain name",
  "recipient domain must exist",
  "the account or domain may not exist",
  "unknown host",
  "unroutable address",
  "unrouteable address", // Exim
  "all relevant mx records point to non-existent hosts", // Exim
  "couldn't find any host named", // qmail
  "dns records for the destination computer could not be found", // Exchange
  /553 .* does not exist/,
  /\bhost \S+ not found\b/,
];

/** The mailbox moved away without forwarding. */
export const HAS_MOVED: readonly Phrase[] = [" has been replaced by "];

/** The destination does not take mail at all (null MX, closed host). */
export const NOT_ACCEPT: readonly Phrase[] = [
  "does not accept mail (nullmx)",
  "host/domain does not accept mail", // iCloud
  "host does not accept mail", // Sendmail
  "mail receiving disabled",
  "name server: .: host not found", // Sendmail
  "no mx record found for domain=", // Yahoo
  "no route for current request",
  "smtp protocol returned a permanent error",
];

/** The domain publishes a null MX (RFC 7505) or no mail exchanger at all. */
export const NULL_MX: readonly Phrase[] = [
  "couldn't find a mail exchanger or ip address", // qmail
  "returned null mx", // Gmail
  "doesn't receive email according to the administrator", // Gmail
  "does not accept mail (nullmx)",
  "no mx record found for domain=", // Yahoo
];

/** The recipient's account exists but is disabled or suspended. */
export const SUSPEND: readonly Phrase[] = [
  " is currently suspended",
  " temporary locked",
  "archived recipient",
  "boite du destinataire archivee", // Orange
  "email account that you tried to reach is disabled", // Gmail
  "has been suspended",
  "inactive account",
  "invalid/inactive user",
  "is a deactivated mailbox", // QQ
  "is unavailable: user is terminated",
  "mailbox currently suspended",
  "mailbox disabled",
  "mailbox is frozen",
  "mailbox unavailable or access denied",
  "recipient rejected: temporarily inactive",
  "recipient suspend the service",
  "the email account that you tried to reach is inactive", // Gmail
  "this account has been disabled or discontinued",
  "this account has been temporarily suspended",
  "this address no longer accepts mail",
  "this mailbox is disabled",
  "user or domain is disabled",
  "user suspended", // 163.com
  "vdelivermail: account is locked email bounced",
  "account is disabled", // au (ezweb)
  "the recipient account is blocked", // La Poste
];

/** The recipient (or its filter) refused this message after it was sent. */
export const FILTERED: readonly Phrase[] = [
  "account is protected by",
  "bounced address", // SendGrid: the address bounced before
  "has restricted sms e-mail", // AT&T
  "is not accepting any mail",
  "message filtered",
  "message rejected due to user rules",
  "not found recipient account",
  "recipient id refuse to receive mail", // Willcom
  "recipient is only accepting mail from specific email addresses", // AOL
  "refused due to recipient preferences", // Facebook
  "user not found", // mail.ru filter
  "user refuses to receive this mail",
  "user reject",
  "you have been blocked by the recipient",
];
