import type { InvoiceRenderer } from "../../../src/app/ports/invoice-renderer.ts";
import type { MailTransport, OutgoingMessage, SubmitResult } from "../../../src/app/ports/mail-transport.ts";
import type { MessageComposer, MessageToCompose } from "../../../src/app/ports/message-composer.ts";

/** A renderer that writes tiny stand-in documents, so delivery tests run without PDF or UBL cost. */
export const fakeRenderer: InvoiceRenderer = {
  ubl: (document) => ({ ok: true, xml: `<Invoice><ID>${document.number ?? ""}</ID></Invoice>` }),
  pdf: async (document, options) =>
    Buffer.from(`%PDF-fake ${document.number ?? ""}${options.copy ? " COPY" : ""}`),
};

/**
 * A composer that writes a small RFC 5322 message with the delivery's Message-ID and a VERP-like return path. The
 * `X-Composed` counter changes on every call, the way a fresh DKIM signature would, so a test can tell a resubmission
 * of archived bytes from a recomposition.
 */
export function fakeComposer(): MessageComposer & { readonly composed: number } {
  let composed = 0;
  return {
    get composed() {
      return composed;
    },
    async compose(message: MessageToCompose): Promise<OutgoingMessage> {
      composed++;
      const subject = `${message.copy ? "[COPY] " : ""}Invoice ${message.document.number ?? ""}`;
      const text = [
        `Message-ID: <${message.messageId}>`,
        "From: billing@seller.test",
        `To: ${message.to.map((t) => t.email).join(", ")}`,
        `Subject: ${subject}`,
        `X-Composed: ${composed}`,
        "",
        message.ubl === null ? "copy without UBL" : message.ubl,
        "",
      ].join("\r\n");
      return {
        raw: Buffer.from(text),
        messageId: message.messageId,
        envelope: {
          from: `bounce+${message.deliveryId}@bounce.seller.test`,
          to: message.to.map((t) => t.email),
        },
      };
    },
  };
}

/** What the fake relay does with one submission. */
export type RelayBehaviour = (
  message: OutgoingMessage,
  attempt: number,
) => SubmitResult | Promise<SubmitResult>;

export const accept250: RelayBehaviour = () => ({
  kind: "accepted",
  reply: { code: 250, enhanced: "2.0.0", text: "2.0.0 Ok: queued as ABC123", queueId: "ABC123" },
});

/** A relay that records every submission and answers with `behaviour` (250 unless told otherwise). */
export function fakeTransport(behaviour: RelayBehaviour = accept250): MailTransport & {
  readonly submitted: OutgoingMessage[];
  behaviour: RelayBehaviour;
} {
  const submitted: OutgoingMessage[] = [];
  const transport = {
    submitted,
    behaviour,
    async submit(message: OutgoingMessage): Promise<SubmitResult> {
      submitted.push(message);
      return transport.behaviour(message, submitted.filter((m) => m.messageId === message.messageId).length);
    },
    async close() {},
  };
  return transport;
}
