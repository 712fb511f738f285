import { describe, expect, it } from "vitest";
import type { Recipient } from "../customer/recipient.ts";
import { planDeliveries } from "./plan-deliveries.ts";

function recipient(
  id: string,
  role: Recipient["role"],
  email: string,
  status: Recipient["status"] = "active",
): Recipient {
  return { id, customerNumber: "K1", role, email, name: null, status, statusReason: null };
}

describe("planDeliveries", () => {
  it("sends one message to the invoice mailbox and one marked copy per copy recipient", () => {
    const plan = planDeliveries([
      recipient("m", "invoice-mailbox", "invoices@acme.example"),
      recipient("p", "person", "anna@acme.example"),
      recipient("c1", "copy", "boss@acme.example"),
      recipient("c2", "copy", "accountant@firm.example"),
    ]);
    expect(plan).toEqual({
      ok: true,
      value: [
        {
          role: "main",
          target: "main",
          recipients: [{ recipientId: "m", email: "invoices@acme.example", name: null }],
        },
        {
          role: "copy",
          target: "c1",
          recipients: [{ recipientId: "c1", email: "boss@acme.example", name: null }],
        },
        {
          role: "copy",
          target: "c2",
          recipients: [expect.objectContaining({ email: "accountant@firm.example" })],
        },
      ],
    });
  });

  it("puts every active person in one main message when there is no invoice mailbox", () => {
    const plan = planDeliveries([
      recipient("a", "person", "a@acme.example"),
      recipient("b", "person", "b@acme.example"),
      recipient("r", "person", "gone@acme.example", "removed"),
    ]);
    expect(plan.ok && plan.value.map((m) => m.recipients.map((r) => r.email))).toEqual([
      ["a@acme.example", "b@acme.example"],
    ]);
  });

  it("reports a customer whose only recipients are copies or suspended, instead of sending copies alone", () => {
    const plan = planDeliveries([
      recipient("c", "copy", "boss@acme.example"),
      recipient("s", "invoice-mailbox", "invoices@acme.example", "suspended"),
    ]);
    expect(plan).toEqual({
      ok: false,
      error: { code: "no-usable-recipient", message: expect.stringContaining("1 suspended or removed") },
    });
    expect(planDeliveries([])).toMatchObject({
      ok: false,
      error: { message: "the customer has no recipient" },
    });
  });
});
