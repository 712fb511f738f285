import { auditTextHeadOf } from "../core/audit/audit-hash.ts";
import type { Customer } from "../core/customer/customer.ts";
import type { InputIssue } from "../core/errors/app-error.ts";
import { generateOgm, parseOgm } from "../core/identifiers/ogm.ts";
import { buildInvoiceDocument } from "../core/invoice/build-invoice-document.ts";
import { computeTotals } from "../core/invoice/compute-totals.ts";
import { dueDateFor } from "../core/invoice/due-date.ts";
import type { InvoiceContent } from "../core/invoice/invoice-content.ts";
import { SeenNumbers } from "../core/invoice/seen-numbers.ts";
import type { SellerProfile } from "../core/invoice/seller-profile.ts";
import { toMinorUnits } from "../core/money/minor-units.ts";
import { type InvoiceInput, invoiceContentOf, invoiceInputSchema } from "../core/schemas/invoice-input.ts";
import { blockingFindings } from "./blocking-findings.ts";
import { MAX_REPORTED_ISSUES } from "./import-outcome.ts";
import { invoiceSnapshotText } from "./invoice-snapshot.ts";
import { parseRecord } from "./parse-record.ts";
import type { DocumentValidator } from "./ports/document-validator.ts";
import type {
  InvoiceStage,
  InvoiceStageContext,
  StagedBatch,
  StagedConflict,
  StagedValue,
  StartInvoiceStage,
} from "./ports/invoice-stage.ts";
import type { SourcedRecord } from "./ports/sourced-record.ts";

/**
 * Invoices validated and sent to the writer together. Three batches are alive at a time at most (one written, one
 * waiting, one validated), and V8 lets the heap grow to about four times what is alive: 500 took PostgreSQL imports to
 * 296 MB resident when both stages shared one heap.
 */
const BATCH = 250;
/**
 * Parsed invoices waiting for their customers before they are validated and encoded. Few: a parsed invoice is some
 * kilobytes of objects, and every collection of the young generation copies those still waiting. 250 of them cost the
 * stage about 7 µs per invoice more CPU than 50.
 */
const CHECK_BATCH = 50;
/** Customers kept between batches at most (a few MB), so that the customers of the next batch are rarely asked again. */
const KNOWN_CUSTOMERS = 10_000;

export interface StageInvoicesDeps {
  /** The issuing company, from configuration. */
  readonly seller: SellerProfile;
  /** EN 16931 and Peppol rules: an invoice with a blocking finding is not issued. */
  readonly validator: DocumentValidator;
  /** The content as the store keeps it. */
  readonly encodeContent: (content: InvoiceContent) => string;
}

export interface StageInvoicesOptions {
  /** The file's records, streamed a chunk at a time (one await per chunk read, not per record). */
  readonly records: AsyncIterable<readonly SourcedRecord[]>;
  /** The file name, for the issues and the invoices' source. */
  readonly source: string;
}

/**
 * A staged batch with the place in the file of each of its invoices (its number's), kept to place a conflict the
 * writer finds. A place, not the record: a CSV record holds its rows, and records kept alive until their batch is
 * written cost the young generation's collections about 6 µs per invoice (the stage alone, on 100,000 CSV invoices).
 */
export interface StagedBatchWithPlaces {
  readonly batch: StagedBatch;
  readonly places: readonly string[];
}

interface Pending {
  readonly input: InvoiceInput;
  /** Asked for its place only when there is a problem to report: finding places costs more than the happy path. */
  readonly record: SourcedRecord;
}

/**
 * The validation stage of an invoice import: reads the records, validates them (schema, duplicates, structured
 * communication, customer), computes the totals with EN 16931 rounding, builds each document and checks the business
 * rules, and yields batches in file order, ready to write: every value as the store keeps it, content encoded, the
 * audit snapshot as canonical JSON and its creation record's text up to its place in the chain. Every problem is
 * collected with its place; the stage goes on to the end of the file so that they are all reported at once. The last
 * batch is always yielded, even empty: it carries the final count of records read.
 */
