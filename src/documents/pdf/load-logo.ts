import { readFile } from "node:fs/promises";

/** PNG and JPEG signatures: the two image formats pdfkit embeds. */
const SIGNATURES = [Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from([0xff, 0xd8, 0xff])];

/**
 * Reads a logo from a local file. A URL is refused rather than read as a path, so a configuration that names a
 * remote logo fails clearly instead of fetching anything; a file that is neither PNG nor JPEG is refused too.
 * @throws Error naming the path and the reason.
 */
export async function loadLogo(path: string): Promise<Buffer> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path) || path.startsWith("data:"))
    throw new Error(`The logo must be a local file path, not a URL: "${path}".`);
  const bytes = await readFile(path);
  if (!SIGNATURES.some((signature) => bytes.subarray(0, signature.length).equals(signature)))
    throw new Error(`The logo "${path}" is neither a PNG nor a JPEG image.`);
  return bytes;
}
