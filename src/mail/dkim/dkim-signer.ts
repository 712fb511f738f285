import { type DKIMSignOptions, dkimSign } from "mailauth";
import type { OutgoingMessage } from "../../app/ports/mail-transport.ts";
import { err, ok, type Result } from "../../core/result.ts";
import { type DkimKey, loadDkimKey } from "./dkim-key.ts";

/** One signing key from configuration. */
export interface DkimKeyConfig {
  /** The `d=` domain; it should be the From domain (or its parent) so that DMARC sees an aligned signature. */
  readonly domain: string;
  /** The `s=` selector: the key is published at `<selector>._domainkey.<domain>`. */
  readonly selector: string;
  readonly privateKeyPem: string;
}

/** Adds DKIM-Signature headers to a message's bytes. */
export interface DkimSigner {
  /** The signed message: the signature headers followed by `raw`, unchanged. */
  sign(raw: Buffer): Promise<Buffer>;
}

interface LoadedKey extends DkimKeyConfig {
  readonly key: DkimKey;
}

function signatureOptions(entry: LoadedKey): DKIMSignOptions {
  return {
    signingDomain: entry.domain,
    selector: entry.selector,
    privateKey: entry.key.privateKeyPem,
    algorithm: entry.key.algorithm,
    canonicalization: "relaxed/relaxed",
  };
}

// mailauth reports `{ selector, signingDomain, err }` records although its typings say Error.
function describeError(problem: unknown): string {
  if (problem instanceof Error) return problem.message;
  if (typeof problem === "object" && problem !== null && "err" in problem && problem.err instanceof Error) {
    return problem.err.message;
  }
  return String(problem);
}

/**
 * Creates a signer for one or more keys (an RSA and an Ed25519 key sign side by side: receivers that do not know
 * Ed25519 ignore its signature). Canonicalization relaxed/relaxed, no `l=` (a body length limit would let anyone
 * append content) and no expiry (archived copies must still verify years later); `t=` comes from `now`, so signing
 * is deterministic for given bytes and time. Signed headers: mailauth's default list (From, Reply-To, Subject, Date,
 * Message-ID, To, Cc, MIME-Version, Content-Type, Content-Transfer-Encoding and others when present).
 *
 * @returns the signer, or one message per unusable key.
 */
export function createDkimSigner(
  keys: readonly DkimKeyConfig[],
  options: { readonly now: () => Date },
): Result<DkimSigner, string[]> {
  if (keys.length === 0) return err(["no DKIM key is configured"]);
  const problems: string[] = [];
  const loaded: LoadedKey[] = [];
  for (const config of keys) {
    const key = loadDkimKey(config.privateKeyPem);
    if (key.ok) loaded.push({ ...config, key: key.value });
    else problems.push(`${config.selector}._domainkey.${config.domain}: ${key.error}`);
  }
  const first = loaded[0];
  if (problems.length > 0 || first === undefined) return err(problems);
  const signatureData = loaded.map(signatureOptions);
  return ok({
    async sign(raw: Buffer): Promise<Buffer> {
      // mailauth reads only `signatureData`; its typings also require the first key at the top level.
      const result = await dkimSign(raw, {
        ...signatureOptions(first),
        signatureData,
        signTime: options.now(),
      });
      if (result.errors.length > 0) {
        throw new Error(`DKIM signing failed: ${result.errors.map(describeError).join("; ")}`);
      }
      return Buffer.concat([Buffer.from(result.signatures), raw]);
    },
  });
}

/** The same message with its bytes DKIM-signed; the envelope and Message-ID are unchanged. */
export async function signOutgoingMessage(
  message: OutgoingMessage,
  signer: DkimSigner,
): Promise<OutgoingMessage> {
  return { ...message, raw: await signer.sign(message.raw) };
}
