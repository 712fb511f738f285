import { randomUUID } from "node:crypto";
import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { importCustomers } from "../../src/app/import-customers.ts";
import type { Store } from "../../src/app/ports/store.ts";
import { verifyAuditChain } from "../../src/app/verify-audit-chain.ts";
import { readCustomerRecords } from "../../src/imports/read-customer-records.ts";
import { createStore } from "../../src/store/create-store.ts";
import { describeEachEngine } from "../support/databases.ts";

const dir = mkdtempSync(join(tmpdir(), "facteur-customers-"));
const EXAMPLES = join(import.meta.dirname, "../../examples");

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describeEachEngine("importCustomers", (engine) => {
  let store: Store;
  let clock = new Date("2026-11-28T10:00:00.000Z");
  const run = (path: string) =>
    importCustomers(
      { store, now: () => clock, newId: randomUUID },
      {
        records: readCustomerRecords(path),
        source: path.split("/").pop() ?? path,
        actor: { kind: "cli", id: "test" },
      },
    );

  beforeAll(() => {
    store = createStore(engine.db);
  });

  it("imports the CSV example with normalised identifiers and recipients by role", async () => {
    const report = await run(join(EXAMPLES, "customers.csv"));
    expect(report).toMatchObject({ read: 5, created: 5, committed: true, issues: [] });
    const c001 = await store.getCustomer("C001");
    expect(c001).toMatchObject({
      enterpriseNumber: "0403457345",
      vatNumber: "BE0403457345",
      preferredChannel: "peppol",
    });
    const recipients = await store.listRecipients("C001");
    const byRole = [...recipients].sort((a, b) => a.role.localeCompare(b.role));
    expect(byRole.map((r) => [r.role, r.email, r.name])).toEqual([
      ["copy", "jean.dupont@brasserie-dupont.test", "Jean Dupont"],
      ["invoice-mailbox", "factures@brasserie-dupont.test", null],
      ["reminders", "compta@brasserie-dupont.test", null],
    ]);
  });

  it("imports the JSON example and accepts spaced and dotted identifier spellings", async () => {
    const report = await run(join(EXAMPLES, "customers.json"));
    expect(report).toMatchObject({ created: 1, committed: true });
    expect(await store.getCustomer("C006")).toMatchObject({
      enterpriseNumber: "0876543270",
      vatNumber: "BE0876543270",
    });
  });

  it("is idempotent and audits nothing on a second import of the same file", async () => {
    const before = await verifyAuditChain({ auditChain: store });
    const report = await run(join(EXAMPLES, "customers.csv"));
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 5, committed: true });
    const after = await verifyAuditChain({ auditChain: store });
    expect(after).toEqual(before);
  });

  it("records a changed address and a replaced invoice mailbox in the customer's timeline", async () => {
    clock = new Date("2026-11-29T08:00:00.000Z");
    const csv = [
      "customer_number,legal_name,language,city,country,invoice_mailbox",
      "C002,Bakkerij Peeters BV,nl,Gent,BE,facturen@bakkerij-peeters.test",
    ].join("\n");
    const report = await run(file("change.csv", csv));
    expect(report).toMatchObject({ updated: 1, committed: true });
    const history = await store.history({ type: "customer", id: "C002" });
    const cityChange = history.find((r) => r.field === "address.city");
    expect(cityChange).toMatchObject({
      oldValue: "Antwerpen",
      newValue: "Gent",
      reason: "imported from change.csv",
    });
    const statuses = history.filter((r) => r.action === "status").map((r) => [r.oldValue, r.newValue]);
    expect(statuses).toContainEqual(["active", "removed"]);
    const active = (await store.listRecipients("C002")).filter((r) => r.status === "active");
    expect(active.map((r) => r.email)).toEqual(["facturen@bakkerij-peeters.test"]);
  });

  it("lists every problem with line and column and writes nothing", async () => {
    const csv = [
      "customer_number,legal_name,enterprise_number,vat_number,language,country,invoice_mailbox,person_emails",
      "N1,New One,0403457346,,fr,BE,,",
      "N2,New Two,,,xx,BE,,",
      "N3,New Three,,,fr,BE,not-an-address,",
      "N1,Duplicate,,,fr,BE,,",
      "N4,New Four,0477123402,BE0403457345,nl,BE,a@x.test,b@x.test",
    ].join("\r\n");
    const report = await run(file("bad.csv", csv));
    expect(report.committed).toBe(false);
    expect(report.issues.map((i) => [i.at, i.field])).toEqual([
      ["2", "enterprise_number"],
      ["3", "language"],
      ["4", "invoice_mailbox"],
      ["5", "customer_number"],
      ["6", "vat_number"],
    ]);
    expect(await store.getCustomer("N3")).toBeNull();
    expect(await store.getCustomer("N4")).toBeNull();
  });

  it("refuses an invalid e-mail address with its place", async () => {
    const report = await run(
      file(
        "email.json",
        JSON.stringify([
          {
            number: "E1",
            legalName: "E",
            language: "en",
            address: { country: "IE" },
            recipients: [{ role: "person", email: "bob at example" }],
          },
        ]),
      ),
    );
    expect(report.committed).toBe(false);
    expect(report.issues[0]).toMatchObject({ at: "$[0].recipients[0].email" });
    expect(await store.getCustomer("E1")).toBeNull();
  });

  it("refuses a 1 GB file quickly and in bounded memory, whatever its extension", async () => {
    const csv = file("huge.csv", "customer_number,legal_name,language,country\n");
    truncateSync(csv, 1024 ** 3); // sparse: a header, then a gigabyte of NUL bytes on one "row"
    const json = file("huge.json", "");
    truncateSync(json, 1024 ** 3);
    const rssBefore = process.memoryUsage().rss;
    const fromCsv = await run(csv);
    const fromJson = await run(json);
    expect(fromCsv.issues[0]?.message).toMatch(/larger than .* bytes: this does not look like a CSV file/);
    expect(fromJson.issues[0]?.message).toMatch(/limited to 64 MB; use JSON Lines/);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
    expect(fromCsv.committed || fromJson.committed).toBe(false);
  });

  it("refuses a file with the wrong delimiter inside quoted fields by naming the missing columns", async () => {
    const report = await run(
      file("tabs.csv", '"customer_number|legal_name|language|country"\n"Q1|Q|fr|BE"\n'),
    );
    expect(report.committed).toBe(false);
    expect(report.issues[0]?.message).toMatch(/missing required column/);
  });

  it("refuses non-UTF-8 text and empty files with a clear message", async () => {
    const latin1 = await run(
      file(
        "latin1.csv",
        Buffer.from("customer_number,legal_name,language,country\nL1,Soci\xe9t\xe9,fr,BE\n", "latin1"),
      ),
    );
    expect(latin1.issues[0]?.message).toMatch(/not UTF-8/);
    const empty = await run(file("empty.csv", ""));
    expect(empty.issues[0]?.message).toMatch(/empty/);
    expect(await store.getCustomer("L1")).toBeNull();
  });
});
