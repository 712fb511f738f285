import { describe, expect, it } from "vitest";
import { checkInvoiceResponse, responseCodeOf } from "./invoice-response-rules.ts";

describe("checkInvoiceResponse", () => {
  it("maps each status to its code and takes a clarification from either list", () => {
    expect(responseCodeOf("under-query")).toBe("UQ");
    expect(checkInvoiceResponse({ status: "accepted" })).toEqual({
      ok: true,
      value: { status: "accepted", responseCode: "AP" },
    });
    expect(checkInvoiceResponse({ status: "under-query", reason: "ref", note: "PO 123?" })).toEqual({
      ok: true,
      value: {
        status: "under-query",
        responseCode: "UQ",
        clarification: { code: "REF", listId: "OPStatusReason", text: "PO 123?" },
      },
    });
    expect(checkInvoiceResponse({ status: "rejected", reason: "NIN" })).toMatchObject({
      ok: true,
      value: { clarification: { code: "NIN", listId: "OPStatusAction" } },
    });
    expect(checkInvoiceResponse({ status: "paid", note: "thanks" })).toMatchObject({
      ok: true,
      value: { note: "thanks" },
    });
  });

  it("refuses what BIS T111 does not allow", () => {
    expect(checkInvoiceResponse({ status: "rejected" })).toMatchObject({ ok: false });
    expect(checkInvoiceResponse({ status: "conditionally-accepted" })).toMatchObject({ ok: false });
    expect(checkInvoiceResponse({ status: "under-query", reason: "XYZ" })).toMatchObject({ ok: false });
    expect(checkInvoiceResponse({ status: "accepted", reason: "PPD", note: "half" })).toMatchObject({
      ok: false,
    });
    expect(checkInvoiceResponse({ status: "paid", reason: "PPD" })).toMatchObject({ ok: false });
    expect(checkInvoiceResponse({ status: "paid", reason: "PPD", note: "half" })).toMatchObject({ ok: true });
  });
});
