import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MessageArchive } from "../../../src/app/ports/message-archive.ts";
import type { PeppolInbox } from "../../../src/app/ports/peppol-inbox.ts";
import { createLocalArchive } from "../../../src/archive/local-archive.ts";
import {
  BIS_BILLING_PROCESS,
  BIS_INVOICE_DOCUMENT_TYPE,
} from "../../../src/core/peppol/peppol-identifiers.ts";
import type { As4Seat } from "../../../src/documents/peppol/as4/build-as4-user-message.ts";
import type { SbdhWriteInput } from "../../../src/documents/peppol/sbdh/write-sbdh.ts";
import { seatOf } from "../../../src/documents/peppol/testing/as4-test-messages.ts";
import type { TestPki } from "../../../src/documents/peppol/testing/test-pki.ts";
import type { AccessPointTrust } from "../../../src/peppol/as4/own-access-point.ts";
import { type As4Receiver, startAs4Receiver } from "../../../src/peppol/receiver/start-as4-receiver.ts";
import { createDatabase, type FacteurDatabase } from "../../../src/store/create-database.ts";
import { migrateToLatest } from "../../../src/store/migrate-to-latest.ts";
import { createPeppolInbox } from "../../../src/store/peppol-inbox/peppol-inbox-repository.ts";
import { testTlsCertificate } from "./test-tls-certificate.ts";

/** The participant the receiving test access point serves. */
export const RECEIVING_PARTICIPANT = "0208:0202239951";
export const SENDING_PARTICIPANT = "0208:0123456749";

/** The AP CA of the test PKI with its CRL: whom both test access points trust. */
export function testApTrust(pki: TestPki): AccessPointTrust {
  return {
    trustAnchors: [pki.apCa.certificate],
    crls: [{ crl: pki.apCrlPem, issuer: pki.apCa.certificate }],
  };
}

/** A receiving facteur access point on loopback: its own SQLite inbox and archive, the receiver seat (POP000002). */
export interface TestReceivingAccessPoint {
  readonly receiver: As4Receiver;
  readonly inbox: PeppolInbox;
  readonly archive: MessageArchive;
  readonly database: FacteurDatabase;
  readonly seat: As4Seat;
  /** Stops the https server only (the data stays): "the receiver is down". */
  stop(): Promise<void>;
  /** Starts the https server again on the same port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a receiving access point for the test PKI's receiver seat, serving {@link RECEIVING_PARTICIPANT}. */
export async function startTestReceivingAccessPoint(
  pki: TestPki,
  options: {
    readonly port?: number;
    readonly participants?: readonly string[];
    readonly shutdownGraceMs?: number;
  } = {},
): Promise<TestReceivingAccessPoint> {
  const dir = mkdtempSync(join(tmpdir(), "facteur-as4-"));
  const database = createDatabase({ kind: "sqlite", file: join(dir, "facteur.sqlite") });
  await migrateToLatest(database.db);
  const inbox = createPeppolInbox(database.db);
  const archive = createLocalArchive(join(dir, "archive"));
  const seat = seatOf(pki.receiver);
  const tls = testTlsCertificate();
  const start = (port: number) =>
    startAs4Receiver({
      listen: { host: "127.0.0.1", port },
      tls: { keyPem: tls.keyPem, certificatePem: tls.certificatePem },
      accessPoint: {
        seat,
        seatId: "POP000002",
        trust: testApTrust(pki),
        participants: options.participants ?? [RECEIVING_PARTICIPANT],
      },
      inbox,
      archive,
      retentionYears: 10,
      ...(options.shutdownGraceMs === undefined ? {} : { shutdownGraceMs: options.shutdownGraceMs }),
    });
  let receiver = await start(options.port ?? 0);
  let running = true;
  const stop = async () => {
    if (running) await receiver.close();
    running = false;
  };
  return {
    get receiver() {
      return receiver;
    },
    inbox,
    archive,
    database,
    seat,
    stop,
    async restart() {
      receiver = await start(receiver.port);
      running = true;
    },
    async close() {
      await stop();
      await database.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An SBDH for a BIS invoice from {@link SENDING_PARTICIPANT} to `receiver`, with a fresh instance id. */
export function testSbdh(
  receiver = RECEIVING_PARTICIPANT,
  overrides: Partial<SbdhWriteInput> = {},
): SbdhWriteInput {
  return {
    sender: SENDING_PARTICIPANT,
    receiver,
    documentType: BIS_INVOICE_DOCUMENT_TYPE,
    process: BIS_BILLING_PROCESS,
    countryC1: "BE",
    instanceIdentifier: randomUUID(),
    creationDateTime: new Date(),
    ...overrides,
  };
}

/** A fresh MessageId. */
export function testMessageId(): string {
  return `${randomUUID()}@facteur.test`;
}
