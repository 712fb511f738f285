import { describe, expect, it } from "vitest";
import { err, ok } from "../core/result.ts";
import { matchBounce, verpCandidates } from "./match-bounce.ts";
import type { BounceReader, InboundNotice } from "./ports/bounce-reader.ts";

const DOMAIN = "bounces.seller.test";

function notice(overrides: {
  to?: string[];
  deliveredTo?: string[];
  messageId?: string;
  inReplyTo?: string[];
  returnPath?: string;
}): InboundNotice {
  return {
    kind: "dsn",
    format: "rfc3464",
    results: [],
    original: {
      messageId: overrides.messageId ?? "",
      returnPath: overrides.returnPath ?? "",
      to: [],
      xHeaders: {},
    },
    headers: {
      messageId: "<dsn@relay.test>",
      to: overrides.to ?? [],
      deliveredTo: overrides.deliveredTo ?? [],
      xOriginalTo: [],
      inReplyTo: overrides.inReplyTo ?? [],
      from: "",
      subject: "",
    },
  };
}

/** A reader whose tokens are `good-<id>` (checks), `bad-...` (forged) or anything else (malformed). */
const reader: BounceReader = {
  read: () => notice({}),
  verifyReturnPath(address) {
    const token = address.slice(address.indexOf("+") + 1, address.indexOf("@"));
    if (token.startsWith("good-")) return ok(token.slice(5));
    return err(token.startsWith("bad-") ? "forged" : "malformed");
  },
};

const store = {
  hasDelivery: async (id: string) => id === "d1",
  deliveryIdByMessageId: async (messageId: string) => (messageId === "m1@seller.test" ? "d1" : null),
};

describe("verpCandidates", () => {
  it("keeps addresses of the bounce domain that can carry a token, envelope first, each once", () => {
    const candidates = verpCandidates(
      notice({
        to: ["bounces+good-d1@BOUNCES.seller.test", "someone@elsewhere.test"],
        deliveredTo: ["bounces@bounces.seller.test"],
      }),
      ["<bounces+good-d1@bounces.seller.test>"],
      DOMAIN,
    );
    expect(candidates).toEqual(["bounces+good-d1@bounces.seller.test"]);
  });
});

describe("matchBounce", () => {
  it("matches by a VERP token that checks, before any Message-ID", async () => {
    const match = await matchBounce(
      { store, reader },
      notice({ to: [`bounces+good-d1@${DOMAIN}`], messageId: "<other@x.test>" }),
      [],
      DOMAIN,
    );
    expect(match).toEqual({ kind: "verp", deliveryId: "d1", address: `bounces+good-d1@${DOMAIN}` });
  });

  it("quarantines a token that does not check, even when the quoted Message-ID is a real delivery's", async () => {
    for (const token of ["bad-d1", "zzz"]) {
      const match = await matchBounce(
        { store, reader },
        notice({ to: [`bounces+${token}@${DOMAIN}`], messageId: "<m1@seller.test>" }),
        [],
        DOMAIN,
      );
      expect(match.kind).toBe("forged");
    }
  });

  it("falls back to the quoted or answered Message-ID when no address carries a token", async () => {
    expect(
      await matchBounce(
        { store, reader },
        notice({ to: [`bounces@${DOMAIN}`], messageId: "<m1@seller.test>" }),
        [],
        DOMAIN,
      ),
    ).toEqual({
      kind: "message-id",
      deliveryId: "d1",
      messageId: "m1@seller.test",
    });
    expect(
      (await matchBounce({ store, reader }, notice({ inReplyTo: ["<x@y>", "<m1@seller.test>"] }), [], DOMAIN))
        .kind,
    ).toBe("message-id");
  });

  it("leaves unmatched a message that names nothing facteur sent, or a delivery this database does not hold", async () => {
    expect(
      await matchBounce({ store, reader }, notice({ messageId: "<never@elsewhere.test>" }), [], DOMAIN),
    ).toMatchObject({
      kind: "unmatched",
      why: expect.stringContaining("never@elsewhere.test"),
    });
    expect(
      await matchBounce({ store, reader }, notice({}), [`bounces+good-d9@${DOMAIN}`], DOMAIN),
    ).toMatchObject({
      kind: "unmatched",
      why: expect.stringContaining("d9"),
    });
  });
});
