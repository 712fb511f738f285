import { readCorpusFile } from "./corpus.ts";

/** A minimal RFC 3464 DSN carrying one recipient's diagnostic, of the given Diagnostic-Code type. */
export function dsnWith(diagnostic: string, type = "smtp", action = "failed", status = ""): Buffer {
  return Buffer.from(
    [
      "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>",
      "To: sender@example.com",
      "Subject: Undelivered Mail Returned to Sender",
      "MIME-Version: 1.0",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain",
      "",
      "Your message could not be delivered.",
      "",
      "--b1",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.example.org",
      "",
      "Final-Recipient: rfc822; rcpt@example.net",
      `Action: ${action}`,
      ...(status === "" ? [] : [`Status: ${status}`]),
      `Diagnostic-Code: ${type}; ${diagnostic}`,
      "",
      "--b1",
      "Content-Type: text/rfc822-headers",
      "",
      "Message-ID: <original@example.com>",
      "From: sender@example.com",
      "To: rcpt@example.net",
      "Subject: Invoice 2026-001",
      "",
      "--b1--",
      "",
    ].join("\r\n"),
  );
}

/** An Amazon SES bounce notification (JSON, as SNS mails it) of the given type and subtype. */
export function sesBounce(type: string, subType: string, diagnostic = ""): Buffer {
  const event = {
    notificationType: "Bounce",
    bounce: {
      bounceType: type,
      bounceSubType: subType,
      bouncedRecipients: [{ emailAddress: "rcpt@example.net", diagnosticCode: diagnostic }],
      timestamp: "2026-01-05T10:00:00.000Z",
      reportingMTA: "dsn; a1-2.smtp-out.eu-west-1.amazonses.com",
    },
    mail: {
      messageId: "0102018c-0000",
      source: "sender@example.com",
      destination: ["rcpt@example.net"],
      commonHeaders: { messageId: "<original@example.com>", subject: "Invoice 2026-001" },
    },
  };
  return Buffer.from(
    `From: no-reply@sns.amazonaws.com\r\nSubject: AWS Notification Message\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n${JSON.stringify(event)}\r\n`,
  );
}

/**
 * The message a rule's sample names: a corpus file (`eml/...`), a DSN whose SMTP diagnostic is the text
 * (`smtp:...`), a DSN whose local-delivery (x-unix) diagnostic is the text (`unix:...`), or an Amazon SES bounce
 * (`ses:Type/SubType`).
 */
export function sampleMessage(sample: string): Buffer {
  if (sample.startsWith("eml/")) return readCorpusFile(sample);
  if (sample.startsWith("smtp:")) return dsnWith(sample.slice(5));
  if (sample.startsWith("unix:")) return dsnWith(sample.slice(5), "x-unix");
  if (sample.startsWith("ses:")) {
    const [type = "", subType = ""] = sample.slice(4).split("/");
    return sesBounce(type, subType);
  }
  throw new Error(`unknown sample form: ${sample}`);
}
