import { dkimSign, dkimVerify } from "mailauth";
import { beforeAll, describe, expect, it } from "vitest";
import { composeInvoiceMessage } from "../compose/compose-invoice-message.ts";
import {
  buildCopyMessageInput,
  buildMainMessageInput,
  fakePdf,
} from "../compose/testing/build-message-input.ts";
import { dkimDnsRecord } from "./dkim-dns-record.ts";
import { type DkimKey, generateDkimKey } from "./dkim-key.ts";
import { createDkimSigner, type DkimSigner } from "./dkim-signer.ts";
import { dnsStub } from "./testing/dns-stub.ts";

const domain = "demo-company.test";
const now = () => new Date("2024-03-15T09:30:05Z");
let rsa: DkimKey;
let ed25519: DkimKey;
let raw: Buffer;

beforeAll(async () => {
  rsa = generateDkimKey("rsa-sha256");
  ed25519 = generateDkimKey("ed25519-sha256");
  const composed = await composeInvoiceMessage(buildMainMessageInput());
  if (!composed.ok) throw new Error("fixture does not compose");
  raw = composed.value.raw;
});

function signer(keys: { selector: string; key: DkimKey }[]): DkimSigner {
  const created = createDkimSigner(
    keys.map(({ selector, key }) => ({ domain, selector, privateKeyPem: key.privateKeyPem })),
    { now },
  );
  if (!created.ok) throw new Error(created.error.join("; "));
  return created.value;
}

function resolverFor(keys: { selector: string; key: DkimKey }[]) {
  return dnsStub(
    keys.map(({ selector, key }) =>
      dkimDnsRecord({ selector, domain, algorithm: key.algorithm, publicKey: key.publicKey }),
    ),
  );
}

describe("DKIM signing", () => {
  it("produces an rsa-sha256 relaxed/relaxed signature that mailauth verifies with the published record", async () => {
    const keys = [{ selector: "s2024", key: rsa }];
    const signed = await signer(keys).sign(raw);
    expect(signed.subarray(signed.length - raw.length).equals(raw)).toBe(true);
    const result = await dkimVerify(signed, { resolver: resolverFor(keys), curTime: now() });
    expect(result.results).toHaveLength(1);
    const [signature] = result.results;
    expect(signature?.status.result).toBe("pass");
    expect(signature?.signingDomain).toBe(domain);
    expect(signature?.info).toContain("header.a=rsa-sha256");
    expect(signed.toString("latin1")).toMatch(
      /^DKIM-Signature: v=1; a=rsa-sha256; c=relaxed\/relaxed; d=demo-company\.test;/,
    );
  });

  it("signs with RSA and Ed25519 side by side, both verifying", async () => {
    const keys = [
      { selector: "rsa1", key: rsa },
      { selector: "ed1", key: ed25519 },
    ];
    const signed = await signer(keys).sign(raw);
    const result = await dkimVerify(signed, { resolver: resolverFor(keys), curTime: now() });
    expect(result.results.map((r) => r.info).sort()).toEqual([
      expect.stringMatching(
        /^dkim=pass header\.i=@demo-company\.test header\.s=ed1 header\.a=ed25519-sha256 /,
      ),
      expect.stringMatching(/^dkim=pass header\.i=@demo-company\.test header\.s=rsa1 header\.a=rsa-sha256 /),
    ]);
  });

  it("fails verification when one byte of the body changes", async () => {
    const keys = [{ selector: "s2024", key: rsa }];
    const signed = Buffer.from(await signer(keys).sign(raw));
    const at = signed.indexOf("Veuillez trouver");
    expect(at).toBeGreaterThan(0);
    signed[at] = "v".charCodeAt(0);
    const result = await dkimVerify(signed, { resolver: resolverFor(keys), curTime: now() });
    // RFC 6376 6.3: a body hash mismatch is not a pass; mailauth reports it as neutral with this comment.
    expect(result.results[0]?.status.result).not.toBe("pass");
    expect(result.results[0]?.status.comment).toBe("body hash did not verify");
  });

  it("fails verification when the subject is changed", async () => {
    const keys = [{ selector: "s2024", key: rsa }];
    const signed = (await signer(keys).sign(raw)).toString("latin1").replace("Subject: ", "Subject: Re: ");
    const result = await dkimVerify(Buffer.from(signed, "latin1"), {
      resolver: resolverFor(keys),
      curTime: now(),
    });
    expect(result.results[0]?.status.result).toBe("fail");
  });

  it("fails verification against another key published under the same selector", async () => {
    const signed = await signer([{ selector: "s2024", key: rsa }]).sign(raw);
    const other = generateDkimKey("rsa-sha256");
    const result = await dkimVerify(signed, {
      resolver: resolverFor([{ selector: "s2024", key: other }]),
      curTime: now(),
    });
    expect(result.results[0]?.status.result).toBe("fail");
  });

  it("is deterministic for the same bytes and time", async () => {
    const keys = [{ selector: "s2024", key: rsa }];
    expect((await signer(keys).sign(raw)).equals(await signer(keys).sign(raw))).toBe(true);
  });

  it("refuses to be created without keys or with an unusable key, naming the selector", () => {
    expect(createDkimSigner([], { now })).toEqual({ ok: false, error: ["no DKIM key is configured"] });
    const bad = createDkimSigner([{ domain, selector: "broken", privateKeyPem: "not a key" }], { now });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.error).toEqual([
      "broken._domainkey.demo-company.test: the DKIM private key is not a readable PEM private key",
    ]);
  });
});

