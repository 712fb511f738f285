import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { dsnWith } from "../../mail/bounce/testing/sample-message.ts";
import { bouncesCommand } from "./bounces.ts";

describe("facteur bounces classify", () => {
  let out: string[];
  let err: string[];
  let dir: string;

  beforeEach(() => {
    out = [];
    err = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      err.push(String(chunk));
      return true;
    });
    dir = mkdtempSync(join(tmpdir(), "facteur-bounces-"));
    process.exitCode = undefined;
  });

  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it("prints one JSON object per line and result, with exactly the issue's fields, indexed from 1 per file", async () => {
    const file = join(dir, "unknown-user.eml");
    writeFileSync(file, dsnWith("550 5.1.1 <rcpt@example.net>: Recipient address rejected: User unknown"));
    await bouncesCommand().parseAsync(["node", "facteur", "classify", "--json", file]);
    const rows = out
      .join("")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toEqual([
      {
        file,
        index: 1,
        recipient: "rcpt@example.net",
        action: "failed",
        status: "5.1.1",
        replycode: "550",
        reason: "userunknown",
        hard: true,
        rule: "userunknown.status",
      },
    ]);
    expect(process.exitCode).toBeUndefined();
  });

  it("prints a readable line per result without --json", async () => {
    const file = join(dir, "full.eml");
    writeFileSync(file, dsnWith("552 5.2.2 Mailbox full"));
    await bouncesCommand().parseAsync(["node", "facteur", "classify", file]);
    const text = out.join("");
    expect(text).toContain(`${file}: 1 result`);
    expect(text).toMatch(
      /1\. rcpt@example\.net {2}failed {2}5\.2\.2 552 {2}mailboxfull {2}\[mailboxfull\.status\]/,
    );
  });

  it("reports an unreadable file on stderr, sets the exit code, and still reads the other files", async () => {
    const good = join(dir, "good.eml");
    writeFileSync(good, dsnWith("550 5.7.1 Relay access denied"));
    await bouncesCommand().parseAsync([
      "node",
      "facteur",
      "classify",
      "--json",
      join(dir, "missing.eml"),
      good,
    ]);
    expect(err.join("")).toContain("cannot read");
    expect(process.exitCode).toBe(66);
    expect(out.join("")).toContain('"reason":"norelaying"');
  });
});
