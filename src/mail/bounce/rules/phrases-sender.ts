import type { Phrase } from "./rule.ts";

/** Diagnostic phrases about the sender, its host and its authentication (lower-cased), as real servers word them. */

/** The sending host or IP address is refused (block lists, dynamic IPs, bad HELO). */
export const BLOCKED: readonly Phrase[] = [
  " said: 550 blocked",
  "//www.spamcop.net/bl.",
  "spamhaus.org/query/bl?ip=", // GoDaddy
  "bad sender ip address",
  "banned sending ip", // Office 365
  "blacklisted by",
  "blocked using ",
  "blocked - see http",
  "dnsbl:attrbl",
  "client host rejected: abus detecte gu_eib_02", // SFR
  "client host rejected: abus detecte gu_eib_04", // SFR
  "client host rejected: may not be mail exchanger",
  "client host rejected: was not authenticated", // Microsoft
  "confirm this mail server",
  "connection dropped",
  "connection refused by",
  "connection reset by peer",
  "connection was dropped by remote host",
  "connections not accepted from ip addresses on spamhaus xbl",
  "currently sending spam see: ",
  "domain does not exist:",
  "dynamic/zombied/spam ips blocked",
  "error: no valid recipients from ",
  "esmtp not accepting connections", // iCloud
  "extreme bad ip profile",
  "go away",
  "helo command rejected:",
  "hosts with dynamic ip",
  "invalid ip for sending mail of domain",
  "is in a black list",
  "is not allowed to send mail from",
  "mailfrom domain is listed in spamhaus",
  "no access from mail server",
  "no matches to nameserver query",
  "not currently accepting mail from your ip", // Microsoft
  "part of their network is on our block list",
  "please use the smtp server of your isp",
  "refused - see http",
  "rejected - multi-blacklist",
  "rejected because the sending mta or the sender has not passed validation",
  "rejecting open proxy", // Sendmail
  "sender ip address rejected",
  "server access forbidden by your ip ",
  "service not available, closing transmission channel",
  "smtp error from remote mail server after initial connection:", // Exim
  "sorry, that domain isn't in my list of allowed rcpthosts",
  "sorry, your remotehost looks suspiciously like spammer",
  "temporarily deferred due to unexpected volume or user complaints",
  "to submit messages to this e-mail system has been rejected",
  "too many spams from your ip", // free.fr
  "too many unwanted messages have been sent from the following ip address above",
  "was blocked by ",
  "we do not accept mail from dynamic ips", // mail.ru
  "you are not allowed to connect",
  "you are sending spam",
  "your ip address is listed in the rbl",
  "your network is temporary blacklisted",
  "your server requires confirmation",
  /\(.*@.*:blocked\)/,
  /access from ip address .* blocked/,
  /client host .* blocked using/,
  /connections will not be accepted from .* because the ip is in spamhaus's list/,
  /dnsbl:rbl .*>_is_blocked/,
  /email blocked by .*\.barracudacentral\.org/,
  /email blocked by .*spamhaus/,
  /host .* refused to talk to me: .* blocked/,
  /ip .* is blocked by earthlink/,
  /is in an .*rbl on /,
  /mail server at .* is blocked/,
  /mail from .* refused:/,
  /mail from .* refused, see .*orbs/,
  /message from .* rejected based on blacklist/,
  /messages from .* temporarily deferred due to user complaints/, // Yahoo
  /server ip .* listed as abusive/,
  /sorry! your ip address.* is blocked by rbl/,
  /the domain .* is blacklisted/,
  /the email .* is blacklisted/,
  /the ip.* is blacklisted/,
  /veuillez essayer plus tard\. service refused, please try later\. .*(?:103|510)/, // Orange
  /your access ip.* has been rejected/,
  /your sender's ip address is listed at .*\.abuseat\.org/,
];

/** The envelope sender is refused. */
export const REJECTED: readonly Phrase[] = [
  "access denied (in reply to mail from command)",
  "access denied (sender blacklisted)",
  /(?<!recipient |5\.1\.0 |sender ip )address rejected/,
  "administrative prohibition",
  "batv failed to verify", // SonicWall
  "batv validation failure", // SonicWall
  "backscatter protection detected an invalid or expired email address", // MDaemon
  "because the sender isn't on the recipient's list of senders to accept mail from",
  "bogus mail from", // IMail
  "can't determine purported responsible address",
  "connections not accepted from servers without a valid sender domain",
  "denied [bouncedeny]", // McAfee
  "denied by secumail valid-address-filter",
  "delivery not authorized, message refused",
  "does not exist e2110",
  "domain of sender address ",
  "email address is on senderfilterconfig list",
  "emetteur invalide",
  "empty envelope senders not allowed",
  "envelope blocked - ",
  "error: no third-party dsns", // SpamWall
  "from: domain is invalid. please provide a valid from:",
  "fully qualified email address required", // McAfee
  "invalid domain, see <url:",
  "invalid sender",
  "is not a registered gateway user",
  "mail from not owned by user",
  "message rejected: email address is not verified",
  "mx records for ",
  "null sender is not allowed",
  "recipient addresses rejected : access denied",
  "recipient not accepted. (batv: no tag",
  "returned mail not accepted here",
  "rfc 1035 violation: recursive cname records for",
  "rule imposed mailbox access for", // MailMarshal
  "sending this from a different address or alias using the ",
  "sender address has been blacklisted",
  "sender email address rejected",
  "sender is in my black list",
  "sender is spammer",
  "sender not pre-approved",
  "sender rejected",
  "sender domain is empty",
  "sender verify failed", // Exim callout
  "sender was rejected", // qmail
  "spam reporting address", // SendGrid
  "syntax error: empty email address",
  "the message has been rejected by batv defense",
  "this server does not accept mail from",
  "transaction failed unsigned dsn for",
  "unroutable sender address",
  "you are not allowed to post to this mailing list",
  "you are not a member of this mailing list", // fml
  "you are sending to/from an address that has been blacklisted",
  "your access to submit messages to this e-mail system has been rejected",
  "your email address has been blacklisted", // MessageLabs
];

