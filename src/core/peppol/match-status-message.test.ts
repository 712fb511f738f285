import { describe, expect, it } from "vitest";
import {
  fromReceivingAccessPoint,
  invoiceResponseDelivery,
  sameParticipant,
} from "./match-status-message.ts";

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

describe("fromReceivingAccessPoint", () => {
  it("takes an MLS from the seat that signed the receipt, whatever the subject's order and case", () => {
    expect(fromReceivingAccessPoint("PBE000002", "C=BE, O=Buyer AP, CN=PBE000002")).toBe(true);
    expect(fromReceivingAccessPoint("pbe000002", "CN=PBE000002\nO=Buyer AP\nC=BE")).toBe(true);
  });

  it("refuses another seat, and a subject without a CN", () => {
    expect(fromReceivingAccessPoint("PBE000666", "C=BE, O=Buyer AP, CN=PBE000002")).toBe(false);
    expect(fromReceivingAccessPoint("PBE000002", "C=BE, O=Buyer AP")).toBe(false);
    expect(fromReceivingAccessPoint("PBE000002", "C=BE, O=CN=PBE000002 Ltd, CN=PBE000003")).toBe(false);
  });

  it("lets the delivery id alone count when no receipt is recorded", () => {
    expect(fromReceivingAccessPoint("PBE000666", undefined)).toBe(true);
  });
});
