import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { composeInvoiceMessage } from "./compose-invoice-message.ts";
import { envelopeAddress } from "./envelope-address.ts";
import { buildMainMessageInput } from "./testing/build-message-input.ts";
import { headerFields } from "./testing/header-fields.ts";

describe("internationalised addresses", () => {
  it("sends to an IDN domain with an ASCII local part in ASCII (xn--) form, needing no SMTPUTF8", async () => {
    const composed = await composeInvoiceMessage(
      buildMainMessageInput({ to: [{ name: "Bücher GmbH", address: "rechnung@bücher.de" }] }),
    );
    if (!composed.ok) throw new Error(JSON.stringify(composed.error));
    expect(composed.value.envelope.to).toEqual(["rechnung@xn--bcher-kva.de"]);
    const to = headerFields(composed.value.raw).find(([name]) => name === "To")?.[1];
    expect(to).toBe("=?UTF-8?Q?B=C3=BCcher_GmbH?= <rechnung@xn--bcher-kva.de>");
  });

  it("keeps a UTF-8 local part as UTF-8 (RFC 6531/6532) in the envelope and the To header", async () => {
    const composed = await composeInvoiceMessage(
      buildMainMessageInput({
        to: [{ name: "Zoë", address: "zoë@exämple.de" }, { address: "用户@例子.广告" }],
      }),
    );
    if (!composed.ok) throw new Error(JSON.stringify(composed.error));
    expect(composed.value.envelope.to).toEqual(["zoë@exämple.de", "用户@例子.广告"]);
    const parsed = await simpleParser(composed.value.raw);
    const to = [parsed.to ?? []].flat().flatMap((o) => o.value.map((a) => a.address));
    expect(to).toEqual(["zoë@exämple.de", "用户@例子.广告"]);
  });

  it("puts IDN return paths into ASCII form as well", () => {
    expect(envelopeAddress("bounces+abc@retour.société.be")).toBe("bounces+abc@retour.xn--socit-esab.be");
    expect(envelopeAddress("plain@example.be")).toBe("plain@example.be");
  });
});
