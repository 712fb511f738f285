import { readFile, stat } from "node:fs/promises";
import { PNG, type PNGWithMetadata } from "pngjs";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

/** Logos by path, with the file's size and modification time so that a changed file is read again. */
const prepared = new Map<string, { readonly stamp: string; readonly bytes: Buffer }>();
/** A renderer has one configured logo; the bound only keeps a misuse from growing memory. */
const MAX_LOGOS = 16;

/**
 * A PNG as pdfkit embeds it without decoding: no alpha channel and not interlaced, so that pdfkit copies its
 * compressed pixels into the PDF as they are. For any other PNG pdfkit inflates every pixel, splits off the alpha
 * channel and compresses both again, for every document: about a millisecond for a 240 x 80 logo, more for larger
 * ones. The logo sits on the white page, so laying it on white once here draws the same picture.
 * @throws Error when the PNG cannot be decoded.
 */
function embeddablePng(bytes: Buffer, path: string): Buffer {
  let png: PNGWithMetadata;
  try {
    png = PNG.sync.read(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The logo "${path}" is not a readable PNG image: ${reason}`);
  }
  // `alpha` is set for an alpha channel and for a tRNS chunk alike; after reading, `data` is always 8-bit RGBA.
  if (!png.alpha && !png.interlace) return bytes;
  // Colour type 2 (RGB) from RGBA input: pngjs lays each pixel on the background, white unless told otherwise.
  return PNG.sync.write(png, { colorType: 2, inputColorType: 6, inputHasAlpha: true });
}

/**
 * Reads a logo from a local file. A URL is refused rather than read as a path, so a configuration that names a
 * remote logo fails clearly instead of fetching anything; a file that is neither PNG nor JPEG is refused too. The
 * prepared logo is kept for the next documents until the file changes.
 * @throws Error naming the path and the reason.
 */
export async function loadLogo(path: string): Promise<Buffer> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path) || path.startsWith("data:"))
    throw new Error(`The logo must be a local file path, not a URL: "${path}".`);
  const info = await stat(path);
  const stamp = `${info.size}:${info.mtimeMs}`;
  const known = prepared.get(path);
  if (known?.stamp === stamp) return known.bytes;
  const bytes = await readFile(path);
  let logo: Buffer;
  if (bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) logo = embeddablePng(bytes, path);
  else if (bytes.subarray(0, JPEG_SIGNATURE.length).equals(JPEG_SIGNATURE)) logo = bytes;
  else throw new Error(`The logo "${path}" is neither a PNG nor a JPEG image.`);
  if (prepared.size >= MAX_LOGOS) prepared.clear();
  prepared.set(path, { stamp, bytes: logo });
  return logo;
}
