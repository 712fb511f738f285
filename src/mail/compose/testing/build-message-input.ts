import type { CopyMessageInput, MainMessageInput, MessageCommon } from "../invoice-message-input.ts";

/** A PDF-looking buffer of about `size` bytes (the composer checks only the %PDF- signature). */
export function fakePdf(size = 2_000, label = "invoice"): Buffer {
  const head = Buffer.from(`%PDF-1.7\n% ${label}\n`);
  const filler = Buffer.alloc(Math.max(0, size - head.length - 6), 0x41);
  return Buffer.concat([head, filler, Buffer.from("\n%%EOF")]);
}

/** A small UBL-looking document for `number`. */
export function fakeUbl(number: string): Buffer {
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><cbc:ID xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">${number}</cbc:ID></Invoice>\n`,
  );
}

function common(overrides: Partial<MessageCommon>): MessageCommon {
  const deliveryId = overrides.deliveryId ?? "5f0c3e7a-9b1d-4c2e-8f3a-6b7c8d9e0f1a";
  return {
    deliveryId,
    messageId: `${deliveryId}@mail.demo-company.test`,
    returnPath: "bounces+token@bounce.demo-company.test",
    date: new Date("2024-03-15T09:30:00Z"),
    language: "fr",
    from: { name: "Demo Company SRL", address: "billing@demo-company.test" },
    document: {
      type: "invoice",
      number: "INV-2024-0001",
      issueDate: "2024-03-15",
      dueDate: "2024-04-14",
      amountMinor: 123_456n,
      currency: "EUR",
      paymentReference: "+++123/4567/89002+++",
    },
    pdf: fakePdf(),
    ...overrides,
  };
}

/** A valid main message input; any field may be overridden. */
export function buildMainMessageInput(
  overrides: Partial<Omit<MainMessageInput, "kind">> = {},
): MainMessageInput {
  const base = common(overrides);
  return {
    ...base,
    kind: "main",
    to: overrides.to ?? [{ name: "Comptabilité Client SA", address: "factures@client.test" }],
    ubl: overrides.ubl ?? fakeUbl(base.document.number),
  };
}

/** A valid copy message input; any field may be overridden. */
export function buildCopyMessageInput(
  overrides: Partial<Omit<CopyMessageInput, "kind">> = {},
): CopyMessageInput {
  return {
    ...common(overrides),
    kind: "copy",
    to: overrides.to ?? { name: "Marie Dupont", address: "marie@client.test" },
  };
}
