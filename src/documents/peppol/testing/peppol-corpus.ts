import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The shared Peppol corpus, read by tests and never copied: `../shared/corpus/peppol` from the repository root
 * (this file is src/documents/peppol/testing/, five levels below the workspace).
 */
export const PEPPOL_CORPUS = fileURLToPath(new URL("../../../../../shared/corpus/peppol/", import.meta.url));

/** True when the corpus folder is present; tests that need it skip with a message otherwise. */
export const PEPPOL_CORPUS_PRESENT = existsSync(PEPPOL_CORPUS);

/** The title suffix of a test or suite that skips because the corpus is absent, empty when it is present. */
export const PEPPOL_SKIP_NOTE = PEPPOL_CORPUS_PRESENT ? "" : ` (skipped: ${PEPPOL_CORPUS} is absent)`;

/** The octets of a corpus file, by its path under the Peppol corpus (`as4-messages/helger.as4in`). */
export function corpusFile(path: string): Buffer {
  return readFileSync(`${PEPPOL_CORPUS}${path}`);
}

/** The file names of a corpus folder, sorted. */
export function corpusFolder(path: string): string[] {
  return readdirSync(`${PEPPOL_CORPUS}${path}`).sort();
}