/** Phrases that say "address rejected" about the recipient, not the sender. */
export const NOT_REJECTED: readonly Phrase[] = [
  "5.1.0 address rejected",
  "recipient address rejected",
  "sender ip address rejected",
];
/** SPF, DKIM or DMARC failed. */
export const AUTH_FAILURE: readonly Phrase[] = [
  "//spf.pobox.com",
  "bad spf records for",
  "dmarc policy",
  "doesn't meet the required authentication level",
  "does not have authentication information or fails to pass", // Gmail
  "please inspect your spf settings",
  "sender policy framework (spf) fail",
  "sender policy framework violation",
  "spf (sender policy framework) domain authentication fail",
  "spf check: fail",
  "the 5322.from address doesn't meet the authentication requirements defined for the sender",
  /is not allowed to send mail\..*_401/,
  /is not allowed to send from <.* per it's spf record/,
];

/** The sending IP address has a poor reputation. */
export const BAD_REPUTATION: readonly Phrase[] = [
  "a poor email reputation score",
  "has been temporarily rate limited due to ip reputation",
  "ip/domain reputation problems",
  "likely suspicious due to the very low reputation",
  "none/bad reputation", // t-online.de
  "temporarily deferred due to unexpected volume or user complaints", // Yahoo
  "the sending mta's poor reputation",
];

/** The sending IP address lacks a (matching) reverse DNS name. */
export const REQUIRE_PTR: readonly Phrase[] = [
  "access denied. ip name lookup failed",
  "all mail servers must have a ptr record with a valid reverse dns entry",
  "bad dns ptr resource record",
  "cannot find your hostname",
  "cannot resolve your address.",
  "client host rejected: cannot find your hostname", // Yahoo
  "fix reverse dns for ",
  "ips with missing ptr records",
  "no ptr record found.",
  "please get a custom reverse dns name from your isp for your host",
  "ptr record setup",
  "reverse dns failed",
  "reverse dns required",
  "sender ip reverse lookup rejected",
  "the ip address sending this message does not have a ptr record setup", // Gmail
  "the corresponding forward dns entry does not point to the sending ip", // Gmail
  "this system will not accept messages from servers/devices with no reverse dns",
  "unresolvable relay host name",
  "we do not accept mail from hosts with dynamic ip or generic dns ptr-records",
  /domain .* mismatches client ip/,
  /dns lookup failure: .* try again later/,
  /reverse dns lookup for host .* failed permanently/,
  /server access .* forbidden by invalid rdns record of your mail server/,
  /service permits .* unverifyable sending ips/,
];

/** Authentication or another security requirement was not met. */
export const SECURITY_ERROR: readonly Phrase[] = [
  "account not subscribed to ses",
  "authentication credentials invalid",
  "authentication failure",
  "authentication required",
  "authentication turned on in your email client",
  "executable files are not allowed in compressed files",
  "insecure mail relay",
  "recipient address rejected: access denied",
  "sorry, you don't authenticate or the domain isn't in my list of allowed rcpthosts",
  "unauthenticated senders not allowed",
  "verification failure",
  "you are not authorized to send mail, authentication is required",
  /authentication failed; server .* said: /, // Postfix
  /authentification invalide.*305/, // Orange
  /authentification requise.*402/, // Orange
  /domain .* is a dead domain/,
  /user .* is not authorized to perform ses:sendrawemail on resource/,
];

/** TLS was required and could not be used. */
export const FAILED_STARTTLS: readonly Phrase[] = [
  "starttls is required to send mail",
  "tls required but not supported", // SendGrid
  "must issue a starttls command first",
  "encryption required for requested authentication mechanism",
];

/** The server is not a relay for this recipient. */
export const NO_RELAYING: readonly Phrase[] = [
  "as a relay",
  "email address is not verified.",
  "insecure mail relay",
  "is not permitted to relay through this server without authentication",
  "mail server requires authentication when attempting to send to a non-local e-mail address", // MailEnable
  "no relaying",
  "not a gateway",
  "not allowed to relay through this machine",
  "not an open relay, so get lost",
  "not local host",
  "relay access denied",
  "relay denied",
  "relay not permitted",
  "relaying denied", // Sendmail
  "relaying mail to ",
  "specified domain is not allowed",
  "that domain isn't in my list of allowed rcpthost",
  "this system is not configured to relay mail",
  "unable to relay ",
  "we don't handle mail for",
];
