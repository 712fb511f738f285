import { createHash } from "node:crypto";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLocalArchive } from "./local-archive.ts";

const message = (text: string) => Buffer.from(`Message-ID: <${text}@test>\r\n\r\n${text}\r\n`);
const sha256 = (raw: Buffer) => createHash("sha256").update(raw).digest("hex");

describe("createLocalArchive", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "facteur-archive-unit-"));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("stores a message under ab/cdef... named by its SHA-256, read-only, and gives the same bytes back", async () => {
    const archive = createLocalArchive(root);
    const raw = message("one");
    const object = await archive.put(raw);
    const hash = sha256(raw);
    expect(object).toEqual({ sha256: hash, size: raw.length });
    const file = join(root, hash.slice(0, 2), hash.slice(2));
    expect(readFileSync(file)).toEqual(raw);
    expect(statSync(file).mode & 0o222).toBe(0);
    expect(await archive.get(hash)).toEqual(raw);
    expect(await archive.has(hash)).toBe(true);
    expect(await archive.get(sha256(message("never stored")))).toBeNull();
  });

  it("stores the same bytes once and never overwrites an object, leaving no temporary file behind", async () => {
    const archive = createLocalArchive(root);
    const raw = message("twice");
    const results = await Promise.all([archive.put(raw), archive.put(raw), archive.put(raw)]);
    expect(new Set(results.map((r) => r.sha256)).size).toBe(1);
    const hash = sha256(raw);
    expect(readdirSync(join(root, hash.slice(0, 2)))).toEqual([hash.slice(2)]);
    const file = join(root, hash.slice(0, 2), hash.slice(2));
    chmodSync(file, 0o644);
    writeFileSync(file, Buffer.from("X".repeat(raw.length)));
    await archive.put(raw);
    expect(readFileSync(file).toString()).toBe("X".repeat(raw.length));
  });

  it("refuses to store bytes whose object exists with another size", async () => {
    const archive = createLocalArchive(root);
    const raw = message("resized");
    const { sha256: hash } = await archive.put(raw);
    const file = join(root, hash.slice(0, 2), hash.slice(2));
    chmodSync(file, 0o644);
    writeFileSync(file, Buffer.from("short"));
    await expect(archive.put(raw)).rejects.toThrow(/exists with a different size/);
    expect(readdirSync(join(root, hash.slice(0, 2)))).toEqual([hash.slice(2)]);
  });

  it("makes a directory again when it was removed after an earlier put", async () => {
    const archive = createLocalArchive(root);
    const first = await archive.put(message("first"));
    rmSync(join(root, first.sha256.slice(0, 2)), { recursive: true, force: true });
    await archive.put(message("first"));
    expect(await archive.get(first.sha256)).toEqual(message("first"));
  });

  it("refuses to hand out altered bytes as the archived message", async () => {
    const archive = createLocalArchive(root);
    const raw = message("tamper");
    const { sha256: hash } = await archive.put(raw);
    const file = join(root, hash.slice(0, 2), hash.slice(2));
    chmodSync(file, 0o644);
    writeFileSync(file, Buffer.from(raw.toString().replace("tamper", "TAMPER")));
    await expect(archive.get(hash)).rejects.toThrow(/altered/);
  });

  it("names every altered object when verifying, and only those", async () => {
    const archive = createLocalArchive(root);
    const hashes = [];
    for (const text of ["a", "b", "c", "d"]) hashes.push((await archive.put(message(text))).sha256);
    const altered = hashes[2] ?? "";
    const file = join(root, altered.slice(0, 2), altered.slice(2));
    chmodSync(file, 0o644);
    writeFileSync(file, "Message-ID: <c@test>\r\n\r\nC\r\n");
    const problems = [];
    for await (const problem of archive.verify()) problems.push(problem);
    expect(problems).toEqual([{ sha256: altered, problem: "altered" }]);
  });

  it("refuses a name that is not a SHA-256, so no path outside the archive can be read", async () => {
    const archive = createLocalArchive(root);
    await expect(archive.get("../../etc/passwd")).rejects.toThrow(/not a SHA-256/);
  });
});
