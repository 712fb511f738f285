/**
 * Notices as real mail systems write them, for the bounce-handling tests: a Postfix DSN (RFC 3464, the layout of
 * Postfix 3's bounce daemon), an RFC 3834 auto-reply and an RFC 5965 complaint. Line ends are CRLF, as on the wire.
 */

export interface DsnOptions {
  /** The envelope recipient of the DSN: the VERP return path of the original. */
  readonly to: string;
  /** The failed (or delayed, delivered) recipient. */
  readonly recipient: string;
  readonly action?: "failed" | "delayed" | "delivered";
  readonly status?: string;
  readonly diagnostic?: string;
  /** Message-ID of the original, with angle brackets; omitted from the quoted headers when empty. */
  readonly originalMessageId: string;
  /** A distinct Message-ID for the DSN itself. */
  readonly dsnId?: string;
}

function crlf(lines: readonly string[]): Buffer {
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
}

/** A Postfix delivery status notification. */
export function postfixDsn(options: DsnOptions): Buffer {
  const action = options.action ?? "failed";
  const status = options.status ?? "5.1.1";
  const diagnostic =
    options.diagnostic ?? `smtp; 550 5.1.1 <${options.recipient}>: Recipient address rejected: User unknown`;
  const id =
    options.dsnId ?? `20261201080000.ABC${Math.random().toString(36).slice(2, 10)}@relay.seller.test`;
  const boundary = "B1A2C3D4E5.1764576000/relay.seller.test";
  const heading =
    action === "delayed"
      ? "Delayed Mail (still being retried)"
      : action === "delivered"
        ? "Successful Mail Delivery Report"
        : "Undelivered Mail Returned to Sender";
  return crlf([
    `Return-Path: <>`,
    `Delivered-To: ${options.to}`,
    `Date: Tue,  1 Dec 2026 08:00:05 +0000 (UTC)`,
    `From: MAILER-DAEMON@relay.seller.test (Mail Delivery System)`,
    `Subject: ${heading}`,
    `To: ${options.to}`,
    `Auto-Submitted: auto-replied`,
    `MIME-Version: 1.0`,
    `Content-Type: multipart/report; report-type=delivery-status;`,
    `\tboundary="${boundary}"`,
    `Content-Transfer-Encoding: 8bit`,
    `Message-Id: <${id.replace(/^<|>$/g, "")}>`,
    ``,
    `This is a MIME-encapsulated message.`,
    ``,
    `--${boundary}`,
    `Content-Description: Notification`,
    `Content-Type: text/plain; charset=us-ascii`,
    ``,
    `This is the mail system at host relay.seller.test.`,
    ``,
    action === "failed"
      ? `I'm sorry to have to inform you that your message could not`
      : `This is a notice about your message.`,
    action === "failed" ? `be delivered to one or more recipients. It's attached below.` : ``,
    ``,
    `<${options.recipient}>: host mx.client.test[192.0.2.10] said: ${options.diagnostic ?? `550 5.1.1 <${options.recipient}>: Recipient address rejected: User unknown`}`,
    ``,
    `--${boundary}`,
    `Content-Description: Delivery report`,
    `Content-Type: message/delivery-status`,
    ``,
    `Reporting-MTA: dns; relay.seller.test`,
    `X-Postfix-Queue-ID: 4ABCDEF123`,
    `X-Postfix-Sender: rfc822; ${options.to}`,
    `Arrival-Date: Tue,  1 Dec 2026 08:00:00 +0000 (UTC)`,
    ``,
    `Final-Recipient: rfc822; ${options.recipient}`,
    `Original-Recipient: rfc822;${options.recipient}`,
    `Action: ${action}`,
    `Status: ${status}`,
    `Remote-MTA: dns; mx.client.test`,
    `Diagnostic-Code: ${diagnostic}`,
    ``,
    `--${boundary}`,
    `Content-Description: Undelivered Message Headers`,
    `Content-Type: text/rfc822-headers`,
    `Content-Transfer-Encoding: 8bit`,
    ``,
    `Return-Path: <${options.to}>`,
    `From: Seller SRL <billing@seller.test>`,
    `To: <${options.recipient}>`,
    `Subject: Facture INV-1 - Seller SRL`,
    ...(options.originalMessageId === "" ? [] : [`Message-ID: ${options.originalMessageId}`]),
    `Date: Tue, 1 Dec 2026 08:00:00 +0000`,
    ``,
    `--${boundary}--`,
  ]);
}

/** An out-of-office reply (RFC 3834), sent to the return path of the original. */
export function autoReply(options: {
  readonly to: string;
  readonly from: string;
  readonly inReplyTo: string;
}): Buffer {
  return crlf([
    `Delivered-To: ${options.to}`,
    `From: ${options.from}`,
    `To: ${options.to}`,
    `Subject: Absent: Facture INV-1`,
    `Auto-Submitted: auto-replied`,
    `In-Reply-To: ${options.inReplyTo}`,
    `Message-ID: <ooo-${Math.random().toString(36).slice(2)}@client.test>`,
    `Date: Tue, 1 Dec 2026 09:00:00 +0000`,
    `Content-Type: text/plain; charset=utf-8`,
    ``,
    `Je suis absente jusqu'au 15 décembre. Pour les factures, écrivez à compta@client.test.`,
  ]);
}
