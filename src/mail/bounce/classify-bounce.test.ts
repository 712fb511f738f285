import { describe, expect, it } from "vitest";
import { classifyBounce, classifyMailbox } from "./classify-bounce.ts";
import { dsnWith, sesBounce } from "./testing/sample-message.ts";

const lines = (...parts: string[]): Buffer => Buffer.from(parts.join("\r\n"));

const TWO_RECIPIENT_DSN = lines(
  "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)",
  "To: invoices@seller.example",
  "Subject: Undelivered Mail Returned to Sender",
  "Auto-Submitted: auto-replied",
  'Content-Type: multipart/report; report-type=delivery-status; boundary="R"',
  "",
  "--R",
  "Content-Type: text/plain",
  "",
  "<ap@buyer.example>: host mx.buyer.example[192.0.2.7] said: 550 5.1.1 <ap@buyer.example>:",
  "    Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)",
  "",
  "--R",
  "Content-Type: message/delivery-status",
  "",
  "Reporting-MTA: dns; mx.example.org",
  "",
  "Final-Recipient: rfc822; ap@buyer.example",
  "Original-Recipient: rfc822; AP@Buyer.example",
  "Action: failed",
  "Status: 5.1.1",
  "Remote-MTA: dns; mx.buyer.example",
  "Diagnostic-Code: smtp; 550 5.1.1 <ap@buyer.example>: Recipient address rejected:",
  "    User unknown in local recipient table",
  "Last-Attempt-Date: Mon, 5 Jan 2026 10:00:00 +0100",
  "",
  "Final-Recipient: rfc822; boss@buyer.example",
  "Action: delayed",
  "Status: 4.2.2",
  "Diagnostic-Code: smtp; 452 4.2.2 Mailbox full",
  "",
  "--R",
  "Content-Type: message/rfc822",
  "",
  "Return-Path: <bounce+inv42@seller.example>",
  "Message-ID: <inv-42@seller.example>",
  "From: invoices@seller.example",
  "To: ap@buyer.example, boss@buyer.example",
  "Subject: Invoice 42",
  "X-Facteur-Delivery: d-42",
  "",
  "Please find attached.",
  "--R--",
  "",
);

