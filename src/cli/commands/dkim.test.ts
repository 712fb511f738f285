import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dkimVerify } from "mailauth";
import { afterEach, describe, expect, it } from "vitest";
import { composeInvoiceMessage } from "../../mail/compose/compose-invoice-message.ts";
import { buildMainMessageInput } from "../../mail/compose/testing/build-message-input.ts";
import { loadDkimKey } from "../../mail/dkim/dkim-key.ts";
import { createDkimSigner } from "../../mail/dkim/dkim-signer.ts";
import { EXIT } from "../exit-codes.ts";
import type { Io } from "../io.ts";
import { dkimCommand } from "./dkim.ts";

const directories: string[] = [];

function tempDir(): string {
  const directory = mkdtempSync(join(tmpdir(), "facteur-dkim-"));
  directories.push(directory);
  return directory;
}

async function run(
  args: string[],
): Promise<{ out: string[]; err: string[]; exitCode: typeof process.exitCode }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false };
  await dkimCommand(io).parseAsync(["node", "dkim", ...args]);
  return { out, err, exitCode: process.exitCode };
}

afterEach(() => {
  process.exitCode = undefined;
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe("facteur dkim keygen", () => {
  it("writes a private key only its owner can read and prints a record that verifies mail signed with it", async () => {
    const out = join(tempDir(), "keys");
    const result = await run([
      "keygen",
      "--selector",
      "s2024",
      "--domain",
      "demo-company.test",
      "--out",
      out,
    ]);
    expect(result.exitCode).toBeUndefined();
    const file = join(out, "s2024._domainkey.demo-company.test.pem");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const pem = readFileSync(file, "utf8");
    expect(loadDkimKey(pem)).toMatchObject({ ok: true, value: { algorithm: "rsa-sha256" } });
    expect(result.out[0]).toBe(`private key (rsa-sha256) written to ${file}; keep it secret`);
    const zoneLine = result.out[2] ?? "";
    expect(zoneLine.startsWith('s2024._domainkey.demo-company.test. IN TXT ( "v=DKIM1; k=rsa; p=')).toBe(
      true,
    );
    const published = [...zoneLine.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? "");
    expect(result.out[5]).toBe(`  ${published.join("")}`);

    const signer = createDkimSigner(
      [{ domain: "demo-company.test", selector: "s2024", privateKeyPem: pem }],
      {
        now: () => new Date(),
      },
    );
    const composed = await composeInvoiceMessage(buildMainMessageInput());
    if (!signer.ok || !composed.ok) throw new Error("fixture");
    const signed = await signer.value.sign(composed.value.raw);
    const resolver = async (name: string) => {
      if (name !== "s2024._domainkey.demo-company.test")
        throw Object.assign(new Error(name), { code: "ENOTFOUND" });
      return [published];
    };
    const verified = await dkimVerify(signed, { resolver });
    expect(verified.results.map((r) => r.status.result)).toEqual(["pass"]);
  });

  it("makes Ed25519 keys on request, published with k=ed25519", async () => {
    const out = tempDir();
    const result = await run([
      "keygen",
      "--selector",
      "ed",
      "--domain",
      "Demo.Test.",
      "--out",
      out,
      "--algorithm",
      "ed25519",
    ]);
    expect(result.out[2]).toMatch(
      /^ed\._domainkey\.demo\.test\. IN TXT \( "v=DKIM1; k=ed25519; p=[A-Za-z0-9+/]{43}=" \)$/,
    );
  });

  it("never overwrites an existing key and says so with the conflict exit code", async () => {
    const out = tempDir();
    await run(["keygen", "--selector", "s1", "--domain", "demo.test", "--out", out]);
    const before = readFileSync(join(out, "s1._domainkey.demo.test.pem"));
    const again = await run(["keygen", "--selector", "s1", "--domain", "demo.test", "--out", out]);
    expect(again.exitCode).toBe(EXIT.conflict);
    expect(again.err[0]).toMatch(/s1\._domainkey\.demo\.test\.pem exists: choose another selector/);
    expect(readFileSync(join(out, "s1._domainkey.demo.test.pem")).equals(before)).toBe(true);
  });

  it("refuses a selector or domain that is not DNS-safe, naming both, and writes nothing", async () => {
    const out = join(tempDir(), "never");
    const result = await run(["keygen", "--selector", "s 1;", "--domain", "localhost", "--out", out]);
    expect(result.exitCode).toBe(EXIT.invalid);
    expect(result.err).toEqual([
      "error: cannot generate a DKIM key",
      "  argv: --selector: must be DNS labels, e.g. s2024",
      "  argv: --domain: must be a domain name, e.g. example.be",
    ]);
    expect(() => statSync(out)).toThrow();
  });
});