/** What mailauth's own dkimSign writes for `message`: the reference the signer must match byte for byte. */
async function mailauthSignatures(
  message: Buffer,
  keys: { selector: string; key: DkimKey }[],
): Promise<string> {
  const data = keys.map(({ selector, key }) => ({
    signingDomain: domain,
    selector,
    privateKey: key.privateKeyPem,
    algorithm: key.algorithm,
    canonicalization: "relaxed/relaxed",
  }));
  const [first] = data;
  if (first === undefined) throw new Error("no key");
  const result = await dkimSign(message, { ...first, signatureData: data, signTime: now() });
  expect(result.errors).toEqual([]);
  return result.signatures;
}

describe("DKIM signing with keys parsed once", () => {
  it("writes exactly the signatures mailauth's dkimSign writes, for main messages, copies and odd bodies", async () => {
    const keys = [
      { selector: "rsa1", key: rsa },
      { selector: "ed1", key: ed25519 },
    ];
    const copy = await composeInvoiceMessage(buildCopyMessageInput({ pdf: fakePdf(300_000) }));
    if (!copy.ok) throw new Error("copy does not compose");
    const oddBody = Buffer.from(
      "From: a@demo-company.test\r\nTo:  b@client.test \r\nSubject: \t folded\r\n  subject\r\n\r\n" +
        "trailing spaces   \r\n\tinner \t  runs\r\n\r\n\r\n",
    );
    for (const message of [raw, copy.value.raw, oddBody]) {
      const signed = await signer(keys).sign(message);
      const expected = await mailauthSignatures(message, keys);
      expect(signed.subarray(0, signed.length - message.length).toString()).toBe(expected);
    }
  });

  it("signs messages with bare LF line ends through mailauth, and they verify", async () => {
    const keys = [{ selector: "s2024", key: rsa }];
    const bare = Buffer.from(
      "From: a@demo-company.test\nTo: b@client.test\nSubject: bare\n\nline one\nline two\n",
    );
    const signed = await signer(keys).sign(bare);
    expect(signed.subarray(0, signed.length - bare.length).toString()).toBe(
      await mailauthSignatures(bare, keys),
    );
    const result = await dkimVerify(signed, { resolver: resolverFor(keys), curTime: now() });
    expect(result.results[0]?.status.result).toBe("pass");
  });
});
