import { afterEach, describe, expect, it } from "vitest";
import {
  PEPPOL_CORPUS,
  PEPPOL_CORPUS_PRESENT,
  PEPPOL_SKIP_NOTE,
} from "../../documents/peppol/testing/peppol-corpus.ts";
import type { Io } from "../io.ts";
import { peppolCommand } from "./peppol.ts";

const CA = [
  "--ca",
  `${PEPPOL_CORPUS}pki/PEPPOL_Root_TEST_CA-G3.pem`,
  "--ca",
  `${PEPPOL_CORPUS}pki/PEPPOL_ACCESS_POINT_TEST_CA-G3.pem`,
];

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false };
  await peppolCommand(io).parseAsync(["node", "peppol", "verify", ...args]);
  return { out, err, exitCode: process.exitCode };
}

describe("facteur peppol verify", () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  it.skipIf(!PEPPOL_CORPUS_PRESENT)(
    `says a signed receipt is valid, check by check, and leaves the exit code alone${PEPPOL_SKIP_NOTE}`,
    async () => {
      const { out, exitCode } = await run([`${PEPPOL_CORPUS}as4-messages/helger.as4in`]);
      expect(out[0]).toBe(`${PEPPOL_CORPUS}as4-messages/helger.as4in: valid (as4-message)`);
      expect(out).toContain("  pass  covers eb:Messaging: signed");
      expect(out).toContain("  info  certificate chain: not checked: no trusted CA given");
      expect(exitCode).toBeUndefined();
    },
  );

  it.skipIf(!PEPPOL_CORPUS_PRESENT)(
    `says the tampered receipt is invalid and sets exit code 1${PEPPOL_SKIP_NOTE}`,
    async () => {
      const { out, exitCode } = await run([`${PEPPOL_CORPUS}as4-messages/dataport1.as4in`]);
      expect(out[0]).toContain("invalid (as4-message)");
      expect(out.some((line) => line.includes("fail  reference #id-4b28412d2948bca"))).toBe(true);
      expect(exitCode).toBe(1);
    },
  );

  it.skipIf(!PEPPOL_CORPUS_PRESENT)(
    `verifies the outgoing message's SOAP part and chain at a given moment, leaving the encrypted payload open${PEPPOL_SKIP_NOTE}`,
    async () => {
      const { out, exitCode } = await run([
        `${PEPPOL_CORPUS}as4-messages/dump-raw.as4out`,
        ...CA,
        "--at",
        "2026-01-29T15:40:00Z",
      ]);
      expect(out[0]).toContain("valid, 3 open (as4-message)");
      expect(out).toContain(
        "  pass  certificate chain: POP000306 <- PEPPOL ACCESS POINT TEST CA - G3, valid at 2026-01-29T15:40:00.000Z",
      );
      expect(out.some((line) => line.includes("open  payload") && line.includes("encrypted"))).toBe(true);
      expect(exitCode).toBeUndefined();
    },
  );

  it.skipIf(!PEPPOL_CORPUS_PRESENT)(
    `fails the chain when the certificate has expired at the given moment${PEPPOL_SKIP_NOTE}`,
    async () => {
      const { out, exitCode } = await run([
        `${PEPPOL_CORPUS}as4-messages/dump-raw.as4out`,
        ...CA,
        "--at",
        "2028-01-01",
      ]);
      expect(
        out.some((line) => line.startsWith("  fail  certificate chain:") && line.includes("expired")),
      ).toBe(true);
      expect(exitCode).toBe(1);
    },
  );

  it.skipIf(!PEPPOL_CORPUS_PRESENT)(
    `prints one JSON object per file with --json${PEPPOL_SKIP_NOTE}`,
    async () => {
      const files = [
        `${PEPPOL_CORPUS}smp/signed-service-metadata2.xml`,
        `${PEPPOL_CORPUS}sbdh/sbdh-bad/bad-no-country-c1.xml`,
      ];
      const { out } = await run([...files, "--json"]);
      const reports = out.map((line) => JSON.parse(line) as { file: string; kind: string; valid: boolean });
      expect(reports.map((r) => [r.kind, r.valid])).toEqual([
        ["smp-service-metadata", true],
        ["sbdh", false],
      ]);
    },
  );

  it("refuses an --at that is not a date with the usage exit code", async () => {
    const { err, exitCode } = await run([`${PEPPOL_CORPUS}smp/signed-service-metadata2.xml`, "--at", "soon"]);
    expect(err).toEqual(['error: --at "soon" is not a date and time']);
    expect(exitCode).toBe(64);
  });

  it("reports a file that cannot be read as invalid", async () => {
    const { out, exitCode } = await run([`${PEPPOL_CORPUS}no-such-file.xml`]);
    expect(out[1]).toContain("fail  file: cannot read the file");
    expect(exitCode).toBe(1);
  });
});
