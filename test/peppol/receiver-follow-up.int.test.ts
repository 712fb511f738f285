import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { createLocalArchive } from "../../src/archive/local-archive.ts";
import { buildAs4UserMessage } from "../../src/documents/peppol/as4/build-as4-user-message.ts";
import { peppolResponseWriter } from "../../src/documents/peppol/responses/peppol-response-writer.ts";
import {
  seatOf,
  testInvoiceXml,
  testUserMessageInput,
} from "../../src/documents/peppol/testing/as4-test-messages.ts";
import { createTestPki, type TestPki } from "../../src/documents/peppol/testing/test-pki.ts";
import { createReceivedMessageResponder } from "../../src/peppol/receiver/answer-received-message.ts";
import { type As4ReceiverDeps, handleAs4Message } from "../../src/peppol/receiver/handle-as4-message.ts";
import { createPeppolInbox } from "../../src/store/peppol-inbox/peppol-inbox-repository.ts";
import { createPeppolResponseOutbox } from "../../src/store/peppol-response-outbox/create-peppol-response-outbox.ts";
import { describeEachEngine } from "../support/databases.ts";
import { testApTrust } from "../support/peppol/test-access-points.ts";

let pki: TestPki;

beforeAll(async () => {
  pki = await createTestPki();
});

describeEachEngine("the AS4 receiver's follow-up of received messages (MLS, invoice facts)", (engine) => {
  const archive = createLocalArchive(mkdtempSync(join(tmpdir(), "facteur-follow-up-")));

  function deps(withResponder: boolean): As4ReceiverDeps {
    const outbox = createPeppolResponseOutbox(engine.db);
    return {
      accessPoint: {
        seat: seatOf(pki.receiver),
        seatId: "POP000002",
        trust: testApTrust(pki),
        participants: ["0208:0202239951"],
      },
      inbox: createPeppolInbox(engine.db),
      retentionYears: 10,
      archive,
      ...(withResponder
        ? {
            responder: createReceivedMessageResponder({
              outbox,
              archive,
              writer: peppolResponseWriter,
              serviceProvider: "0242:000002",
              retentionYears: 10,
              now: () => new Date(),
              newId: randomUUID,
            }),
          }
        : {}),
    };
  }

  function message(mlsType?: "ALWAYS_SEND") {
    const input = testUserMessageInput(pki, testInvoiceXml(2), { at: new Date() });
    const built = buildAs4UserMessage({
      ...input,
      sbdh: { ...input.sbdh, ...(mlsType === undefined ? {} : { mlsType }) },
    });
    if (!built.ok) throw new Error(built.error);
    return { ...built.value, messageId: input.messageId };
  }

  it("queues the MLS the sender asked for and keeps the invoice's facts, once", async () => {
    const sent = message("ALWAYS_SEND");
    const answer = await handleAs4Message(sent.contentType, sent.body, deps(true));
    expect(answer.detail).toContain("MLS AP queued to 0242:000001");
    const outbox = createPeppolResponseOutbox(engine.db);
    const responses = await outbox.responsesTo([sent.messageId]);
    expect(responses).toMatchObject([{ kind: "mls", responseCode: "AP", sender: "0242:000002" }]);
    expect(await outbox.receivedInvoice(sent.messageId)).toMatchObject({
      messageId: sent.messageId,
      typeCode: "380",
      seller: { participant: "0208:0123456749" },
      buyer: { participant: "0208:0202239951" },
    });
    expect((await handleAs4Message(sent.contentType, sent.body, deps(true))).outcome).toBe("duplicate");
    expect(await outbox.responsesTo([sent.messageId])).toHaveLength(1);
  });

  it("catches up when the sender retries a message recorded without its follow-up", async () => {
    const sent = message("ALWAYS_SEND");
    expect((await handleAs4Message(sent.contentType, sent.body, deps(false))).outcome).toBe("received");
    const outbox = createPeppolResponseOutbox(engine.db);
    expect(await outbox.responsesTo([sent.messageId])).toEqual([]);
    expect((await handleAs4Message(sent.contentType, sent.body, deps(true))).outcome).toBe("duplicate");
    expect(await outbox.responsesTo([sent.messageId])).toMatchObject([{ kind: "mls", responseCode: "AP" }]);
  });

  it("sends no MLS for a valid invoice when the sender did not ask for one", async () => {
    const sent = message();
    const answer = await handleAs4Message(sent.contentType, sent.body, deps(true));
    expect(answer.detail).toContain("no MLS: valid, and the sender asked for failures only");
    expect(await createPeppolResponseOutbox(engine.db).responsesTo([sent.messageId])).toEqual([]);
  });
});
