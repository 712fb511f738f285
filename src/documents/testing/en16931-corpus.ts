import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The shared EN 16931 corpus, read by tests and never copied: `../shared/corpus/en16931` from the repository root
 * (this file is src/documents/testing/, four levels below the directory that holds both).
 */
export const EN16931_CORPUS = fileURLToPath(new URL("../../../../shared/corpus/en16931/", import.meta.url));

/** True when the corpus folder is present; tests that need it skip with a message otherwise. */
export const EN16931_CORPUS_PRESENT = existsSync(EN16931_CORPUS);

/** The title suffix of a test or suite that skips because the corpus is absent, empty when it is present. */
export const EN16931_SKIP_NOTE = EN16931_CORPUS_PRESENT ? "" : ` (skipped: ${EN16931_CORPUS} is absent)`;

/** The path of a corpus file, by its path under the EN 16931 corpus (`examples/ubl-tc434-example1.xml`). */
export function en16931Path(path: string): string {
  return `${EN16931_CORPUS}${path}`;
}

/** The octets of a corpus file, by its path under the EN 16931 corpus. */
export function en16931File(path: string): Buffer {
  return readFileSync(en16931Path(path));
}

/** The file names of a corpus folder, sorted. */
export function en16931Folder(path: string): string[] {
  return readdirSync(en16931Path(path)).sort();
}
