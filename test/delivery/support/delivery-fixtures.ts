import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { InvoiceToSave } from "../../../src/app/ports/invoice-store.ts";
import type { Customer } from "../../../src/core/customer/customer.ts";
import type { Recipient } from "../../../src/core/customer/recipient.ts";
import type { SellerProfile } from "../../../src/core/invoice/seller-profile.ts";
import { dec } from "../../../src/core/money/decimal.ts";
import { createStore } from "../../../src/store/create-store.ts";
import type { Database } from "../../../src/store/database.ts";
import { buildCustomer } from "../../support/build-customer.ts";

export const SELLER: SellerProfile = {
  name: "Seller SRL",
  enterpriseNumber: "0123456749",
  vatNumber: "BE0123456749",
  peppolId: "0208:0123456749",
  address: { street: "Rue de la Loi 16", city: "Bruxelles", postalCode: "1000", country: "BE" },
  iban: "BE68539007547034",
};

/** A customer that prefers e-mail unless told otherwise. */
export const customer = buildCustomer;

/** An active recipient. */
export function recipient(customerNumber: string, role: Recipient["role"], email: string): Recipient {
  return { id: randomUUID(), customerNumber, role, email, name: null, status: "active", statusReason: null };
}

/** One issued invoice of one line. */
export function invoice(number: string, customerNumber: string): InvoiceToSave {
  return {
    record: {
      id: randomUUID(),
      customerNumber,
      number,
      status: "issued",
      structuredCommunication: null,
      issuedAt: "2026-12-01T08:00:00.000Z",
      content: {
        kind: "invoice",
        issueDate: "2026-12-01",
        currency: "EUR",
        notes: [],
        precedingInvoices: [],
        lines: [
          {
            id: "1",
            name: "Service",
            quantity: dec("1"),
            unitCode: "C62",
            netPrice: dec("100"),
            vatCategory: "S",
            vatRate: dec("21"),
            allowances: [],
            charges: [],
          },
        ],
        allowances: [],
        charges: [],
      },
    },
    figures: { lineCount: 1, taxExclusive: 10000n, tax: 2100n, payable: 12100n },
    source: "test",
  };
}

/** Saves customers with their recipients, and invoices, in one transaction. */
export async function seed(
  db: Kysely<Database>,
  data: {
    readonly customers: readonly Customer[];
    readonly recipients: readonly Recipient[];
    readonly invoices: readonly InvoiceToSave[];
  },
  at = new Date("2026-12-01T08:00:00.000Z"),
): Promise<void> {
  await createStore(db).transaction(async (unit) => {
    for (const c of data.customers) await unit.upsertCustomer(c, at);
    for (const r of data.recipients) {
      const inserted = await unit.insertRecipient(r, at);
      if (!inserted.ok) throw new Error(inserted.error.message);
    }
    for (let i = 0; i < data.invoices.length; i += 500) {
      await unit.saveInvoices(data.invoices.slice(i, i + 500), at);
    }
  });
}
