import type { PeppolResponseWriter } from "../../../app/ports/peppol-response-writer.ts";
import { writeInvoiceResponse } from "./write-invoice-response.ts";
import { writeMls } from "./write-mls.ts";

/** The status message writer the use-cases are given. */
export const peppolResponseWriter: PeppolResponseWriter = {
  mls: writeMls,
  invoiceResponse: writeInvoiceResponse,
};
