import { err, ok, type Result } from "../result.ts";
import { RESPONSE_CODES, type ResponseStatus } from "./peppol-response.ts";

/** Clarification reasons of an Invoice Response (BIS T111 code list OPStatusReason). */
export const STATUS_REASON_CODES: ReadonlyMap<string, string> = new Map([
  ["NON", "no issue"],
  ["REF", "references incorrect"],
  ["LEG", "legal information incorrect"],
  ["REC", "receiver unknown"],
  ["QUA", "item quality insufficient"],
  ["DEL", "delivery issues"],
  ["PRI", "prices incorrect"],
  ["QTY", "quantity incorrect"],
  ["ITM", "items incorrect"],
  ["PAY", "payment terms incorrect"],
  ["UNR", "not recognized"],
  ["FIN", "finance terms incorrect"],
  ["PPD", "partially paid"],
  ["OTH", "other"],
]);

/** Clarification actions of an Invoice Response (BIS T111 code list OPStatusAction); OTH is read as a reason. */
export const STATUS_ACTION_CODES: ReadonlyMap<string, string> = new Map([
  ["NOA", "no action required"],
  ["PIN", "provide information"],
  ["NIN", "issue new invoice"],
  ["CNF", "credit fully"],
  ["CNP", "credit partially"],
  ["CNA", "credit the amount"],
]);

/** Statuses after which the buyer sends nothing more about the invoice (BIS T111: rejected and paid are final). */
export const FINAL_INVOICE_STATUSES: readonly ResponseStatus[] = ["rejected", "paid"];

/** What an Invoice Response states, checked against BIS T111. */
export interface InvoiceResponseStatement {
  readonly status: ResponseStatus;
  /** UNCL 4343 subset code of the status (AB, IP, UQ, CA, RE, AP, PD). */
  readonly responseCode: string;
  readonly clarification?: {
    readonly code: string;
    readonly listId: "OPStatusReason" | "OPStatusAction";
    /** The clarification reason text. */
    readonly text?: string;
  };
  /** Free text without a clarification code: the response's note. */
  readonly note?: string;
}

/** The UNCL 4343 code of a status. */
export function responseCodeOf(status: ResponseStatus): string {
  for (const [code, meaning] of RESPONSE_CODES) if (meaning === status) return code;
  return status;
}

/**
 * Checks a status with its optional clarification code and text against the rules of BIS Invoice Response 3.0:
 * CA, UQ and RE need a clarification code (PEPPOL-T111-R001), PPD (partially paid) goes with PD only and needs its
 * text (R004, R005). The text goes with the clarification code when there is one, else it is the response's note.
 */
export function checkInvoiceResponse(input: {
  readonly status: ResponseStatus;
  readonly reason?: string;
  readonly note?: string;
}): Result<InvoiceResponseStatement, string> {
  const responseCode = responseCodeOf(input.status);
  const note = input.note?.trim() === "" ? undefined : input.note?.trim();
  const reason = input.reason?.trim().toUpperCase();
  if (reason === undefined || reason === "") {
    if (["CA", "UQ", "RE"].includes(responseCode))
      return err(`an Invoice Response "${input.status}" needs a clarification code (--reason)`);
    return ok({ status: input.status, responseCode, ...(note === undefined ? {} : { note }) });
  }
  const listId = STATUS_REASON_CODES.has(reason)
    ? "OPStatusReason"
    : STATUS_ACTION_CODES.has(reason)
      ? "OPStatusAction"
      : undefined;
  if (listId === undefined)
    return err(
      `"${reason}" is not a clarification code (reasons: ${[...STATUS_REASON_CODES.keys()].join(", ")}; actions: ${[...STATUS_ACTION_CODES.keys()].join(", ")})`,
    );
  if (reason === "PPD" && responseCode !== "PD")
    return err("PPD (partially paid) goes with the status paid only");
  if (reason === "PPD" && note === undefined)
    return err("PPD (partially paid) needs its reason text (--note)");
  return ok({
    status: input.status,
    responseCode,
    clarification: { code: reason, listId, ...(note === undefined ? {} : { text: note }) },
  });
}
