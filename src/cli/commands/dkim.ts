import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { domainToASCII } from "node:url";
import { Command, Option } from "commander";
import { AppError } from "../../core/errors/app-error.ts";
import { dkimDnsRecord } from "../../mail/dkim/dkim-dns-record.ts";
import { type DkimAlgorithm, generateDkimKey } from "../../mail/dkim/dkim-key.ts";
import { type Io, processIo } from "../io.ts";
import { runAction } from "../run-action.ts";

const LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
const SELECTOR = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
const DOMAIN = new RegExp(`^${LABEL}(?:\\.${LABEL})+$`);

interface KeygenOptions {
  readonly selector: string;
  readonly domain: string;
  readonly out: string;
  readonly algorithm: "rsa" | "ed25519";
}

function checked(options: KeygenOptions): { selector: string; domain: string } {
  const domain = domainToASCII(options.domain.trim().replace(/\.$/, ""));
  const issues = [
    ...(SELECTOR.test(options.selector)
      ? []
      : [{ field: "--selector", message: "must be DNS labels, e.g. s2024" }]),
    ...(DOMAIN.test(domain)
      ? []
      : [{ field: "--domain", message: "must be a domain name, e.g. example.be" }]),
  ].map((issue) => ({ source: "argv", ...issue }));
  if (issues.length > 0) throw new AppError("invalid-input", "cannot generate a DKIM key", issues);
  return { selector: options.selector, domain };
}

async function keygen(io: Io, options: KeygenOptions): Promise<number> {
  const { selector, domain } = checked(options);
  const algorithm: DkimAlgorithm = options.algorithm === "rsa" ? "rsa-sha256" : "ed25519-sha256";
  const key = generateDkimKey(algorithm);
  const directory = resolve(options.out);
  const file = join(directory, `${selector}._domainkey.${domain}.pem`);
  await mkdir(directory, { recursive: true, mode: 0o700 });
  try {
    await writeFile(file, key.privateKeyPem, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
    throw new AppError("conflict", `${file} exists: choose another selector (keys are never overwritten)`);
  }
  const record = dkimDnsRecord({ selector, domain, algorithm, publicKey: key.publicKey });
  io.out(`private key (${algorithm}) written to ${file}; keep it secret`);
  io.out("publish this DNS record, then sign with the key once it resolves:");
  io.out(record.zoneLine);
  io.out("record name and value, for DNS consoles that take them separately:");
  io.out(`  ${record.name}  TXT`);
  io.out(`  ${record.value}`);
  return 0;
}

/**
 * `dkim keygen --selector S --domain D [--out DIR] [--algorithm rsa|ed25519]`: writes a new private key as
 * `<DIR>/<S>._domainkey.<D>.pem` (mode 0600, never overwriting one) and prints the DNS TXT record to publish.
 * RSA is 2048 bits; Ed25519 (RFC 8463) is best published beside an RSA key, as not every receiver checks it.
 * Never exits the process.
 */
export function dkimCommand(io: Io = processIo): Command {
  const command = new Command("dkim").description("DKIM keys for signing invoice mail");
  command
    .command("keygen")
    .description("generate a DKIM key pair: write the private key and print the DNS record to publish")
    .requiredOption(
      "--selector <selector>",
      "selector, e.g. s2024 (the key is published at <selector>._domainkey)",
    )
    .requiredOption("--domain <domain>", "signing domain: your From domain, e.g. example.be")
    .option("--out <dir>", "folder for the private key file", ".")
    .addOption(new Option("--algorithm <algorithm>", "key type").choices(["rsa", "ed25519"]).default("rsa"))
    .action((options: KeygenOptions) => runAction(io, () => keygen(io, options)));
  return command;
}
