import { describe, expect, it } from "vitest";
import type { EbmsSignalError } from "../../documents/peppol/as4/read-as4-signal.ts";
import { classifyErrorSignal } from "./classify-error-signal.ts";

function error(errorCode: string, detail = "", overrides: Partial<EbmsSignalError> = {}): EbmsSignalError {
  return {
    errorCode,
    severity: "failure",
    shortDescription: "Other",
    category: "Content",
    detail,
    refToMessageInError: undefined,
    ...overrides,
  };
}

describe("classifyErrorSignal", () => {
  it("reads PEPPOL:NOT_SERVICED, in the detail or the short description, as look up again", () => {
    expect(classifyErrorSignal([error("EBMS:0004", "PEPPOL:NOT_SERVICED")]).verdict).toBe("look-up-again");
    expect(
      classifyErrorSignal([error("EBMS:0004", "", { shortDescription: "PEPPOL:NOT_SERVICED" })]).verdict,
    ).toBe("look-up-again");
  });

  it("refuses for good on authentication, decryption, policy, decompression and content errors", () => {
    for (const code of ["EBMS:0004", "EBMS:0101", "EBMS:0102", "EBMS:0103", "EBMS:0303"]) {
      const { verdict, failure } = classifyErrorSignal([error(code, "why")]);
      expect([verdict, failure.code, failure.detail]).toEqual(["rejected", code, "Other: why"]);
    }
  });

  it("retries a connection failure, and decides on failures rather than warnings", () => {
    expect(classifyErrorSignal([error("EBMS:0005")]).verdict).toBe("retry-later");
    const mixed = classifyErrorSignal([error("EBMS:0101", "", { severity: "warning" }), error("EBMS:0005")]);
    expect(mixed.verdict).toBe("retry-later");
    expect(classifyErrorSignal([error("EBMS:0005"), error("EBMS:0102")]).verdict).toBe("rejected");
  });
});
