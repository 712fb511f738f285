import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildSync } from "esbuild";

/** The project's root, where node_modules is; bundles are cached in its node_modules/.cache, as build tools do. */
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const CACHE = join(ROOT, "node_modules", ".cache", "facteur");

/** What a cached bundle was made of: each input file (from the root) and the SHA-256 of its content. */
interface Manifest {
  readonly inputs: Record<string, string>;
}

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

/**
 * The TypeScript module `entry` and everything it imports, packages included, bundled by esbuild into one ES module
 * that a worker thread loads as plain JavaScript, or undefined when it cannot be bundled (the caller then loads the
 * module through tsx). A worker thread that loads its TypeScript through tsx runs tsx's loader in one more thread and
 * loads its ~90 modules one by one through it: the import's validation thread was ready after some 330 ms, and about
 * 145 ms bundled, with a heap less (some 20 MB resident). The bundle is rebuilt (~70 ms) when the content of any of
 * its input files differs from when it was built; checking them costs a few milliseconds.
 */
export function bundledWorker(entry: URL, cacheDir: string = CACHE): URL | undefined {
  const entryPath = fileURLToPath(entry);
  const name = sha256(entryPath).slice(0, 16);
  const bundlePath = join(cacheDir, `${name}.mjs`);
  const manifestPath = join(cacheDir, `${name}.json`);
  try {
    if (existsSync(bundlePath) && upToDate(manifestPath)) return pathToFileURL(bundlePath);
  } catch {
    // No bundle yet, or an input is gone: build it.
  }
  try {
    const built = buildSync({
      entryPoints: [entryPath],
      absWorkingDir: ROOT,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const code = built.outputFiles[0]?.contents;
    if (code === undefined) return undefined;
    const inputs: Record<string, string> = {};
    for (const input of Object.keys(built.metafile.inputs))
      inputs[input] = sha256(readFileSync(resolve(ROOT, input)));
    mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed, so that an import started meanwhile never loads half a file.
    const partial = `.${process.pid}.${Date.now()}`;
    writeFileSync(bundlePath + partial, code);
    writeFileSync(manifestPath + partial, JSON.stringify({ inputs } satisfies Manifest));
    renameSync(bundlePath + partial, bundlePath);
    renameSync(manifestPath + partial, manifestPath);
    return pathToFileURL(bundlePath);
  } catch {
    return undefined;
  }
}

/** Whether every input of the bundle described at `manifestPath` still has the content it was built from. */
function upToDate(manifestPath: string): boolean {
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  const inputs = Object.entries(manifest.inputs);
  return (
    inputs.length > 0 && inputs.every(([input, hash]) => sha256(readFileSync(resolve(ROOT, input))) === hash)
  );
}
