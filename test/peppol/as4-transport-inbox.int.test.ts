import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import type { ReceivedPeppolMessage, ReceivedPeppolResponse } from "../../src/app/ports/peppol-inbox.ts";
import { createPeppolInbox } from "../../src/store/peppol-inbox/peppol-inbox-repository.ts";
import { describeEachEngine } from "../support/databases.ts";

function message(at: string, overrides: Partial<ReceivedPeppolMessage> = {}): ReceivedPeppolMessage {
  return {
    messageId: `${randomUUID()}@ap.test`,
    instanceId: randomUUID(),
    sender: "0208:0123456749",
    receiver: "0208:0202239951",
    documentType: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##x::2.1",
    process: "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0",
    senderAccessPoint: "POP000001",
    kind: "invoice",
    documentSha256: "a".repeat(64),
    receiptSha256: "b".repeat(64),
    receivedAt: new Date(at),
    validation: { status: "invalid", fatal: 1, warnings: 2, findings: [{ rule: "BR-01", message: "m" }] },
    ...overrides,
  };
}

describeEachEngine("Peppol inbox", (engine) => {
  it("records a message once: the same MessageId or SBDH instance id comes back as a duplicate", async () => {
    const inbox = createPeppolInbox(engine.db);
    const first = message("2026-11-28T10:00:00.000Z");
    expect(await inbox.record(first)).toEqual({ kind: "recorded" });
    expect(await inbox.byMessageId(first.messageId)).toEqual(first);
    expect(await inbox.record({ ...first, instanceId: randomUUID() })).toEqual({
      kind: "duplicate-message",
      existing: first,
    });
    expect(await inbox.record({ ...first, messageId: `${randomUUID()}@ap.test` })).toEqual({
      kind: "duplicate-instance",
      existing: first,
    });
  });

  it("keeps one copy when the same message is recorded twice at once", async () => {
    const inbox = createPeppolInbox(engine.db);
    const same = message("2026-11-28T10:30:00.000Z");
    const outcomes = await Promise.all([inbox.record(same), inbox.record(same)]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["duplicate-message", "recorded"]);
  });

  it("lists newest first in pages and records status responses with their message", async () => {
    const inbox = createPeppolInbox(engine.db);
    const reference = randomUUID();
    const carried = message("2026-11-29T09:00:00.000Z", { kind: "status-response" });
    const response: ReceivedPeppolResponse = {
      messageId: carried.messageId,
      kind: "mls",
      responseId: "MLS-1",
      status: "rejected",
      responseCode: "RE",
      reference,
      description: undefined,
      receivedAt: carried.receivedAt,
    };
    await inbox.record(carried, response);
    await inbox.record(message("2026-11-29T08:00:00.000Z"));
    const first = await inbox.list({ limit: 1 });
    expect(first.messages.map((m) => m.messageId)).toEqual([carried.messageId]);
    expect(first.next).not.toBeNull();
    const second = await inbox.list({ limit: 1, before: first.next ?? "" });
    expect(second.messages[0]?.receivedAt.toISOString()).toBe("2026-11-29T08:00:00.000Z");
    expect(await inbox.responsesFor(reference)).toEqual([response]);
  });
});
