import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Santuario (Debian libxml-security-java) and what it needs at run time; slf4j-nop keeps its logging quiet. */
const CLASSPATH = ["xmlsec", "commons-codec", "slf4j-api", "slf4j-nop"].map(
  (jar) => `/usr/share/java/${jar}.jar`,
);

/** One message's outcome as the harness printed it, with Santuario's decryption and verification times. */
export interface SantuarioResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  readonly decryptMicros?: number;
  readonly verifyMicros?: number;
  /** MIME split, DOM parse, decryption, verification, certificate check and gunzip: wall, and thread CPU. */
  readonly totalMicros?: number;
  readonly cpuMicros?: number;
}

/** The outcome of a harness run: its exit code and the per-message lines. */
export interface SantuarioRun {
  readonly exitCode: number;
  readonly results: readonly SantuarioResult[];
  readonly output: string;
}

/** Compiles As4Check.java into a fresh temporary folder and returns that folder (the class path entry). */
export function compileSantuarioHarness(): string {
  const classes = mkdtempSync(join(tmpdir(), "facteur-santuario-"));
  execFileSync(
    "javac",
    ["-d", classes, "-cp", CLASSPATH.join(":"), join(import.meta.dirname, "As4Check.java")],
    {
      stdio: "pipe",
      timeout: 120_000,
    },
  );
  return classes;
}

function parseLine(line: string): SantuarioResult | undefined {
  const okLine = /^OK (\S+) decrypt_us=(\d+) verify_us=(\d+) total_us=(\d+) cpu_us=(\d+)$/.exec(line);
  if (okLine) {
    const [, name = "", decrypt = "0", verify = "0", total = "0", cpu = "0"] = okLine;
    const micros = {
      decryptMicros: Number(decrypt),
      verifyMicros: Number(verify),
      totalMicros: Number(total),
      cpuMicros: Number(cpu),
    };
    return { name, ok: true, detail: "", ...micros };
  }
  const failLine = /^FAIL (\S+) (.*)$/.exec(line);
  return failLine ? { name: failLine[1] ?? "", ok: false, detail: failLine[2] ?? "" } : undefined;
}

/**
 * Runs the harness over a folder of NAME.bin (MIME body) + NAME.type (Content-Type) files, and NAME.xml documents
 * with an enveloped signature, with the receiver's key and the CA that issued the signers (PEM files). One JVM
 * checks every file, so its start-up is paid once.
 */
export async function runSantuario(
  classes: string,
  keyPem: string,
  caPem: string,
  folder: string,
): Promise<SantuarioRun> {
  const args = ["-cp", [classes, ...CLASSPATH].join(":"), "As4Check", keyPem, caPem, folder];
  let stdout = "";
  let exitCode = 0;
  try {
    ({ stdout } = await run("java", args, { maxBuffer: 64 * 1024 * 1024, timeout: 600_000 }));
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; code?: number };
    stdout = `${failed.stdout ?? ""}${failed.stderr ?? ""}`;
    exitCode = typeof failed.code === "number" ? failed.code : 1;
  }
  const results = stdout.split("\n").flatMap((line) => parseLine(line) ?? []);
  return { exitCode, results, output: stdout };
}
