import { describe, expect, it } from "vitest";
import type { Customer } from "../customer/customer.ts";
import { changeEntries, creationEntry } from "./audit-entries.ts";
import { customerAuditFields } from "./audited-fields.ts";
import { diffFields } from "./field-diff.ts";

const customer: Customer = {
  number: "C-001",
  legalName: "Brasserie du Coin SRL",
  enterpriseNumber: "0123456749",
  vatNumber: "BE0123456749",
  peppolId: "0208:0123456749",
  language: "fr",
  address: {
    street: "Rue Haute 1",
    additionalStreet: null,
    city: "Liège",
    postalCode: "4000",
    countrySubdivision: null,
    country: "BE",
  },
  preferredChannel: "peppol",
  paymentTermsDays: 30,
};

describe("diffFields", () => {
  it("finds no change between equal customers", () => {
    expect(diffFields(customerAuditFields(customer), customerAuditFields({ ...customer }))).toEqual([]);
  });

  it("names each changed field by its dotted path, with old and new values", () => {
    const moved: Customer = {
      ...customer,
      address: { ...customer.address, city: "Namur", postalCode: "5000" },
      paymentTermsDays: 45,
    };
    expect(diffFields(customerAuditFields(customer), customerAuditFields(moved))).toEqual([
      { field: "address.city", oldValue: "Liège", newValue: "Namur" },
      { field: "address.postalCode", oldValue: "4000", newValue: "5000" },
      { field: "paymentTermsDays", oldValue: 30, newValue: 45 },
    ]);
  });

  it("records a value becoming null and a key that disappeared", () => {
    expect(diffFields({ a: "x", gone: 1 }, { a: null })).toEqual([
      { field: "a", oldValue: "x", newValue: null },
      { field: "gone", oldValue: 1, newValue: null },
    ]);
  });

  it("compares structured values by content", () => {
    expect(diffFields({ tags: ["a", { b: 1 }] }, { tags: ["a", { b: 1 }] })).toEqual([]);
    expect(diffFields({ tags: ["a"] }, { tags: ["a", "b"] })).toHaveLength(1);
  });
});

describe("audit entries for changes", () => {
  const context = {
    at: new Date("2026-02-01T00:00:00.000Z"),
    actor: { kind: "cli", id: "admin" },
    reason: null,
  } as const;

  it("records a creation as one whole-entity entry holding the snapshot", () => {
    const snapshot = customerAuditFields(customer);
    expect(creationEntry(context, { type: "customer", id: "C-001" }, snapshot)).toMatchObject({
      field: null,
      action: "create",
      oldValue: null,
      newValue: snapshot,
    });
  });

  it("records a status change with the action status and other fields with update", () => {
    const entries = changeEntries(context, { type: "recipient", id: "r1" }, [
      { field: "status", oldValue: "active", newValue: "suspended" },
      { field: "email", oldValue: "a@x.be", newValue: "b@x.be" },
    ]);
    expect(entries.map((entry) => [entry.field, entry.action])).toEqual([
      ["status", "status"],
      ["email", "update"],
    ]);
  });
});
