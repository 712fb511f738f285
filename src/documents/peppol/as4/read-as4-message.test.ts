import { describe, expect, it } from "vitest";
import { corpusFile, PEPPOL_CORPUS_PRESENT, PEPPOL_SKIP_NOTE } from "../testing/peppol-corpus.ts";
import { parseContentType, splitHeaderBlock } from "./mime-parts.ts";
import { readAs4Dump, readAs4Message } from "./read-as4-message.ts";

describe("readAs4Message", () => {
  it.skipIf(!PEPPOL_CORPUS_PRESENT)(
    `reads the corpus multipart message: SOAP root part and one binary attachment, octet-exact${PEPPOL_SKIP_NOTE}`,
    () => {
      const raw = corpusFile("as4-messages/dump-raw.as4out");
      const message = readAs4Dump(raw);
      if (!message.ok) throw new Error(message.error);
      expect(message.value.soap.toString("utf8", 0, 38)).toBe('<?xml version="1.0" encoding="UTF-8"?>');
      expect(message.value.soap.toString("utf8").endsWith("</S12:Envelope>")).toBe(true);
      const attachment = message.value.attachments.get("phase4-att-ff0f8ad5-f982-48ba-b8e2-26997600f496@cid");
      expect(attachment?.headers.get("content-type")).toBe("application/octet-stream");
      const body = attachment?.body ?? Buffer.alloc(0);
      expect(
        raw.includes(Buffer.concat([body, Buffer.from("\r\n------=_Part_0_1950117092.1769701143986--")])),
      ).toBe(true);
    },
  );

  it.skipIf(!PEPPOL_CORPUS_PRESENT)(`reads a bare SOAP receipt${PEPPOL_SKIP_NOTE}`, () => {
    const message = readAs4Dump(corpusFile("as4-messages/helger.as4in"));
    expect(message.ok && message.value.soap.toString("utf8", 0, 5)).toBe("<?xml");
    expect(message.ok && message.value.attachments.size).toBe(0);
  });

  it("takes the root part named by the start parameter, with LF line ends and a base64 part", () => {
    const body = Buffer.from(
      [
        "--b1",
        "Content-ID: <payload@x>",
        "Content-Transfer-Encoding: base64",
        "",
        Buffer.from("payload bytes").toString("base64"),
        "--b1",
        "Content-ID: <soap@x>",
        "",
        "<Envelope/>",
        "--b1--",
        "",
      ].join("\n"),
    );
    const message = readAs4Message('multipart/related; boundary="b1"; start="<soap@x>"', body);
    if (!message.ok) throw new Error(message.error);
    expect(message.value.soap.toString()).toBe("<Envelope/>");
    expect(message.value.attachments.get("payload@x")?.body.toString()).toBe("payload bytes");
  });

  it("refuses a multipart body without its closing boundary and an unexpected type", () => {
    expect(readAs4Message("multipart/related; boundary=b", Buffer.from("--b\r\n\r\nx"))).toMatchObject({
      ok: false,
    });
    expect(readAs4Message("text/plain", Buffer.from("x"))).toEqual({
      ok: false,
      error: "unexpected Content-Type text/plain",
    });
    expect(readAs4Dump(Buffer.from("X-A: 1\r\n\r\nbody"))).toEqual({
      ok: false,
      error: "the capture has no Content-Type header",
    });
  });
});

describe("MIME helpers", () => {
  it("parses quoted and bare Content-Type parameters", () => {
    const { type, params } = parseContentType(
      'Multipart/Related; boundary="a;b\\"c"; type=application/soap+xml',
    );
    expect([type, params.get("boundary"), params.get("type")]).toEqual([
      "multipart/related",
      'a;b"c',
      "application/soap+xml",
    ]);
  });

  it("unfolds continued header lines and skips an HTTP status line", () => {
    const entity = splitHeaderBlock(Buffer.from("HTTP/1.1 200 OK\r\nContent-Type: a;\r\n b=c\r\n\r\nbody"));
    expect([entity.headers.get("content-type"), entity.body.toString()]).toEqual(["a; b=c", "body"]);
  });
});
