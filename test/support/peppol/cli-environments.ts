import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import {
  BIS_BILLING_PROCESS,
  BIS_INVOICE_DOCUMENT_TYPE,
} from "../../../src/core/peppol/peppol-identifiers.ts";
import type { TestPki } from "../../../src/documents/peppol/testing/test-pki.ts";
import { startTestReceivingAccessPoint, type TestReceivingAccessPoint } from "./test-access-points.ts";
import { startTestPeppolNetwork, type TestPeppolNetwork } from "./test-peppol-network.ts";
import { testTlsCertificate } from "./test-tls-certificate.ts";

/** Mail settings of a relay nobody listens on: e-mail deliveries are deferred, which the Peppol tests do not look at. */
export const UNREACHABLE_MAIL_SETTINGS = {
  FACTEUR_SMTP_URL: "smtp://127.0.0.1:9",
  FACTEUR_BOUNCE_DOMAIN: "bounces.seller.test",
  FACTEUR_VERP_SECRET: "a-test-secret-of-at-least-32-characters!!",
} as const;

/** A TCP port free on 127.0.0.1 a moment ago, for `FACTEUR_PEPPOL_LISTEN`. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Writes each content to a file of `dir` named after its variable; returns the variables naming those files. */
export function settingFiles(dir: string, contents: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [variable, content] of Object.entries(contents)) {
    writeFileSync(join(dir, variable), content);
    env[variable] = join(dir, variable);
  }
  return env;
}

/**
 * The environment of `facteur peppol serve` as the receiver seat of `pki` (POP000002) on a free loopback port, with
 * the test TLS certificate and a fresh data directory named after `prefix`, plus `settings` (the seller's id, ...).
 */
export async function servingCliEnvironment(
  pki: TestPki,
  prefix: string,
  settings: Record<string, string>,
): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const tls = testTlsCertificate();
  return {
    FACTEUR_DATA_DIR: dir,
    ...settings,
    ...settingFiles(dir, {
      FACTEUR_PEPPOL_AP_CERT_FILE: pki.receiver.certificatePem,
      FACTEUR_PEPPOL_AP_KEY_FILE: pki.receiver.privateKeyPem,
      FACTEUR_PEPPOL_AP_CA_FILE: pki.apCa.certificatePem,
      FACTEUR_PEPPOL_AP_CRL_FILE: pki.apCrlPem,
      FACTEUR_PEPPOL_TLS_CERT_FILE: tls.certificatePem,
      FACTEUR_PEPPOL_TLS_KEY_FILE: tls.keyPem,
    }),
    FACTEUR_PEPPOL_LISTEN: `127.0.0.1:${await freePort()}`,
  };
}

/** A test Peppol network with a buyer's access point in it, and the CLI settings to send to that buyer. */
export interface SendingCliSetup {
  readonly network: TestPeppolNetwork;
  /** The buyer's access point, published for BIS invoices. */
  readonly ap: TestReceivingAccessPoint;
  /** Only Peppol settings (no mail relay): discovery in the network, the sender seat (POP000001), a fresh data dir. */
  readonly env: Record<string, string>;
  close(): Promise<void>;
}

/** Starts the network and an access point for `buyer`, published in the SMP for BIS invoices. */
async function startSendingCliSetup(buyer: string, prefix: string): Promise<SendingCliSetup> {
  const network = await startTestPeppolNetwork();
  let ap: TestReceivingAccessPoint;
  try {
    ap = await startTestReceivingAccessPoint(network.pki, { participants: [buyer] });
  } catch (error) {
    await network.close();
    throw error;
  }
  network.register({
    participant: buyer,
    services: [
      {
        documentType: BIS_INVOICE_DOCUMENT_TYPE,
        process: BIS_BILLING_PROCESS,
        endpointUrl: ap.receiver.url,
        endpointCertificatePem: network.pki.receiver.certificatePem,
      },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const env = {
    ...network.cliEnvironment(dir),
    FACTEUR_DATA_DIR: join(dir, "data"),
    ...settingFiles(dir, {
      FACTEUR_PEPPOL_AP_CERT_FILE: network.pki.sender.certificatePem,
      FACTEUR_PEPPOL_AP_KEY_FILE: network.pki.sender.privateKeyPem,
      FACTEUR_PEPPOL_AP_TLS_CA_FILE: testTlsCertificate().certificatePem,
    }),
  };
  return {
    network,
    ap,
    env,
    close: async () => {
      await Promise.all([ap.close(), network.close()]);
    },
  };
}

/**
 * A {@link SendingCliSetup} for the tests of this file: started before them, closed after them. Returns how the tests
 * reach it.
 */
export function useSendingCliSetup(buyer: string, prefix: string): () => SendingCliSetup {
  let setup: SendingCliSetup | undefined;
  beforeAll(async () => {
    setup = await startSendingCliSetup(buyer, prefix);
  });
  afterAll(async () => {
    await setup?.close();
  });
  return () => {
    if (setup === undefined) throw new Error("the Peppol CLI setup did not start");
    return setup;
  };
}
