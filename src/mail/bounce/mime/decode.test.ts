import { describe, expect, it } from "vitest";
import { decodeCharset, decodeEncodedWords, decodeQuotedPrintable, decodeTransfer } from "./decode.ts";
import { walkMime } from "./mime-tree.ts";
import { partText } from "./part-text.ts";

describe("bounce content decoding", () => {
  it("decodes quoted-printable and keeps broken escapes as they are", () => {
    expect(decodeQuotedPrintable("caf=C3=A9 =ZZ soft=\nbreak =").toString("utf8")).toBe(
      "café =ZZ softbreak =",
    );
  });

  it("decodes base64 line by line, skipping lines that are not base64", () => {
    const raw = "!!! damaged line !!!\nVXNlciB1bmtub3du\n";
    expect(decodeTransfer(raw, "base64").toString("utf8")).toBe("User unknown");
  });

  it("falls back to UTF-8 for an unknown charset", () => {
    expect(decodeCharset(Buffer.from("héllo", "utf8"), "x-no-such-charset")).toBe("héllo");
  });

  it("decodes RFC 2047 encoded words, joining adjacent ones", () => {
    expect(decodeEncodedWords("=?iso-2022-jp?B?UmV0dXJuZWQgbWFpbDogVXNlciB1bmtub3du?=")).toBe(
      "Returned mail: User unknown",
    );
    expect(decodeEncodedWords("=?utf-8?Q?R=C3=A9ponse?= =?utf-8?Q?_automatique?=")).toBe(
      "Réponse automatique",
    );
  });

  it("reads 8-bit EUC-JP text that a server labelled ISO-2022-JP", () => {
    const euc = Buffer.from([0xa5, 0xa8, 0xa5, 0xe9, 0xa1, 0xbc]).toString("latin1");
    const text = `Content-Type: text/plain; charset="ISO-2022-JP"\n\n${euc}`;
    const mime = walkMime(text);
    const leaf = mime.leaves[0];
    expect(leaf === undefined ? "" : partText(text, leaf)).toBe("エラー");
  });
});
