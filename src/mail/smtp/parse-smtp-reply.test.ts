import { describe, expect, it } from "vitest";
import { parseSmtpReply } from "./parse-smtp-reply.ts";

describe("parseSmtpReply", () => {
  it("reads Postfix's acceptance with its queue id", () => {
    expect(parseSmtpReply("250 2.0.0 Ok: queued as 4F8C21A0B2")).toEqual({
      code: 250,
      enhanced: "2.0.0",
      text: "Ok: queued as 4F8C21A0B2",
      queueId: "4F8C21A0B2",
    });
    expect(parseSmtpReply("250 2.0.0 Ok: queued as 4Xy7Zk0Pq5z9Bx")?.queueId).toBe("4Xy7Zk0Pq5z9Bx");
  });

  it("reads Exim and Sendmail queue ids, and none from a reply that names none", () => {
    expect(parseSmtpReply("250 OK id=1tQxYz-000Abc-12")).toMatchObject({
      enhanced: null,
      queueId: "1tQxYz-000Abc-12",
    });
    expect(parseSmtpReply("250 2.0.0 4B7AbCdE012345 Message accepted for delivery")?.queueId).toBe(
      "4B7AbCdE012345",
    );
    expect(parseSmtpReply("250 2.6.0 <x@y> Queued mail for delivery")?.queueId).toBeNull();
  });

  it("reads permanent and temporary refusals with their enhanced status", () => {
    expect(parseSmtpReply("554 5.7.1 <x@client.test>: Recipient address rejected: Access denied")).toEqual({
      code: 554,
      enhanced: "5.7.1",
      text: "<x@client.test>: Recipient address rejected: Access denied",
      queueId: null,
    });
    expect(parseSmtpReply("451 4.3.0 Error: queue file write error")).toMatchObject({
      code: 451,
      enhanced: "4.3.0",
    });
    expect(parseSmtpReply("421 Service not available")).toMatchObject({ code: 421, enhanced: null });
  });

  it("joins multi-line replies without their code prefixes", () => {
    expect(
      parseSmtpReply("550-5.1.1 The email account does not exist.\n550 5.1.1 Please try again."),
    ).toEqual({
      code: 550,
      enhanced: "5.1.1",
      text: "The email account does not exist.\nPlease try again.",
      queueId: null,
    });
  });

  it("finds a queue id in a reply without an enhanced status, and refuses text without a code", () => {
    expect(parseSmtpReply("250 queued as ABC123")).toMatchObject({ enhanced: null, queueId: "ABC123" });
    expect(parseSmtpReply("Connection closed")).toBeNull();
    expect(parseSmtpReply("")).toBeNull();
  });
});
