// Types for the parts of mailauth 4.x that sign with DKIM, which its typings (index.d.ts) do not cover.
// dkim-signer.ts uses them to sign with parsed keys; see the comment there.

declare module "mailauth/lib/tools.js" {
  /** One header field as mailauth parses it: lower-case name, name as written, the raw line(s) with CRLF. */
  export interface ParsedHeaderLine {
    readonly key: string | null;
    readonly casedKey: string | undefined;
    readonly line: Buffer;
  }
  export interface SigningHeaderLines {
    readonly keys: string;
    readonly headers: readonly ParsedHeaderLine[];
  }
  export function parseHeaders(header: Buffer): { parsed: ParsedHeaderLine[]; original: Buffer };
  export function getSigningHeaderLines(
    parsed: readonly ParsedHeaderLine[],
    fieldNames?: string | false,
    verify?: boolean,
  ): SigningHeaderLines;
  export function formatSignatureHeaderLine(
    type: "DKIM",
    values: Readonly<Record<string, string | number | boolean | undefined>>,
    folded: boolean,
  ): string;
}

declare module "mailauth/lib/dkim/body/index.js" {
  export interface BodyHasher {
    update(chunk: Buffer | null, final?: boolean): void;
    digest(encoding: "base64"): string;
  }
  export function dkimBody(
    canonicalization: "relaxed" | "simple",
    algorithm: string,
    maxBodyLength: false,
  ): BodyHasher;
}

declare module "mailauth/lib/dkim/header/index.js" {
  import type { SigningHeaderLines } from "mailauth/lib/tools.js";
  export function generateCanonicalizedHeader(
    type: "DKIM",
    lines: SigningHeaderLines,
    options: {
      readonly signingDomain: string;
      readonly selector: string;
      readonly algorithm: string;
      readonly canonicalization: string;
      readonly bodyHash: string;
      readonly signTime: Date;
    },
  ): {
    canonicalizedHeader: Buffer;
    dkimHeaderOpts: Record<string, string | number | boolean | undefined>;
  };
}
