import { type AddressObject, simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { courtesyCopyNotice } from "../../core/peppol/courtesy-copy-notice.ts";
import { composeInvoiceMessage } from "./compose-invoice-message.ts";
import type { InvoiceMessageInput } from "./invoice-message-input.ts";
import { buildCopyMessageInput, buildMainMessageInput, fakePdf } from "./testing/build-message-input.ts";
import { headerFields, headerNames } from "./testing/header-fields.ts";

async function compose(input: InvoiceMessageInput) {
  const result = await composeInvoiceMessage(input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  return [field ?? []].flat().flatMap((o) => o.value.map((a) => a.address ?? ""));
}

const MAIN_HEADERS = [
  "content-language",
  "x-facteur-delivery",
  "x-facteur-invoice",
  "from",
  "to",
  "subject",
  "message-id",
  "date",
  "mime-version",
  "content-type",
];

describe("composeInvoiceMessage, main message", () => {
  it("sends one message to all main recipients with PDF and UBL, the delivery headers and a stable Message-ID", async () => {
    const input = buildMainMessageInput({
      to: [
        { name: "Comptabilité", address: "factures@client.test" },
        { name: "Jan Peeters", address: "jan@client.test" },
      ],
      replyTo: { name: "Service facturation", address: "facturation@demo-company.test" },
    });
    const message = await compose(input);
    expect(message.messageId).toBe(input.messageId);
    expect(message.envelope).toEqual({
      from: "bounces+token@bounce.demo-company.test",
      to: ["factures@client.test", "jan@client.test"],
    });
    const parsed = await simpleParser(message.raw);
    expect(addresses(parsed.to)).toEqual(["factures@client.test", "jan@client.test"]);
    expect(addresses(parsed.from)).toEqual(["billing@demo-company.test"]);
    expect(addresses(parsed.replyTo)).toEqual(["facturation@demo-company.test"]);
    expect(parsed.messageId).toBe(`<${input.messageId}>`);
    expect(parsed.date?.toISOString()).toBe("2024-03-15T09:30:00.000Z");
    expect(parsed.subject).toBe("Facture INV-2024-0001 – Demo Company SRL");
    expect(parsed.headers.get("x-facteur-delivery")).toBe(input.deliveryId);
    expect(parsed.headers.get("x-facteur-invoice")).toBe("INV-2024-0001");
    expect(parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ["INV-2024-0001.pdf", "application/pdf"],
      ["INV-2024-0001.xml", "application/xml"],
    ]);
    expect(parsed.attachments[0]?.content.equals(input.pdf)).toBe(true);
    expect(parsed.attachments[1]?.content.equals(input.ubl as Buffer)).toBe(true);
    expect(headerNames(message.raw)).toEqual([
      ...MAIN_HEADERS.slice(0, 5),
      "reply-to",
      ...MAIN_HEADERS.slice(5),
    ]);
  });

  it("is multipart/mixed holding a text and HTML alternative, with CRLF line ends only", async () => {
    const { raw } = await compose(buildMainMessageInput());
    const text = raw.toString("latin1");
    expect(headerFields(raw).find(([n]) => n === "Content-Type")?.[1]).toMatch(/^multipart\/mixed;/);
    const body = text.slice(text.indexOf("\r\n\r\n"));
    expect(body.indexOf("Content-Type: multipart/alternative")).toBeGreaterThan(0);
    expect(body.indexOf("Content-Type: text/plain; charset=utf-8")).toBeLessThan(
      body.indexOf("Content-Type: text/html"),
    );
    expect(body.indexOf("Content-Type: text/html")).toBeLessThan(
      body.indexOf("Content-Type: application/pdf"),
    );
    expect(/(^|[^\r])\n/.test(text)).toBe(false);
  });

  it("writes a short French body with the amount, dates and payment reference, and HTML without links or images", async () => {
    const parsed = await simpleParser((await compose(buildMainMessageInput())).raw);
    expect(parsed.text).toContain("facture INV-2024-0001 du 15 mars 2024");
    expect(parsed.text).toMatch(/1\s234,56\s€/u);
    expect(parsed.text).toContain("à payer au plus tard le 14 avril 2024");
    expect(parsed.text).toContain("+++123/4567/89002+++");
    const html = typeof parsed.html === "string" ? parsed.html : "";
    expect(html).toContain("<p>Bonjour,</p>");
    expect(html).not.toMatch(/<img|<a\s|href=|src=|https?:|<link|<script|url\(/i);
  });

  it("has none of the headers that mark mail as bulk or automatic", async () => {
    const names = headerNames((await compose(buildMainMessageInput())).raw);
    for (const header of [
      "precedence",
      "auto-submitted",
      "list-unsubscribe",
      "x-mailer",
      "bcc",
      "return-path",
    ]) {
      expect(names).not.toContain(header);
    }
  });

  it("gives the same bytes when the same delivery is composed again", async () => {
    const a = await compose(buildMainMessageInput());
    const b = await compose(buildMainMessageInput());
    expect(a.raw.equals(b.raw)).toBe(true);
  });

  it("keeps a main recipient listed twice only once", async () => {
    const message = await compose(
      buildMainMessageInput({ to: [{ address: "jan@client.test" }, { address: "JAN@Client.test" }] }),
    );
    expect(message.envelope.to).toEqual(["jan@client.test"]);
  });
});

describe("composeInvoiceMessage, copy message", () => {
  it("marks subject and body as a copy, goes to the one copy recipient, and carries the PDF without the UBL", async () => {
    const input = buildCopyMessageInput();
    const message = await compose(input);
    expect(message.envelope.to).toEqual(["marie@client.test"]);
    const parsed = await simpleParser(message.raw);
    expect(parsed.subject).toBe("COPIE / KOPIE / COPY: Facture INV-2024-0001 – Demo Company SRL");
    expect(parsed.text?.startsWith("COPIE / KOPIE / COPY\n")).toBe(true);
    expect(parsed.text).toContain("ne le comptabilisez pas et ne le payez pas une seconde fois");
    expect(parsed.html).toContain("<strong>COPIE / KOPIE / COPY</strong>");
    expect(addresses(parsed.to)).toEqual(["marie@client.test"]);
    expect(parsed.attachments.map((a) => a.contentType)).toEqual(["application/pdf"]);
    expect(message.raw.toString("latin1")).not.toMatch(/application\/xml|\.xml/);
  });
});

describe("composeInvoiceMessage, courtesy copy of a Peppol invoice", () => {
  it("says first, marked, that it is not the legal invoice, and carries the PDF without the UBL", async () => {
    const notice = courtesyCopyNotice("fr");
    const message = await compose({ ...buildMainMessageInput({ notice }), ubl: null });
    const parsed = await simpleParser(message.raw);
    expect(parsed.text?.startsWith(`${notice}\n`)).toBe(true);
    expect(parsed.html).toContain("<strong>Ce courriel est une copie pour information.");
    expect(parsed.attachments.map((a) => a.contentType)).toEqual(["application/pdf"]);
  });

  it("refuses a main message with neither UBL nor notice", async () => {
    const result = await composeInvoiceMessage({ ...buildMainMessageInput(), ubl: null });
    expect(result.ok).toBe(false);
  });
});

describe("composeInvoiceMessage, languages", () => {
  it.each([
    ["fr", "invoice", "Facture INV-2024-0001", "à payer au plus tard le 14 avril 2024"],
    ["nl", "invoice", "Factuur INV-2024-0001", "te betalen uiterlijk op 14 april 2024"],
    ["de", "invoice", "Rechnung INV-2024-0001", "zahlbar bis zum 14. April 2024"],
    ["en", "invoice", "Invoice INV-2024-0001", "payable by 14 April 2024"],
    ["fr", "credit-note", "Note de crédit INV-2024-0001", "note de crédit INV-2024-0001 du 15 mars 2024"],
    ["nl", "credit-note", "Creditnota INV-2024-0001", "creditnota INV-2024-0001 van 15 maart 2024"],
    ["de", "credit-note", "Gutschrift INV-2024-0001", "Gutschrift INV-2024-0001 vom 15. März 2024"],
    ["en", "credit-note", "Credit note INV-2024-0001", "credit note INV-2024-0001 of 15 March 2024"],
  ] as const)("writes %s %s messages as '%s'", async (language, type, subject, sentence) => {
    const base = buildMainMessageInput();
    const parsed = await simpleParser(
      (await compose({ ...base, language, document: { ...base.document, type } })).raw,
    );
    expect(parsed.subject?.startsWith(subject)).toBe(true);
    expect(parsed.text).toContain(sentence);
    expect(parsed.headers.get("content-language")).toBe(language);
    if (type === "credit-note") expect(parsed.text).not.toContain("+++123/4567/89002+++");
  });
});

describe("composeInvoiceMessage, large attachments", () => {
  it("composes a message with a 30 MB PDF that parses back byte for byte", async () => {
    const pdf = fakePdf(30 * 1024 * 1024);
    const message = await compose(buildMainMessageInput({ pdf }));
    expect(message.raw.length).toBeGreaterThan(40 * 1024 * 1024);
    const parsed = await simpleParser(message.raw);
    expect(parsed.attachments[0]?.content.equals(pdf)).toBe(true);
  });
});
