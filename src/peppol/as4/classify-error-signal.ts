import type { EbmsSignalError } from "../../documents/peppol/as4/read-as4-signal.ts";
import type { As4SendFailure } from "./as4-send-outcome.ts";

/** Peppol's answer when the receiving access point does not (or no longer) serve the final recipient. */
const NOT_SERVICED = /NOT_SERVICED/i;
/** ebMS errors about the transport, not the message: the same message may succeed later. */
const TRANSIENT = new Set(["EBMS:0005"]);

/** What an error signal asks of the sender: look the participant up again, try later, or give up on this message. */
export type ErrorSignalVerdict = "look-up-again" | "retry-later" | "rejected";

/**
 * Reads an error signal's eb:Error elements as the Peppol AS4 profile means them: PEPPOL:NOT_SERVICED (sent as
 * EBMS:0004 with that detail, or as the short description by some implementations) means the SMP data is stale;
 * EBMS:0005 ConnectionFailure is transient; every other failure (EBMS:0004, 0101, 0102, 0103, 0303, ...) refuses the
 * message for good. The first error that decides is returned as the failure.
 */
export function classifyErrorSignal(errors: readonly EbmsSignalError[]): {
  readonly verdict: ErrorSignalVerdict;
  readonly failure: As4SendFailure;
} {
  const failureOf = (error: EbmsSignalError | undefined): As4SendFailure => ({
    code: error?.errorCode || "EBMS",
    detail:
      [error?.shortDescription, error?.detail].filter(Boolean).join(": ") || "an error signal without detail",
  });
  const notServiced = errors.find((e) =>
    NOT_SERVICED.test(`${e.shortDescription} ${e.detail} ${e.errorCode}`),
  );
  if (notServiced) return { verdict: "look-up-again", failure: failureOf(notServiced) };
  const failures = errors.filter((e) => e.severity.toLowerCase() !== "warning");
  const decisive = failures[0] ?? errors[0];
  if (failures.length > 0 && failures.every((e) => TRANSIENT.has(e.errorCode)))
    return { verdict: "retry-later", failure: failureOf(decisive) };
  return { verdict: "rejected", failure: failureOf(decisive) };
}
