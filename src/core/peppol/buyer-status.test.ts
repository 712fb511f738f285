import { describe, expect, it } from "vitest";
import { answerSinceQuery, buyerStatusOf, opensQuery } from "./buyer-status.ts";
import { messageLevelOutcome } from "./message-level-status.ts";
import { RESPONSE_CODES } from "./peppol-response.ts";
import { compareStatusMessages, issuedInstant, type StatusMessage } from "./status-message.ts";

let serial = 0;

function response(
  code: string,
  issued: string,
  received: string,
  kind: StatusMessage["kind"] = "invoice-response",
): StatusMessage {
  serial += 1;
  const [issueDate, issueTime] = issued.split(" ");
  const status = RESPONSE_CODES.get(code);
  if (status === undefined) throw new Error(`no code ${code}`);
  return {
    messageId: `m${serial.toString().padStart(3, "0")}@ap`,
    kind,
    responseId: `R${serial}`,
    status,
    responseCode: code,
    description: undefined,
    receivedAt: new Date(received),
    ...(issueDate === undefined || issueDate === "" ? {} : { issueDate }),
    ...(issueTime === undefined ? {} : { issueTime }),
  };
}

describe("issuedInstant", () => {
  it("honours the issue time's offset and takes a time without one as UTC", () => {
    expect(issuedInstant({ issueDate: "2026-11-28", issueTime: "12:00:00+01:00" })).toBe(
      Date.parse("2026-11-28T11:00:00Z"),
    );
    expect(issuedInstant({ issueDate: "2026-11-28", issueTime: "12:00:00" })).toBe(
      Date.parse("2026-11-28T12:00:00Z"),
    );
    expect(issuedInstant({ issueDate: "2026-11-28", issueTime: "12:00:00.250Z" })).toBe(
      Date.parse("2026-11-28T12:00:00.250Z"),
    );
  });

  it("takes a missing time as the start of the day and gives up on a malformed date", () => {
    expect(issuedInstant({ issueDate: "2026-11-28" })).toBe(Date.parse("2026-11-28T00:00:00Z"));
    expect(issuedInstant({ issueDate: "28/11/2026" })).toBeUndefined();
    expect(issuedInstant({})).toBeUndefined();
  });
});

describe("buyerStatusOf", () => {
  it("is the latest Invoice Response by the buyer's issue time, not by arrival", () => {
    const accepted = response("AP", "2026-11-28 10:00:00Z", "2026-11-28T10:01:00Z");
    const olderQuery = response("UQ", "2026-11-27 09:00:00Z", "2026-11-28T11:00:00Z");
    expect(buyerStatusOf([accepted, olderQuery])).toMatchObject({
      status: "accepted",
      responseCode: "AP",
      messageId: accepted.messageId,
      issued: "2026-11-28 10:00:00Z",
    });
  });

  it("orders responses issued at the same instant by receipt", () => {
    const first = response("IP", "2026-11-28 10:00:00Z", "2026-11-28T10:01:00Z");
    const second = response("PD", "2026-11-28 10:00:00Z", "2026-11-28T10:02:00Z");
    expect(buyerStatusOf([second, first])?.status).toBe("paid");
    expect(compareStatusMessages(first, second)).toBeLessThan(0);
  });

  it("ignores MLS and MLR, which speak of the message and not of the invoice", () => {
    const mls = response("RE", "2026-11-29 10:00:00Z", "2026-11-29T10:00:00Z", "mls");
    expect(buyerStatusOf([mls])).toBeNull();
    const ab = response("AB", "2026-11-28 10:00:00Z", "2026-11-28T10:00:00Z");
    expect(buyerStatusOf([ab, mls])?.status).toBe("acknowledged");
  });
});

describe("opensQuery", () => {
  it("opens a query for the invoice's latest Invoice Response under query when none is open", () => {
    const uq = response("UQ", "2026-11-28 10:00:00Z", "2026-11-28T10:00:00Z");
    expect(opensQuery(uq, [uq], 0)).toBe(true);
  });

  it("opens nothing while a query is open, for other statuses, or for a query the buyer already answered", () => {
    const uq = response("UQ", "2026-11-28 10:00:00Z", "2026-11-28T10:00:00Z");
    expect(opensQuery(uq, [uq], 1)).toBe(false);
    const re = response("RE", "2026-11-28 10:00:00Z", "2026-11-28T10:00:00Z");
    expect(opensQuery(re, [re], 0)).toBe(false);
    const paid = response("PD", "2026-11-28 12:00:00Z", "2026-11-28T12:00:00Z");
    const lateUq = response("UQ", "2026-11-28 09:00:00Z", "2026-11-28T13:00:00Z");
    expect(opensQuery(lateUq, [paid, lateUq], 0)).toBe(false);
    const mls = response("RE", "2026-11-28 10:00:00Z", "2026-11-28T10:00:00Z", "mls");
    expect(opensQuery(mls, [mls], 0)).toBe(false);
  });
});

describe("answerSinceQuery", () => {
  it("notes an acceptance or payment received after the query was opened", () => {
    const uq = response("UQ", "2026-11-28 10:00:00Z", "2026-11-28T10:00:00Z");
    const paid = response("PD", "2026-11-30 10:00:00Z", "2026-11-30T10:00:00Z");
    const query = { openedAt: uq.receivedAt };
    expect(answerSinceQuery(query, [uq])).toBeNull();
    expect(answerSinceQuery(query, [uq, paid])).toMatchObject({ status: "paid", responseCode: "PD" });
    const inProcess = response("IP", "2026-12-01 10:00:00Z", "2026-12-01T10:00:00Z");
    expect(answerSinceQuery(query, [uq, paid, inProcess])).toBeNull();
  });

  it("does not count an answer received before a query opened by hand", () => {
    const accepted = response("AP", "2026-11-28 10:00:00Z", "2026-11-28T10:00:00Z");
    expect(answerSinceQuery({ openedAt: new Date("2026-11-29T00:00:00Z") }, [accepted])).toBeNull();
  });
});

describe("messageLevelOutcome", () => {
  it("says rejected on an MLS RE and confirmed on AB or AP; the latest by issue time decides", () => {
    const ap = response("AP", "2026-11-28 10:00:00Z", "2026-11-28T10:00:00Z", "mls");
    const re = response("RE", "2026-11-28 11:00:00Z", "2026-11-28T11:00:00Z", "mls");
    expect(messageLevelOutcome([ap])?.outcome).toBe("confirmed");
    expect(messageLevelOutcome([re, ap])).toMatchObject({ outcome: "rejected", message: re });
    const ab = response("AB", "2026-11-28 12:00:00Z", "2026-11-28T12:00:00Z", "mlr");
    expect(messageLevelOutcome([re, ab])?.outcome).toBe("confirmed");
  });

  it("has nothing to say without MLS or MLR", () => {
    const uq = response("UQ", "2026-11-28 10:00:00Z", "2026-11-28T10:00:00Z");
    expect(messageLevelOutcome([uq])).toBeUndefined();
    expect(messageLevelOutcome([])).toBeUndefined();
  });
});
