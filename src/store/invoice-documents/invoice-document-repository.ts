import type { Kysely, Selectable, Transaction } from "kysely";
import {
  INVOICE_DOCUMENT_KINDS,
  type StoredInvoiceDocument,
} from "../../app/ports/invoice-document-store.ts";
import type { Database } from "../database.ts";
import { fromDbCode, fromDbInstant, toDbInstant, toSafeNumber } from "../db-values.ts";
import type { InvoiceDocumentsTable } from "../tables/invoice-documents.ts";

function documentFromRow(row: Selectable<InvoiceDocumentsTable>): StoredInvoiceDocument {
  return {
    invoiceId: row.invoice_id,
    kind: fromDbCode(row.kind, INVOICE_DOCUMENT_KINDS, "invoice_documents.kind"),
    sha256: row.sha256,
    size: toSafeNumber(row.size, "invoice_documents.size"),
    createdAt: fromDbInstant(row.created_at, "invoice_documents.created_at"),
  };
}

/** The invoice's stored documents, UBL first. */
export async function invoiceDocuments(
  db: Kysely<Database>,
  invoiceId: string,
): Promise<StoredInvoiceDocument[]> {
  const rows = await db
    .selectFrom("invoice_documents")
    .selectAll()
    .where("invoice_id", "=", invoiceId)
    // "pdf" < "ubl": descending puts the UBL, the legal document, first.
    .orderBy("kind", "desc")
    .execute();
  return rows.map(documentFromRow);
}

/** Inserts the documents an invoice does not have yet; an existing (invoice, kind) keeps its row. */
export async function saveInvoiceDocuments(
  trx: Transaction<Database>,
  documents: readonly StoredInvoiceDocument[],
): Promise<number> {
  if (documents.length === 0) return 0;
  const result = await trx
    .insertInto("invoice_documents")
    .values(
      documents.map((d) => ({
        invoice_id: d.invoiceId,
        kind: d.kind,
        sha256: d.sha256,
        size: d.size,
        created_at: toDbInstant(d.createdAt),
      })),
    )
    .onConflict((oc) => oc.columns(["invoice_id", "kind"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}
