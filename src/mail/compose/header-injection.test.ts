import fc from "fast-check";
import { type AddressObject, simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { composeInvoiceMessage } from "./compose-invoice-message.ts";
import { buildCopyMessageInput, buildMainMessageInput } from "./testing/build-message-input.ts";
import { headerNames } from "./testing/header-fields.ts";

const EXPECTED_HEADERS = [
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

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  return [field ?? []].flat().flatMap((o) => o.value.map((a) => a.address ?? ""));
}

const hostileText = fc
  .array(
    fc.constantFrom(
      "\r\n",
      "\r",
      "\n",
      "\0",
      "\u0085",
      "\u2028",
      "\u202e",
      "\t",
      "Bcc: evil@attacker.test",
      "To: x@y.test",
      "\r\n\r\n<html>",
      "=?utf-8?q?=0D=0A?=",
      '"',
      "<evil@attacker.test>",
      ",",
      ";",
      ":",
      "Marie",
      "é",
      " ",
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

describe("header injection through names", () => {
  it("keeps exactly the intended headers and recipients whatever the display names contain", async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, hostileText, async (toName, fromName, copyName) => {
        const main = await composeInvoiceMessage(
          buildMainMessageInput({
            to: [
              { name: toName, address: "factures@client.test" },
              { name: copyName, address: "jan@client.test" },
            ],
            from: { name: fromName, address: "billing@demo-company.test" },
          }),
        );
        if (!main.ok) throw new Error(JSON.stringify(main.error));
        expect(headerNames(main.value.raw)).toEqual(EXPECTED_HEADERS);
        expect(main.value.envelope.to).toEqual(["factures@client.test", "jan@client.test"]);
        const parsed = await simpleParser(main.value.raw);
        expect(addresses(parsed.to)).toEqual(["factures@client.test", "jan@client.test"]);
        expect(addresses(parsed.from)).toEqual(["billing@demo-company.test"]);
        expect(parsed.bcc).toBeUndefined();
        expect(parsed.cc).toBeUndefined();
        expect(parsed.attachments).toHaveLength(2);
      }),
      { numRuns: 60 },
    );
  });

  it("cleans the classic 'Evil\\r\\nBcc:' name into a harmless one-line display name", async () => {
    const composed = await composeInvoiceMessage(
      buildCopyMessageInput({ to: { name: "Evil\r\nBcc: x@y.test", address: "marie@client.test" } }),
    );
    if (!composed.ok) throw new Error("did not compose");
    const parsed = await simpleParser(composed.value.raw);
    expect(parsed.to).toMatchObject({
      value: [{ name: "Evil Bcc: x@y.test", address: "marie@client.test" }],
    });
    expect(composed.value.envelope.to).toEqual(["marie@client.test"]);
  });

  it("cleans a seller name with line breaks in From, the subject and the signature", async () => {
    const composed = await composeInvoiceMessage(
      buildMainMessageInput({
        from: { name: "Demo\r\nBcc: x@y.test\u2028SRL", address: "billing@demo-company.test" },
      }),
    );
    if (!composed.ok) throw new Error("did not compose");
    const parsed = await simpleParser(composed.value.raw);
    expect(parsed.subject).toBe("Facture INV-2024-0001 – Demo Bcc: x@y.test SRL");
    expect(parsed.text).toContain("Cordialement,\nDemo Bcc: x@y.test SRL\n");
  });
});

describe("header injection through addresses and identifiers", () => {
  it.each([
    [
      "a recipient with a line break",
      { to: [{ address: "factures@client.test\r\nBcc: evil@attacker.test" }] },
      "to[0]",
    ],
    [
      "a recipient with two addresses",
      { to: [{ address: "factures@client.test, evil@attacker.test" }] },
      "to[0]",
    ],
    ["a recipient with angle brackets", { to: [{ address: "<factures@client.test>" }] }, "to[0]"],
    ["a recipient with a NUL", { to: [{ address: "factures@client.test\0" }] }, "to[0]"],
    ["a Reply-To with a line break", { replyTo: { address: "a@demo.test\nBcc: x@y.test" } }, "replyTo"],
    ["a From with a line break", { from: { name: "D", address: "a@demo.test\rX: y" } }, "from"],
    [
      "a return path with a line break",
      { returnPath: "bounces+t@b.test\r\nRCPT TO:<x@y.test>" },
      "returnPath",
    ],
    ["a Message-ID with a line break", { messageId: "d1@mail.test\r\nBcc: x@y.test" }, "messageId"],
    ["a Message-ID with angle brackets", { messageId: "<d1@mail.test>" }, "messageId"],
    ["a delivery id with a line break", { deliveryId: "d1\r\nBcc: x@y.test" }, "deliveryId"],
  ] as const)("refuses %s", async (_, overrides, field) => {
    const composed = await composeInvoiceMessage(buildMainMessageInput(overrides));
    expect(composed.ok).toBe(false);
    expect(composed.ok ? [] : composed.error.map((issue) => issue.field)).toContain(field);
  });

  it("refuses an invoice number with a line break, which would reach the subject and a header", async () => {
    const base = buildMainMessageInput();
    const composed = await composeInvoiceMessage({
      ...base,
      document: { ...base.document, number: "INV-1\r\nBcc: x@y.test" },
    });
    expect(composed.ok ? [] : composed.error.map((issue) => issue.field)).toEqual(["document.number"]);
  });

  it("reports a customer without any recipient, and every other problem at once", async () => {
    const base = buildMainMessageInput({ to: [], pdf: Buffer.from("not a pdf") });
    const composed = await composeInvoiceMessage({
      ...base,
      document: { ...base.document, currency: "EURO" },
    });
    expect(composed.ok ? [] : composed.error.map((issue) => [issue.field, issue.message])).toEqual([
      ["to", "no recipient: the customer has no usable address."],
      ["document.currency", "is not an ISO 4217 currency code."],
      ["pdf", "is not a PDF (it must start with %PDF-)."],
    ]);
  });
});
