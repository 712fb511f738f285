import { describe, expect, it } from "vitest";
import { vatEndpointScheme } from "./vat-endpoint-scheme.ts";

describe("vatEndpointScheme", () => {
  it("finds the Peppol VAT scheme of a country", () => {
    expect(vatEndpointScheme("BE0403457345")).toBe("9925");
    expect(vatEndpointScheme("DE136695976")).toBe("9930");
    expect(vatEndpointScheme("FR40303265045")).toBe("9957");
    expect(vatEndpointScheme("IT00743110157")).toBe("0211");
    expect(vatEndpointScheme("EL094259216")).toBe("9933");
  });

  it("has none where Peppol retired the VAT scheme", () => {
    expect(vatEndpointScheme("SE556012579001")).toBeUndefined();
  });
});
