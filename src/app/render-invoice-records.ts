import type { InputIssue } from "../core/errors/app-error.ts";
import { parseOgm } from "../core/identifiers/ogm.ts";
import { buildInvoiceDocument } from "../core/invoice/build-invoice-document.ts";
import { dueDateFor } from "../core/invoice/due-date.ts";
import type { SellerProfile } from "../core/invoice/seller-profile.ts";
import type { Language } from "../core/language.ts";
import { invoiceContentOf, invoiceInputSchema } from "../core/schemas/invoice-input.ts";
import type { CustomerOnFile } from "./customers-from-records.ts";
import { parseRecord } from "./parse-record.ts";
import type { DocumentFinding } from "./ports/document-validator.ts";
import { RecordSourceError } from "./ports/record-source-error.ts";
import type { SourcedRecord } from "./ports/sourced-record.ts";
import { type RenderDocumentPairDeps, renderDocumentPair } from "./render-document-pair.ts";

export interface RenderInvoiceRecordsDeps extends RenderDocumentPairDeps {
  /** The issuing company, from configuration. */
  readonly seller: SellerProfile;
}

export interface RenderInvoiceRecordsOptions {
  /** Invoice records in the import formats. */
  readonly records: AsyncIterable<SourcedRecord>;
  readonly customers: ReadonlyMap<string, CustomerOnFile>;
  /** The PDF's language; the customer's when absent. */
  readonly language?: Language;
  /** Marks every PDF as a copy. */
  readonly copy?: boolean;
}

/** What became of one invoice record. */
export type RenderedRecord =
  | {
      readonly kind: "rendered";
      readonly number: string;
      readonly ubl: Buffer;
      readonly pdf: Buffer;
      /** Every finding; none of them blocks. */
      readonly findings: readonly DocumentFinding[];
    }
  | {
      readonly kind: "refused";
      /** The invoice number when the record got that far. */
      readonly number?: string;
      /** Problems of the record itself (shape, unknown customer, unreadable file), with their place. */
      readonly issues: readonly InputIssue[];
      /** The findings that block the invoice, with rule, place in the document and reason. */
      readonly findings: readonly DocumentFinding[];
    };

/**
 * Renders invoices given in the import formats without a database: each record is checked as an import checks it,
 * its customer taken from `customers`, its document built (seller from configuration, due date from the record or
 * the customer's payment terms, the structured communication only when the record gives one, since generating one
 * needs the database's sequence), validated and rendered. Yields one outcome per record, in file order, so that a
 * file of any size streams.
 */
export async function* renderInvoiceRecords(
  deps: RenderInvoiceRecordsDeps,
  options: RenderInvoiceRecordsOptions,
): AsyncGenerator<RenderedRecord> {
  try {
    for await (const record of options.records) {
      const parsed = parseRecord(invoiceInputSchema, record);
      if (!parsed.ok) {
        yield { kind: "refused", issues: parsed.issues, findings: [] };
        continue;
      }
      const input = parsed.value;
      const onFile = options.customers.get(input.customer);
      const ogm = input.structuredCommunication ? parseOgm(input.structuredCommunication) : undefined;
      const issues: InputIssue[] = [];
      if (onFile === undefined) {
        const message = `unknown customer ${input.customer} (not in the customers given)`;
        issues.push({ source: record.source, ...record.locate(["customer"]), message });
      }
      if (ogm && !ogm.ok) {
        const place = record.locate(["structuredCommunication"]);
        issues.push({ source: record.source, ...place, message: ogm.error.message });
      }
      if (onFile === undefined || issues.length > 0) {
        yield { kind: "refused", number: input.number, issues, findings: [] };
        continue;
      }
      const content = invoiceContentOf(input);
      const { customer, mailbox } = onFile;
      const document = buildInvoiceDocument(content, {
        number: input.number,
        seller: deps.seller,
        buyer: customer,
        ...(ogm?.ok ? { structuredCommunication: ogm.value } : {}),
        dueDate: content.dueDate ?? dueDateFor(content.issueDate, customer.paymentTermsDays),
        ...(mailbox ? { buyerEmail: mailbox } : {}),
      });
      const rendered = await renderDocumentPair(deps, document, {
        language: options.language ?? customer.language,
        channel: customer.preferredChannel,
        copy: options.copy ?? false,
      });
      if (rendered.ok) {
        yield { kind: "rendered", number: input.number, ...rendered.value };
        continue;
      }
      const { code, message, blocking } = rendered.error;
      const unwritable =
        code === "unwritable" ? [{ source: record.source, ...record.locate([]), message }] : [];
      yield { kind: "refused", number: input.number, issues: unwritable, findings: blocking };
    }
  } catch (error) {
    if (!(error instanceof RecordSourceError)) throw error;
    yield { kind: "refused", issues: [error.issue], findings: [] };
  }
}
