import { creationEntry } from "../core/audit/audit-entries.ts";
import type { AuditActor } from "../core/audit/audit-entry.ts";
import type { Customer } from "../core/customer/customer.ts";
import type { InputIssue } from "../core/errors/app-error.ts";
import { generateOgm, parseOgm } from "../core/identifiers/ogm.ts";
import { buildInvoiceDocument } from "../core/invoice/build-invoice-document.ts";
import { computeTotals } from "../core/invoice/compute-totals.ts";
import { dueDateFor } from "../core/invoice/due-date.ts";
import type { InvoiceRecord } from "../core/invoice/invoice-record.ts";
import { SeenNumbers } from "../core/invoice/seen-numbers.ts";
import type { SellerProfile } from "../core/invoice/seller-profile.ts";
import { toMinorUnits } from "../core/money/minor-units.ts";
import { type InvoiceInput, invoiceContentOf, invoiceInputSchema } from "../core/schemas/invoice-input.ts";
import { blockingFindings } from "./blocking-findings.ts";
import { allOrNothing, type ImportReport, MAX_REPORTED_ISSUES } from "./import-outcome.ts";
import { parseRecord } from "./parse-record.ts";
import type { DocumentValidator } from "./ports/document-validator.ts";
import type { InvoiceToSave } from "./ports/invoice-store.ts";
import type { SourcedRecord } from "./ports/sourced-record.ts";
import type { Store, UnitOfWork } from "./ports/store.ts";

/**
 * Invoices validated and saved together. Two batches are alive at a time (one written while the next is validated),
 * and V8 lets the heap grow to about four times what is alive: 500 took PostgreSQL imports to 296 MB resident.
 */
const BATCH = 250;
/** Customers kept between batches at most (a few MB), so that the customers of the next batch are rarely read again. */
const KNOWN_CUSTOMERS = 10_000;

export interface ImportInvoicesDeps {
  readonly store: Store;
  /** The issuing company, from configuration. */
  readonly seller: SellerProfile;
  /** EN 16931 and Peppol rules: an invoice with a blocking finding is not issued. */
  readonly validator: DocumentValidator;
  readonly now: () => Date;
  /** New ids for invoices (uuid v4 in production, predictable in tests). */
  readonly newId: () => string;
}

export interface ImportInvoicesOptions {
  /** The file's records, streamed. */
  readonly records: AsyncIterable<SourcedRecord>;
  /** The file name, for the report and the audit actor. */
  readonly source: string;
  /** Who runs the import; recorded in the audit log next to the file. */
  readonly actor: AuditActor;
  /** Called every few hundred records with the count read so far. */
  readonly onProgress?: (read: number) => void;
}

interface Pending {
  readonly input: InvoiceInput;
  /** Asked for its place only when there is a problem to report: finding places costs more than the happy path. */
  readonly record: SourcedRecord;
}

/**
 * Imports invoices issued by the ERP (they carry their numbers) all or nothing: every record is validated, every
 * problem is collected with its place, and only a file without problems is committed. Totals are computed here with
 * EN 16931 rounding. Re-importing the same file changes nothing; an invoice number that already holds different
 * content is refused. Each created invoice is audited with the file as actor. Memory stays bounded: records stream and
 * are written in batches inside the one transaction, each batch while the next one is read and validated.
 */
