import { describe, expect, it } from "vitest";
import { invoiceResponseDelivery, sameParticipant } from "./match-status-message.ts";

describe("invoiceResponseDelivery", () => {
  const deliveries = [
    { id: "d1", invoiceId: "i1", participant: "0208:0123456749", round: 1 },
    { id: "d2", invoiceId: "i1", participant: "0208:0123456749", round: 2 },
    { id: "d3", invoiceId: "i1", participant: "9925:BE0202239951", round: 3 },
  ];

  it("is the latest delivery to the response's sender, whatever the case of the participant id", () => {
    expect(invoiceResponseDelivery("0208:0123456749", deliveries)?.id).toBe("d2");
    expect(invoiceResponseDelivery("9925:be0202239951", deliveries)?.id).toBe("d3");
    expect(sameParticipant("9925:BE0202239951", " 9925:be0202239951")).toBe(true);
  });

  it("is none for a sender the invoice was never delivered to", () => {
    expect(invoiceResponseDelivery("0208:0999999999", deliveries)).toBeUndefined();
    expect(invoiceResponseDelivery("0208:0123456749", [])).toBeUndefined();
  });
});
