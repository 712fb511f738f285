import { dkimVerify } from "mailauth";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { buildCustomer } from "../../../test/support/build-customer.ts";
import type { MessageToCompose } from "../../app/ports/message-composer.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { simpleInvoice } from "../../documents/ubl/testing/simple-invoice.ts";
import { dkimDnsRecord } from "../dkim/dkim-dns-record.ts";
import { generateDkimKey } from "../dkim/dkim-key.ts";
import { createDkimSigner } from "../dkim/dkim-signer.ts";
import { dnsStub } from "../dkim/testing/dns-stub.ts";
import { verifyVerpToken } from "../verp/verp-token.ts";
import { createMessageComposer } from "./create-message-composer.ts";
import { fakePdf } from "./testing/build-message-input.ts";

const secret = "verp-secret-for-unit-tests";
const key = generateDkimKey("ed25519-sha256");
const now = () => new Date("2026-01-15T08:00:00Z");
const signer = createDkimSigner(
  [{ domain: "demo-company.test", selector: "t1", privateKeyPem: key.privateKeyPem }],
  {
    now,
  },
);
if (!signer.ok) throw new Error("signer");
const composer = createMessageComposer({
  from: { name: "Demo Company SRL", address: "billing@demo-company.test" },
  verp: { secret, bounceDomain: "bounce.demo-company.test" },
  signer: signer.value,
  now,
});

const customer = buildCustomer("C-1", { legalName: "Brouwerij Janssens NV", language: "nl" });

function message(overrides: Partial<MessageToCompose> = {}): MessageToCompose {
  return {
    deliveryId: "0b6f3d52-7c1e-4a8b-9d2f-3e4a5b6c7d8e",
    messageId: "0b6f3d52-7c1e-4a8b-9d2f-3e4a5b6c7d8e@mail.demo-company.test",
    copy: false,
    to: [{ email: "facturen@janssens.test", name: null }],
    customer,
    document: simpleInvoice(2),
    pdf: fakePdf(),
    ubl: "<Invoice/>",
    ...overrides,
  };
}

describe("createMessageComposer", () => {
  it("composes in the customer's language, with the delivery's VERP return path, DKIM-signed", async () => {
    const out = await composer.compose(message());
    expect(verifyVerpToken(out.envelope.from, secret)).toEqual({ ok: true, value: message().deliveryId });
    expect(out.envelope.from.endsWith("@bounce.demo-company.test")).toBe(true);
    expect(out.envelope.to).toEqual(["facturen@janssens.test"]);
    const parsed = await simpleParser(out.raw);
    expect(parsed.subject).toBe("Factuur F-2026-0001 – Demo Company SRL");
    expect(parsed.text).toContain("te betalen uiterlijk op 14 februari 2026");
    expect(parsed.text).toContain("+++123/4567/89002+++");
    expect(parsed.attachments.map((a) => a.filename)).toEqual(["F-2026-0001.pdf", "F-2026-0001.xml"]);
    const record = dkimDnsRecord({ selector: "t1", domain: "demo-company.test", ...key });
    const verified = await dkimVerify(out.raw, { resolver: dnsStub([record]), curTime: now() });
    expect(verified.results.map((r) => r.status.result)).toEqual(["pass"]);
  });

  it("never attaches the UBL to a copy, even when one is passed", async () => {
    const out = await composer.compose(
      message({ copy: true, to: [{ email: "an@janssens.test", name: "An" }] }),
    );
    const parsed = await simpleParser(out.raw);
    expect(parsed.subject?.startsWith("COPIE / KOPIE / COPY: Factuur")).toBe(true);
    expect(parsed.attachments.map((a) => a.contentType)).toEqual(["application/pdf"]);
  });

  it("throws invalid-input naming the field when there is no recipient or a copy has several", async () => {
    await expect(composer.compose(message({ to: [] }))).rejects.toMatchObject({
      code: "invalid-input",
      issues: [{ field: "to", message: "no recipient: the customer has no usable address." }],
    });
    const twice = composer.compose(
      message({
        copy: true,
        to: [
          { email: "a@janssens.test", name: null },
          { email: "b@janssens.test", name: null },
        ],
      }),
    );
    await expect(twice).rejects.toBeInstanceOf(AppError);
  });
});
