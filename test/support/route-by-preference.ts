import { type InvoiceRouter, routeInvoices } from "../../src/app/route-invoice.ts";

/**
 * The router for tests and benchmarks about e-mail delivery: a seller outside the Belgian mandate (not VAT-registered)
 * and no Peppol discovery, so each invoice goes by its customer's preferred channel, nothing is looked up, and every
 * decision is recorded as `send` records it.
 */
export const routeByPreference: InvoiceRouter = (invoices) =>
  routeInvoices(
    { seller: { country: "BE", vatStatus: "none" }, directory: null, ownAccessPoint: "not-configured" },
    invoices,
  );
