import { gunzipSync } from "node:zlib";
import { DEFAULT_MAX_XML_BYTES } from "../../ubl/decode-xml-input.ts";
import type { As4Message } from "../as4/read-as4-message.ts";
import { verifyAs4Signature } from "../as4/verify-as4-signature.ts";
import { readSbdh } from "../sbdh/read-sbdh.ts";
import {
  type FileCheck,
  type PeppolFileReport,
  report,
  signatureChecks,
  type TrustOptions,
} from "./peppol-file-report.ts";

function payloadCheck(id: string, body: Buffer): FileCheck {
  let xml = body;
  if (body[0] === 0x1f && body[1] === 0x8b) {
    try {
      // Bounded: a payload that inflates beyond what the SBDH reader accepts is refused, not inflated.
      xml = gunzipSync(body, { maxOutputLength: DEFAULT_MAX_XML_BYTES + 1 });
    } catch (error) {
      return { name: `payload ${id}`, outcome: "fail", detail: `cannot decompress: ${String(error)}` };
    }
  }
  const sbdh = readSbdh(xml);
  if (!sbdh.ok)
    return {
      name: `payload ${id}`,
      outcome: "fail",
      detail: sbdh.error.map((p) => `${p.field}: ${p.message}`).join("; "),
    };
  const { sender, receiver, instanceIdentifier } = sbdh.value.header;
  return {
    name: `payload ${id}`,
    outcome: "pass",
    detail: `SBDH ${instanceIdentifier} from ${sender.value} to ${receiver.value}`,
  };
}

/**
 * Verifies an AS4 message: the WS-Security signature and what it covers, the signer's chain, and each payload
 * that is not encrypted (gunzipped when compressed, then read as an SBDH). Encrypted payloads stay open: checking
 * them needs the receiver's private key.
 */
export function verifyAs4File(message: As4Message, trust: TrustOptions): PeppolFileReport {
  const verified = verifyAs4Signature(message);
  if (!verified.ok)
    return report("as4-message", [{ name: "signature", outcome: "fail", detail: verified.error }]);
  const { signature, messagingSigned, bodySigned, encryptedAttachments } = verified.value;
  const checks = signatureChecks(signature, trust);
  checks.push(
    {
      name: "covers eb:Messaging",
      outcome: messagingSigned ? "pass" : "fail",
      detail: messagingSigned ? "signed" : "not signed",
    },
    {
      name: "covers SOAP Body",
      outcome: bodySigned ? "pass" : "fail",
      detail: bodySigned ? "signed" : "not signed",
    },
  );
  for (const [id, part] of message.attachments) {
    if (encryptedAttachments.includes(id))
      checks.push({
        name: `payload ${id}`,
        outcome: "open",
        detail: "encrypted: needs the receiver's private key",
      });
    else checks.push(payloadCheck(id, part.body));
  }
  return report("as4-message", checks);
}
