import type { Phrase } from "./rule.ts";

/** Diagnostic phrases about the delivery path and the servers on it (lower-cased), as real servers word them. */

/** Delivery kept failing until the message expired in the queue. */
export const EXPIRED: readonly Phrase[] = [
  "connection timed out",
  "could not deliver for the last", // DragonFly
  "envelope expired", // OpenSMTPD
  "the recipient server did not accept our requests to connect", // Gmail
  /delivery failed \d+ attempts/, // IMail
  /was not delivered within \d+ days? and \d+ hours?/, // au (ezweb)
  "could not find a gateway for",
  "delivery attempts will continue to be",
  "delivery expired",
  "delivery time expired",
  "failed to deliver to domain ",
  "giving up on",
  "have been failing for a long time",
  "has been delayed",
  "it has not been collected after",
  "message expired after sitting in queue for",
  "message expired, cannot connect to remote server",
  "message expired, connection refulsed",
  "message timed out",
  "retry time not reached for any host after a long failure period", // Exim
  "retry timeout exceeded", // Exim
  "server did not respond",
  "this message has been in the queue too long", // qmail
  "unable to deliver message after multiple retries",
  "was not reachable within the allowed queue period",
  "your message could not be delivered for more than",
  /could not be delivered for.* days/,
];

/** DNS or routing trouble, or a mail loop. */
export const NETWORK_ERROR: readonly Phrase[] = [
  "could not connect and send the mail to",
  "dns records for the destination computer could not be found",
  "hop count exceeded - possible mail loop",
  "host is unreachable",
  "host name lookup failure",
  "host not found, try again",
  "mail forwarding loop for ",
  "malformed name server reply",
  "malformed or unexpected name server reply",
  "maximum forwarding loop count exceeded",
  "message looping",
  "message probably in a routing loop",
  "no route to host",
  "too many hops",
  "unable to resolve route ",
  "unrouteable mail domain",
  /dns error: .* lookup of /, // Gmail
];

/** Too many connections (or recipients) at once. */
export const TOO_MANY_CONN: readonly Phrase[] = [
  "all available ips are at maximum connection limit", // SendGrid
  "connection rate limit exceeded",
  "exceeds per-domain connection limit for",
  "throttling failure: daily message quota exceeded",
  "throttling failure: maximum sending rate exceeded",
  "too many connections",
  "too many concurrent smtp connections", // Microsoft
  "too many errors from your ip", // free.fr
  "too many recipients", // NTT docomo
  "too many smtp sessions for this host", // Sendmail
  "trop de connexions, ",
  "frequency limited", // QQ
  "we have already made numerous attempts to deliver this message",
];

/** Sending too fast for the receiver. */
export const SPEEDING: readonly Phrase[] = [
  "has exceeded the max emails per hour ",
  "please try again slower",
  "receiving mail at a rate that prevents additional messages from being delivered", // Gmail
  /temporarily.*rate limited/,
  /throttled .*postmaster\.comcast\.net/,
];

/** The remote mail system failed or is misconfigured. */
export const SYSTEM_ERROR: readonly Phrase[] = [
  "aliasing/forwarding loop broken",
  "can't create user output file",
  "could not load drd for domain",
  "internal error reading data", // Microsoft
  "internal server error: operation now in progress", // Microsoft
  "interrupted system call",
  "it encountered an error while being processed",
  "it would create a mail loop",
  "local configuration error",
  "local error in processing",
  "loop was found in the mail exchanger",
  "loops back to myself",
  "mail system configuration error",
  "queue file write error",
  "recipient deferred because there is no mdb",
  "remote server is misconfigured",
  "server configuration error",
  "service currently unavailable",
  "system config error",
  "temporary local problem",
  "timeout waiting for input",
  /transaction failed\b/,
  /unable to connect .*daemon/,
];

/** A local delivery program (procmail, a pipe) failed. */
export const MAILER_ERROR: readonly Phrase[] = [
  " || exit ",
  "procmail: ",
  "bin/procmail",
  "bin/maidrop",
  "command failed: ",
  "command died with status ",
  "command output:",
  "mailer error",
  "pipe to |/",
  "x-unix; ",
];

/** Out-of-office wording in a message that is otherwise a failure notice. */
export const VACATION: readonly Phrase[] = [
  "i am away on vacation",
  "i am away until",
  "i am out of the office",
  "i will be traveling for work on",
];
