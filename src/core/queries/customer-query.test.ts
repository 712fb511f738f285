import { describe, expect, it } from "vitest";
import type { StatusMessage } from "../peppol/status-message.ts";
import { type CustomerQuery, checkSettlement, openForMs, queryId, queryReasonOf } from "./customer-query.ts";
import { buyerStatusEntry, queryOpenedEntry, querySettledEntry } from "./query-audit.ts";

const query: CustomerQuery = {
  id: queryId(7n),
  invoiceId: "inv-uuid",
  invoiceNumber: "INV-1",
  customerNumber: "C1",
  openedAt: new Date("2026-11-28T10:00:00Z"),
  openedBy: "alice",
  source: "manual",
  responseMessageId: null,
  reason: "wrong VAT number",
  settlement: null,
};

describe("customer queries", () => {
  it("numbers queries Q-000007 and counts how long they were open", () => {
    expect(query.id).toBe("Q-000007");
    expect(openForMs(query, new Date("2026-11-29T10:00:00Z"))).toBe(86_400_000);
    const settled = { ...query, settlement: { at: new Date("2026-11-28T12:00:00Z"), by: "bob", note: "ok" } };
    expect(openForMs(settled, new Date("2026-12-31T00:00:00Z"))).toBe(7_200_000);
  });

  it("settles once, by someone, with a note, not before the opening", () => {
    const at = new Date("2026-11-28T11:00:00Z");
    expect(checkSettlement(query, { at, by: " bob ", note: " credit note issued " })).toEqual({
      ok: true,
      value: { at, by: "bob", note: "credit note issued" },
    });
    expect(checkSettlement(query, { at, by: "", note: "x" })).toMatchObject({ ok: false });
    expect(checkSettlement(query, { at, by: "bob", note: " " })).toMatchObject({ ok: false });
    expect(
      checkSettlement(query, { at: new Date("2026-11-27T00:00:00Z"), by: "bob", note: "x" }),
    ).toMatchObject({ ok: false });
    const settled = { ...query, settlement: { at, by: "bob", note: "done" } };
    const again = checkSettlement(settled, { at, by: "carol", note: "again" });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toContain("settled already");
  });

  it("says in the reason what the buyer said: description, status reasons and the questioned terms", () => {
    const uq: StatusMessage = {
      messageId: "m@ap",
      kind: "invoice-response",
      responseId: "IR-9",
      status: "under-query",
      responseCode: "UQ",
      description: "Please check the order reference",
      receivedAt: new Date("2026-11-28T10:00:00Z"),
      issues: [
        {
          reasonCode: "REF",
          reasonListId: "OPStatusReason",
          description: "References incorrect",
          conditions: [{ attributeId: "BT-13", description: "PO-17" }],
        },
      ],
    };
    expect(queryReasonOf(uq)).toBe(
      "Invoice Response IR-9 UQ (under query): Please check the order reference; OPStatusReason REF References incorrect (BT-13 PO-17)",
    );
    expect(queryReasonOf({ ...uq, description: undefined, issues: [] })).toContain("no reason given");
  });

  it("records opening, settlement and buyer status changes in the invoice's audit trail", () => {
    const actor = { kind: "cli", id: "alice" } as const;
    expect(queryOpenedEntry(query, actor)).toMatchObject({
      entity: { type: "invoice", id: "inv-uuid" },
      field: "queries.Q-000007",
      oldValue: null,
      newValue: { state: "open", source: "manual" },
      reason: "wrong VAT number",
    });
    const settlement = { at: new Date("2026-11-29T00:00:00Z"), by: "bob", note: "credited" };
    expect(querySettledEntry(query, settlement, actor)).toMatchObject({
      oldValue: { state: "open" },
      newValue: { state: "settled", settledBy: "bob" },
      reason: "credited",
    });
    const status = {
      status: "paid" as const,
      responseCode: "PD",
      responseId: "IR-1",
      messageId: "m1",
      issued: "2026-11-28",
      receivedAt: new Date("2026-11-28T10:00:00Z"),
      description: undefined,
    };
    expect(buyerStatusEntry("inv-uuid", null, status, "0208:1")).toMatchObject({
      field: "buyerStatus",
      oldValue: null,
      newValue: { status: "paid", responseCode: "PD", responseId: "IR-1" },
    });
    expect(buyerStatusEntry("inv-uuid", status, status, "0208:1")).toBeNull();
    expect(buyerStatusEntry("inv-uuid", status, { ...status, messageId: "m2" }, "0208:1")).toBeNull();
    expect(
      buyerStatusEntry("inv-uuid", status, { ...status, messageId: "m3", responseId: "IR-2" }, "0208:1"),
    ).toMatchObject({ reason: expect.stringContaining("IR-2") });
  });
});
