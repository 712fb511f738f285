import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import {
  access,
  chmod,
  type FileHandle,
  link,
  mkdir,
  open,
  readdir,
  readFile,
  stat,
  unlink,
} from "node:fs/promises";
import { join } from "node:path";
import type { ArchivedObject, MessageArchive } from "../app/ports/message-archive.ts";
import { AppError } from "../core/errors/app-error.ts";

const SHA256 = /^[0-9a-f]{64}$/;
const TEMP_PREFIX = ".tmp-";

function sha256Of(raw: Buffer): string {
  return createHash("sha256").update(raw).digest("hex");
}

function pathOf(root: string, sha256: string): { dir: string; file: string } {
  if (!SHA256.test(sha256))
    throw new AppError("invalid-input", `"${sha256}" is not a SHA-256 in lower-case hex`);
  const dir = join(root, sha256.slice(0, 2));
  return { dir, file: join(dir, sha256.slice(2)) };
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

/** Makes the directory entry of a new file durable: without it a power cut can lose a file whose data was synced. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A temporary file in `dir` holding `raw`, synced; false when `dir` does not exist. */
async function writeTemp(dir: string, raw: Buffer): Promise<string | false> {
  const temp = join(dir, `${TEMP_PREFIX}${randomUUID()}`);
  let handle: FileHandle;
  try {
    handle = await open(temp, "wx", 0o600);
  } catch (error) {
    if (isCode(error, "ENOENT")) return false;
    throw error;
  }
  try {
    await handle.writeFile(raw);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

/**
 * Writes `raw` to `file` so that the name only ever points at complete, synced bytes: written to a temporary file in
 * the same directory, fsynced, made read-only, then hard-linked to its final name. link(2), unlike rename(2), fails
 * when the name exists, so an object is never overwritten, even by a concurrent writer of the same bytes; an existing
 * object of another size is an integrity violation. `dirs` holds the directories known to exist, so that the usual
 * put costs no mkdir (a directory removed meanwhile is made again).
 */
async function writeOnce(
  dirs: Set<string>,
  where: { readonly sha256: string; readonly dir: string; readonly file: string },
  raw: Buffer,
): Promise<void> {
  const { dir, file } = where;
  let temp = dirs.has(dir) ? await writeTemp(dir, raw) : false;
  if (temp === false) {
    await mkdir(dir, { recursive: true });
    dirs.add(dir);
    temp = await writeTemp(dir, raw);
    if (temp === false) throw new Error(`archive directory ${dir} vanished while writing`);
  }
  try {
    await chmod(temp, 0o444);
    await link(temp, file);
  } catch (error) {
    if (!isCode(error, "EEXIST")) throw error;
    if ((await stat(file)).size !== raw.length) {
      throw new AppError(
        "integrity-violation",
        `archive object ${where.sha256} exists with a different size`,
      );
    }
    return;
  } finally {
    await unlink(temp);
  }
  await syncDirectory(dir);
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function sortedEntries(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    if (isCode(error, "ENOENT")) return [];
    throw error;
  }
}

/**
 * The archive as a local directory: each message at `<root>/ab/cdef...` named by the SHA-256 of its bytes, written
 * once (temp file, fsync, link) and never overwritten. Reading re-checks the hash, so altered bytes are never handed
 * out as the original.
 */
export function createLocalArchive(root: string): MessageArchive {
  const dirs = new Set<string>();
  return {
    async put(raw: Buffer): Promise<ArchivedObject> {
      const sha256 = sha256Of(raw);
      await writeOnce(dirs, { sha256, ...pathOf(root, sha256) }, raw);
      return { sha256, size: raw.length };
    },

    async get(sha256: string): Promise<Buffer | null> {
      const { file } = pathOf(root, sha256);
      let raw: Buffer;
      try {
        raw = await readFile(file);
      } catch (error) {
        if (isCode(error, "ENOENT")) return null;
        throw error;
      }
      if (sha256Of(raw) !== sha256) {
        throw new AppError(
          "integrity-violation",
          `archive object ${sha256} was altered: its bytes no longer match`,
        );
      }
      return raw;
    },

    async has(sha256: string): Promise<boolean> {
      try {
        await access(pathOf(root, sha256).file);
        return true;
      } catch (error) {
        if (isCode(error, "ENOENT")) return false;
        throw error;
      }
    },

    async *verify() {
      for (const prefix of await sortedEntries(root)) {
        if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
        for (const rest of await sortedEntries(join(root, prefix))) {
          if (rest.startsWith(TEMP_PREFIX)) continue;
          const sha256 = prefix + rest;
          let actual: string;
          try {
            actual = await hashFile(join(root, prefix, rest));
          } catch {
            yield { sha256, problem: "unreadable" as const };
            continue;
          }
          if (actual !== sha256) yield { sha256, problem: "altered" as const };
        }
      }
    },
  };
}