export async function* stageInvoices(
  deps: StageInvoicesDeps,
  options: StageInvoicesOptions,
  context: InvoiceStageContext,
): AsyncGenerator<StagedBatchWithPlaces> {
  const { source } = options;
  const savedFrom = `import:${source}`;
  // Fingerprints, not strings: memory must not grow with the file by more than a few bytes per invoice.
  const seen = new SeenNumbers();
  let reported = 0;
  let issues: InputIssue[] = [];
  const addIssue = (issue: InputIssue) => {
    if (reported >= MAX_REPORTED_ISSUES) return;
    reported++;
    issues.push(issue);
  };
  let nextOgm = context.firstOgm;
  let read = 0;
  let seq = 0;

  // Customers met so far: most files bill the same customers again and again. Bounded, so memory stays constant.
  const known = new Map<string, Customer>();
  const customersOf = async (batch: readonly Pending[]) => {
    let missing = new Set<string>();
    for (const { input } of batch) if (!known.has(input.customer)) missing.add(input.customer);
    if (missing.size === 0) return;
    if (known.size + missing.size > KNOWN_CUSTOMERS) {
      // Forgetting them all forgets this batch's known ones too: they are asked again with the others.
      known.clear();
      missing = new Set(batch.map(({ input }) => input.customer));
    }
    for (const customer of await context.customers([...missing])) known.set(customer.number, customer);
  };

  // The batch being filled for the writer.
  let values: StagedValue[] = [];
  let audited: string[] = [];
  let auditHeads: string[] = [];
  let places: string[] = [];
  let firstOgm = nextOgm;

  const flush = (): StagedBatchWithPlaces => {
    const staged: StagedBatch = {
      seq: seq++,
      read,
      issues,
      invoices: { count: audited.length, values, audited, auditHeads },
      generatedOgms: Number(nextOgm - firstOgm),
    };
    const flushed = { batch: staged, places };
    issues = [];
    values = [];
    audited = [];
    auditHeads = [];
    places = [];
    firstOgm = nextOgm;
    return flushed;
  };

  const stage = async (batch: readonly Pending[]): Promise<void> => {
    await customersOf(batch);
    for (const { input, record } of batch) {
      const customer = known.get(input.customer);
      if (customer === undefined) {
        addIssue({
          source,
          at: record.locate(["number"]).at,
          field: "customer",
          message: `unknown customer ${input.customer}`,
        });
        continue;
      }
      // Without a due date the customer's payment terms decide it, so that lateness can be measured.
      const content = invoiceContentOf(
        input,
        input.dueDate ? undefined : dueDateFor(input.issueDate, customer.paymentTermsDays),
      );
      const amounts = computeTotals(content);
      const ogm = input.structuredCommunication
        ? parseOgm(input.structuredCommunication)
        : generateOgm(nextOgm++);
      const structuredCommunication = ogm.ok ? ogm.value : null;
      const document = buildInvoiceDocument(content, {
        number: input.number,
        seller: deps.seller,
        buyer: customer,
        amounts,
        ...(structuredCommunication ? { structuredCommunication } : {}),
      });
      const blocking = blockingFindings(deps.validator.validate(document), customer.preferredChannel);
      for (const f of blocking) {
        addIssue({
          source,
          at: record.locate(["number"]).at,
          field: f.rule,
          message: `${f.message} (at ${f.location}); invoice ${input.number} cannot be issued`,
        });
      }
      if (blocking.length) continue;
      // Once the file has a problem nothing will be written: the rest is only checked.
      if (reported > 0) continue;
      const { taxExclusive, tax, payable } = amounts.totals;
      const payableMinor = toMinorUnits(payable);
      values.push(
        null,
        input.number,
        content.kind,
        "issued",
        input.customer,
        content.issueDate,
        content.dueDate ?? null,
        content.currency,
        content.lines.length,
        toMinorUnits(taxExclusive),
        toMinorUnits(tax),
        payableMinor,
        structuredCommunication,
        deps.encodeContent(content),
        null,
        savedFrom,
        context.at,
        context.at,
      );
      const snapshot = invoiceSnapshotText({
        kind: content.kind,
        customer: input.customer,
        issueDate: content.issueDate,
        currency: content.currency,
        payableMinor,
        lines: content.lines.length,
      });
      audited.push(snapshot);
      auditHeads.push(auditTextHeadOf(context.audit, input.number, snapshot));
      places.push(record.locate(["number"]).at);
    }
  };

  let batch: Pending[] = [];
  // Records read when the last batch was handed to the writer.
  let staged = 0;
  for await (const chunk of options.records) {
    for (const record of chunk) {
      read++;
      const parsed = parseRecord(invoiceInputSchema, record);
      if (!parsed.ok) {
        for (const issue of parsed.issues) addIssue(issue);
        continue;
      }
      const input = parsed.value;
      if (!seen.add(input.number)) {
        addIssue({
          source,
          ...record.locate(["number"]),
          message: `invoice number ${input.number} appears twice in the file`,
        });
        continue;
      }
      if (input.structuredCommunication !== undefined) {
        const ogm = parseOgm(input.structuredCommunication);
        if (!ogm.ok)
          addIssue({ source, ...record.locate(["structuredCommunication"]), message: ogm.error.message });
      }
      batch.push({ input, record });
      if (batch.length >= CHECK_BATCH) {
        await stage(batch);
        batch = [];
      }
      // Counted in records, not in invoices staged: a file whose invoices all fail still reports its progress.
      if (read - staged >= BATCH) {
        staged = read;
        yield flush();
      }
    }
  }
  await stage(batch);
  yield flush();
}

/** The problems of the conflicts the writer found in a batch, each placed at its invoice number. */
export function conflictIssues(
  source: string,
  places: readonly string[],
  conflicts: readonly StagedConflict[],
): InputIssue[] {
  return conflicts.map((c) => ({
    source,
    at: places[c.index] ?? "",
    field: "number",
    message: c.message,
  }));
}

/**
 * The stage run in the writer's own thread, taking turns with it: for files too small for a thread's start-up (some
 * 0.45 s of CPU) to pay off. It validates a batch only when the writer asks for it.
 */
export function inThreadInvoiceStage(
  deps: StageInvoicesDeps,
  options: StageInvoicesOptions,
): StartInvoiceStage {
  return (context) => {
    const batches = stageInvoices(deps, options, context);
    // The places of the invoices of the batches handed out and not yet written, to place conflicts.
    const places = new Map<number, readonly string[]>();
    const stage: InvoiceStage = {
      async next() {
        const step = await batches.next();
        if (step.done) return undefined;
        places.set(step.value.batch.seq, step.value.places);
        return step.value.batch;
      },
      async written(seq, conflicts) {
        const placed = conflictIssues(options.source, places.get(seq) ?? [], conflicts);
        places.delete(seq);
        return placed;
      },
      async close() {
        await batches.return(undefined);
      },
    };
    return stage;
  };
}
