import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { InvoiceToSave } from "../../src/app/ports/invoice-store.ts";
import type { Customer } from "../../src/core/customer/customer.ts";
import type { Recipient } from "../../src/core/customer/recipient.ts";
import { generateOgm } from "../../src/core/identifiers/ogm.ts";
import { buildInvoiceDocument } from "../../src/core/invoice/build-invoice-document.ts";
import type { InvoiceContent } from "../../src/core/invoice/invoice-content.ts";
import { LANGUAGES } from "../../src/core/language.ts";
import { dec } from "../../src/core/money/decimal.ts";
import { toMinorUnits } from "../../src/core/money/minor-units.ts";
import { SAMPLE_SELLER, sampleContent } from "../../src/documents/pdf/testing/sample-invoice.ts";
import { createStore } from "../../src/store/create-store.ts";
import type { Database } from "../../src/store/database.ts";
import { buildCustomer } from "../../test/support/build-customer.ts";

/** Customers in the bench: their invoice mailboxes are on the lab's discard domain, so no mailbox fills up. */
const CUSTOMERS = 200;

function benchCustomer(i: number): Customer {
  return buildCustomer(`B${String(i).padStart(4, "0")}`, {
    legalName: `Client ${i} — Brasserie Søndergaard & Fils`,
    language: LANGUAGES[i % LANGUAGES.length] ?? "fr",
    address: {
      street: `Rue du Marché ${1 + (i % 90)}`,
      additionalStreet: null,
      city: "Namur",
      postalCode: "5000",
      countrySubdivision: null,
      country: "BE",
    },
  });
}

/** A one-page invoice of two to four lines; quantities vary so that no two PDFs are alike. */
function content(i: number): InvoiceContent {
  const base = sampleContent({ issueDate: "2026-11-27", dueDate: "2026-12-27", prepaid: dec("0") });
  return {
    ...base,
    lines: base.lines
      .slice(0, 2 + (i % 3))
      .map((line, j) => ({ ...line, quantity: dec(String(1 + ((i * 7 + j) % 40))) })),
  };
}

function issued(i: number, customer: Customer): InvoiceToSave {
  const number = `BENCH-${String(i).padStart(7, "0")}`;
  const ogm = generateOgm(String(2026_000_000 + i));
  const body = content(i);
  const totals = buildInvoiceDocument(body, { number, seller: SAMPLE_SELLER, buyer: customer }).totals;
  const minor = (value: typeof totals.payable) => (value === undefined ? 0n : toMinorUnits(value));
  return {
    record: {
      id: randomUUID(),
      customerNumber: customer.number,
      number,
      status: "issued",
      structuredCommunication: ogm.ok ? ogm.value : null,
      issuedAt: "2026-11-27T08:00:00.000Z",
      content: body,
    },
    figures: {
      lineCount: body.lines.length,
      taxExclusive: minor(totals.taxExclusive),
      tax: minor(totals.tax),
      payable: minor(totals.payable),
    },
    source: "bench",
  };
}

/**
 * Saves the bench's customers (each with one invoice mailbox on `sinkDomain`) and `count` issued invoices spread over
 * them, through the store's unit of work, 1,000 invoices per transaction.
 */
export async function seedInvoices(db: Kysely<Database>, count: number, sinkDomain: string): Promise<void> {
  const at = new Date("2026-11-27T08:00:00.000Z");
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => benchCustomer(i));
  const store = createStore(db);
  await store.transaction(async (unit) => {
    for (const customer of customers) {
      await unit.upsertCustomer(customer, at);
      const recipient: Recipient = {
        id: randomUUID(),
        customerNumber: customer.number,
        role: "invoice-mailbox",
        email: `invoices-${customer.number.toLowerCase()}@${sinkDomain}`,
        name: null,
        status: "active",
        statusReason: null,
      };
      const inserted = await unit.insertRecipient(recipient, at);
      if (!inserted.ok) throw new Error(inserted.error.message);
    }
  });
  for (let from = 0; from < count; from += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, count - from) }, (_, k) => {
      const i = from + k;
      return issued(i, customers[i % CUSTOMERS] as Customer);
    });
    await store.transaction((unit) => unit.saveInvoices(batch, at));
  }
}