export async function importInvoices(
  deps: ImportInvoicesDeps,
  options: ImportInvoicesOptions,
): Promise<ImportReport> {
  const issues: InputIssue[] = [];
  // Fingerprints, not strings: memory must not grow with the file by more than a few bytes per invoice.
  const seen = new SeenNumbers();
  let read = 0;
  let created = 0;
  let unchanged = 0;
  const addIssue = (issue: InputIssue) => {
    if (issues.length < MAX_REPORTED_ISSUES) issues.push(issue);
  };
  const at = deps.now();
  // The same for every invoice of the file: built once, not per invoice.
  const issuedAt = at.toISOString();
  const savedFrom = `import:${options.source}`;
  const actor: AuditActor = {
    kind: "import",
    id: `${options.source} (${options.actor.kind}:${options.actor.id})`,
  };

  // Customers met so far: most files bill the same customers again and again. Bounded, so memory stays constant.
  const known = new Map<string, Customer>();
  const customersOf = async (unit: UnitOfWork, batch: readonly Pending[]) => {
    const customers = new Map<string, Customer>();
    const missing: string[] = [];
    for (const { input } of batch) {
      const customer = known.get(input.customer);
      if (customer) customers.set(input.customer, customer);
      else if (!customers.has(input.customer)) missing.push(input.customer);
    }
    const unique = [...new Set(missing)];
    if (unique.length === 0) return customers;
    if (known.size + unique.length > KNOWN_CUSTOMERS) known.clear();
    for (const [number, customer] of await unit.customersByNumber(unique)) {
      customers.set(number, customer);
      known.set(number, customer);
    }
    return customers;
  };

  const flush = async (unit: UnitOfWork, batch: Pending[]) => {
    const customers = await customersOf(unit, batch);
    const ready = batch.filter((p) => {
      if (customers.has(p.input.customer)) return true;
      addIssue({
        source: options.source,
        at: p.record.locate(["number"]).at,
        field: "customer",
        message: `unknown customer ${p.input.customer}`,
      });
      return false;
    });
    if (ready.length === 0) return;
    // The sequence is reserved even when the file already has problems: the transaction then rolls back, and the
    // remaining invoices are still checked against the business rules so that every problem is reported at once.
    const needOgm = ready.filter((p) => p.input.structuredCommunication === undefined).length;
    let ogmBase = needOgm ? await unit.reserveSequence("structured-communication", needOgm) : 0n;
    const items: InvoiceToSave[] = [];
    // Only the records stay with the batch while it is written (for the place of a conflict), not the parsed input.
    const placed: SourcedRecord[] = [];
    for (const pending of ready) {
      const { input } = pending;
      const given = invoiceContentOf(input);
      // Without a due date the customer's payment terms decide it, so that lateness can be measured.
      const content = given.dueDate
        ? given
        : {
            ...given,
            dueDate: dueDateFor(given.issueDate, customers.get(input.customer)?.paymentTermsDays ?? 0),
          };
      const amounts = computeTotals(content);
      const ogm = input.structuredCommunication
        ? parseOgm(input.structuredCommunication)
        : generateOgm(ogmBase++);
      const record: InvoiceRecord = {
        id: deps.newId(),
        customerNumber: input.customer,
        number: input.number,
        status: "issued",
        content,
        structuredCommunication: ogm?.ok ? ogm.value : null,
        issuedAt,
      };
      const customer = customers.get(input.customer) as Customer;
      const document = buildInvoiceDocument(content, {
        number: input.number,
        seller: deps.seller,
        buyer: customer,
        amounts,
        ...(record.structuredCommunication
          ? { structuredCommunication: record.structuredCommunication }
          : {}),
      });
      const blocking = blockingFindings(deps.validator.validate(document), customer.preferredChannel);
      for (const f of blocking) {
        addIssue({
          source: options.source,
          at: pending.record.locate(["number"]).at,
          field: f.rule,
          message: `${f.message} (at ${f.location}); invoice ${input.number} cannot be issued`,
        });
      }
      if (blocking.length) continue;
      const { taxExclusive, tax, payable } = amounts.totals;
      placed.push(pending.record);
      items.push({
        record,
        source: savedFrom,
        figures: {
          lineCount: content.lines.length,
          taxExclusive: toMinorUnits(taxExclusive),
          tax: toMinorUnits(tax),
          payable: toMinorUnits(payable),
        },
      });
    }
    // The previous batch's writes are awaited only now, so that the server stored it while this one was validated.
    await settle();
    if (issues.length > 0) return;
    writing = write(unit, items, placed);
    // settle() awaits it; this handler only keeps a failure from counting as unhandled before then.
    writing.catch(() => undefined);
  };

  /** Saves a validated batch and audits what it created; returns the numbers refused as conflicts. */
  const write = async (
    unit: UnitOfWork,
    items: readonly InvoiceToSave[],
    placed: readonly SourcedRecord[],
  ): Promise<InputIssue[]> => {
    const conflicts: InputIssue[] = [];
    const outcomes = await unit.saveInvoices(items, at);
    const entries = [];
    for (const [i, outcome] of outcomes.entries()) {
      const item = items[i] as InvoiceToSave;
      if (outcome.kind === "conflict") {
        const at = placed[i]?.locate(["number"]).at ?? "";
        conflicts.push({ source: options.source, at, field: "number", message: outcome.message });
      } else if (outcome.kind === "unchanged") unchanged++;
      else {
        created++;
        entries.push(
          creationEntry(
            { at, actor, reason: null },
            { type: "invoice", id: item.record.number ?? item.record.id },
            {
              kind: item.record.content.kind,
              customer: item.record.customerNumber,
              issueDate: item.record.content.issueDate,
              currency: item.record.content.currency,
              payableMinor: item.figures.payable.toString(),
              lines: item.figures.lineCount,
            },
          ),
        );
      }
    }
    if (entries.length) await unit.audit.append(entries);
    return conflicts;
  };

  /** The batch being written: one at a time, in file order, each awaited before the next starts. */
  let writing: Promise<InputIssue[]> = Promise.resolve([]);
  const settle = async () => {
    const conflicts = await writing;
    writing = Promise.resolve([]);
    for (const issue of conflicts) addIssue(issue);
  };

  const committed = await allOrNothing(deps.store, issues, async (unit) => {
    let batch: Pending[] = [];
    for await (const record of options.records) {
      read++;
      if (read % 250 === 0) options.onProgress?.(read);
      const parsed = parseRecord(invoiceInputSchema, record);
      if (!parsed.ok) {
        for (const issue of parsed.issues) addIssue(issue);
        continue;
      }
      const input = parsed.value;
      if (!seen.add(input.number)) {
        addIssue({
          source: options.source,
          ...record.locate(["number"]),
          message: `invoice number ${input.number} appears twice in the file`,
        });
        continue;
      }
      if (input.structuredCommunication !== undefined) {
        const ogm = parseOgm(input.structuredCommunication);
        if (!ogm.ok)
          addIssue({
            source: options.source,
            ...record.locate(["structuredCommunication"]),
            message: ogm.error.message,
          });
      }
      batch.push({ input, record });
      if (batch.length >= BATCH) {
        await flush(unit, batch);
        batch = [];
      }
    }
    if (batch.length) await flush(unit, batch);
    await settle();
    options.onProgress?.(read);
  });
  if (!committed) {
    return {
      source: options.source,
      read,
      created: 0,
      updated: 0,
      unchanged: 0,
      issues,
      committed,
      notices: [],
    };
  }
  return {
    source: options.source,
    read,
    created,
    updated: 0,
    unchanged,
    issues,
    committed: true,
    notices: [],
  };
}
