import { describe, expect, it } from "vitest";
import { decideMls, type MlsCase } from "./decide-mls.ts";
import { serviceProviderParticipant } from "./service-provider-id.ts";

const valid: MlsCase = {
  kind: "invoice",
  validation: { status: "valid", findings: [] },
  senderAccessPoint: "POP000001",
};
const invalid: MlsCase = {
  ...valid,
  validation: { status: "invalid", findings: [{ rule: "BR-CO-15", message: "totals do not add up" }] },
};

describe("decideMls", () => {
  it("derives the service provider id from the seat id", () => {
    expect(serviceProviderParticipant("POP000123")).toBe("0242:000123");
    expect(serviceProviderParticipant("PBE987654")).toBe("0242:987654");
    expect(serviceProviderParticipant("facteur")).toBeUndefined();
  });

  it("answers a valid invoice only when the sender asked for every status", () => {
    expect(decideMls(valid)).toMatchObject({ kind: "none" });
    expect(decideMls({ ...valid, mlsType: "FAILURE_ONLY" })).toMatchObject({ kind: "none" });
    expect(decideMls({ ...valid, mlsType: "ALWAYS_SEND" })).toEqual({
      kind: "send",
      responseCode: "AP",
      receiver: "0242:000001",
      issues: [],
    });
  });

  it("rejects an invalid invoice with its findings, to MLS_TO when given, whatever MLS_TYPE says", () => {
    expect(decideMls({ ...invalid, mlsType: "FAILURE_ONLY", mlsTo: "9915:test" })).toEqual({
      kind: "send",
      responseCode: "RE",
      receiver: "9915:test",
      description: "Rejected due to validation errors",
      issues: [{ lineId: "NA", description: "[BR-CO-15] totals do not add up", reasonCode: "BV" }],
    });
  });

  it("never answers a status message, and says so when it cannot tell where to send", () => {
    expect(decideMls({ ...invalid, kind: "status-response", mlsType: "ALWAYS_SEND" })).toMatchObject({
      kind: "none",
    });
    expect(decideMls({ ...invalid, senderAccessPoint: "odd" })).toMatchObject({ kind: "none" });
  });
});
