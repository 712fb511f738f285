import fc from "fast-check";
import { expect, it } from "vitest";
import { canonicalJson } from "../core/audit/json-value.ts";
import { invoiceSnapshotText } from "./invoice-snapshot.ts";

it("writes the same text as canonicalJson of the snapshot, whatever its strings", () => {
  fc.assert(
    fc.property(
      fc.record({
        kind: fc.constantFrom("invoice", "credit-note"),
        customer: fc.string({ unit: "binary" }),
        issueDate: fc.string(),
        currency: fc.string({ unit: "grapheme" }),
        payableMinor: fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        lines: fc.nat(100_000),
      }),
      (snapshot) => {
        expect(invoiceSnapshotText(snapshot)).toBe(
          canonicalJson({
            kind: snapshot.kind,
            customer: snapshot.customer,
            issueDate: snapshot.issueDate,
            currency: snapshot.currency,
            payableMinor: snapshot.payableMinor.toString(),
            lines: snapshot.lines,
          }),
        );
      },
    ),
    { numRuns: 2000 },
  );
});