describe("classifyBounce", () => {
  it("reads one result per recipient of an RFC 3464 DSN, with its fields and the quoted original", () => {
    const report = classifyBounce(TWO_RECIPIENT_DSN);
    expect(report.kind).toBe("dsn");
    expect(report.original).toMatchObject({
      messageId: "<inv-42@seller.example>",
      returnPath: "bounce+inv42@seller.example",
      to: ["ap@buyer.example", "boss@buyer.example"],
      xHeaders: { "x-facteur-delivery": "d-42" },
    });
    const [first, second] = report.results;
    expect(first).toMatchObject({
      recipient: "ap@buyer.example",
      action: "failed",
      status: "5.1.1",
      replycode: "550",
      reason: "userunknown",
      hard: true,
      command: "RCPT",
      remoteMta: "mx.buyer.example",
      lastAttemptDate: "Mon, 5 Jan 2026 10:00:00 +0100",
      originalMessageId: "<inv-42@seller.example>",
    });
    expect(first?.diagnostic).toContain("User unknown in local recipient table");
    expect(first?.rule).toBe("userunknown.status");
    expect(second).toMatchObject({
      recipient: "boss@buyer.example",
      action: "delayed",
      reason: "mailboxfull",
      hard: false,
    });
  });

  it("reads a message/global-delivery-status part (RFC 6533) in UTF-8", () => {
    const raw = dsnWith("550 5.1.1 ユーザーが存在しません / no such user")
      .toString("latin1")
      .replace("message/delivery-status", "message/global-delivery-status");
    const result = classifyBounce(Buffer.from(raw, "latin1")).results[0];
    expect(result?.reason).toBe("userunknown");
    expect(result?.diagnostic).toContain("ユーザーが存在しません");
  });

  it("reads an RFC 5965 complaint as feedback with its type, never hard", () => {
    const raw = lines(
      "From: feedback@isp.example",
      "Subject: FW: Invoice 42",
      'Content-Type: multipart/report; report-type=feedback-report; boundary="F"',
      "",
      "--F",
      "Content-Type: text/plain",
      "",
      "This is an abuse report.",
      "--F",
      "Content-Type: message/feedback-report",
      "",
      "Feedback-Type: abuse",
      "User-Agent: SomeISP!/1.0",
      "Version: 1",
      "Original-Rcpt-To: ap@buyer.example",
      "--F",
      "Content-Type: message/rfc822",
      "",
      "Message-ID: <inv-42@seller.example>",
      "To: ap@buyer.example",
      "",
      "body",
      "--F--",
    );
    const report = classifyBounce(raw);
    expect(report.kind).toBe("arf");
    expect(report.results).toEqual([
      expect.objectContaining({
        recipient: "ap@buyer.example",
        reason: "feedback",
        feedbackType: "abuse",
        hard: false,
      }),
    ]);
    expect(report.results[0]?.originalMessageId).toBe("<inv-42@seller.example>");
  });

  it.each([
    ["Auto-Submitted: auto-replied", "Re: Invoice 42"],
    ["X-Autoreply: yes", "Re: Invoice 42"],
    ["Precedence: auto_reply", "Re: Invoice 42"],
    ["X-Mailer: x", "Abwesenheitsnotiz: Invoice 42"],
    ["X-Mailer: x", "Réponse automatique : Invoice 42"],
    ["X-Mailer: x", "Respuesta automática: Invoice 42"],
    ["X-Mailer: x", "Automatisch antwoord: Invoice 42"],
    ["X-Mailer: x", "Out of Office: Invoice 42"],
  ])("reads an auto-reply marked by '%s' / subject '%s' as vacation, never hard", (header, subject) => {
    const raw = lines(
      "From: ap@buyer.example",
      "To: invoices@seller.example",
      `Subject: ${subject}`,
      header,
      "",
      "I am away until Monday.",
    );
    const report = classifyBounce(raw);
    expect(report.kind).toBe("autoreply");
    expect(report.results[0]).toMatchObject({
      reason: "vacation",
      hard: false,
      recipient: "ap@buyer.example",
    });
  });

  it("takes the original Message-ID of an auto-reply from In-Reply-To", () => {
    const raw = lines(
      "From: ap@buyer.example",
      "Subject: Automatic reply: Invoice 42",
      "In-Reply-To: <inv-42@seller.example>",
      "References: <older@seller.example> <inv-42@seller.example>",
      "",
      "I am out of the office.",
    );
    expect(classifyBounce(raw).results[0]?.originalMessageId).toBe("<inv-42@seller.example>");
  });

  it("does not take a bounce for an auto-reply although bounces say Auto-Submitted: auto-replied", () => {
    expect(classifyBounce(TWO_RECIPIENT_DSN).kind).toBe("dsn");
  });

  it("reads Amazon SES notifications: a bounce by its category and a delivery as delivered", () => {
    const bounce = classifyBounce(sesBounce("Permanent", "General", "smtp; 550 5.1.1 user unknown"))
      .results[0];
    expect(bounce).toMatchObject({ recipient: "rcpt@example.net", reason: "userunknown", hard: true });
    const suppressed = classifyBounce(sesBounce("Permanent", "Suppressed")).results[0];
    expect(suppressed).toMatchObject({ reason: "userunknown", rule: "amazonses.no-email" });
    expect(classifyBounce(sesBounce("Permanent", "General")).original.messageId).toBe(
      "<original@example.com>",
    );
  });

  it("reads a text bounce of X-Failed-Recipients with the remote server's words", () => {
    const raw = lines(
      "From: Mail Delivery System <Mailer-Daemon@mx.example.org>",
      "To: invoices@seller.example",
      "Subject: Mail delivery failed: returning message to sender",
      "X-Failed-Recipients: ap@buyer.example",
      "",
      "A message that you sent could not be delivered to one or more of its",
      "recipients. This is a permanent error. The following address(es) failed:",
      "",
      "  ap@buyer.example",
      "    SMTP error from remote mail server after RCPT TO:<ap@buyer.example>:",
      "    host mx.buyer.example [192.0.2.7]: 552 5.2.2 Mailbox full",
      "",
      "------ This is a copy of the message, including all the headers. ------",
      "",
      "Message-ID: <inv-42@seller.example>",
      "To: ap@buyer.example",
      "",
    );
    const report = classifyBounce(raw);
    expect(report.results).toEqual([
      expect.objectContaining({
        recipient: "ap@buyer.example",
        status: "5.2.2",
        replycode: "552",
        reason: "mailboxfull",
      }),
    ]);
    expect(report.original.messageId).toBe("<inv-42@seller.example>");
  });

  it("reads every message of an mbox file in order", () => {
    const mbox = Buffer.concat([
      Buffer.from("From MAILER-DAEMON  Thu Apr 29 23:34:45 2015\n"),
      TWO_RECIPIENT_DSN,
      Buffer.from("\n\nFrom MAILER-DAEMON  Thu Apr 29 23:35:45 2015\n"),
      dsnWith("550 5.7.1 Relay access denied"),
    ]);
    const reasons = classifyMailbox(mbox).map((report) => report.results.map((r) => r.reason));
    expect(reasons).toEqual([["userunknown", "mailboxfull"], ["norelaying"]]);
  });
});
