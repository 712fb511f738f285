import { describe, expect, it } from "vitest";
import type { Customer } from "../customer/customer.ts";
import {
  type ChannelPolicyInput,
  channelBuyer,
  channelSeller,
  decideChannel,
  peppolLookupNeeded,
} from "./channel-policy.ts";
import { courtesyCopyNotice } from "./courtesy-copy-notice.ts";

const BE_COMPANY = { country: "BE", vatStatus: "registered" } as const;

function input(
  overrides: Partial<ChannelPolicyInput> & { preferred?: "email" | "peppol" | "paper" },
): ChannelPolicyInput {
  const { preferred = "email", ...rest } = overrides;
  return {
    seller: BE_COMPANY,
    buyer: { ...BE_COMPANY, preferredChannel: preferred },
    reachability: "reachable",
    ownAccessPoint: "ready",
    issueDate: "2026-02-01",
    ...rest,
  };
}

describe("decideChannel", () => {
  const cases: [string, ChannelPolicyInput, string][] = [
    ["an in-scope customer on Peppol gets the invoice over Peppol", input({}), "send peppol be-b2b-mandate"],
    [
      "an in-scope customer not on Peppol is held and raised, not e-mailed",
      input({ reachability: "unreachable" }),
      "hold not-on-peppol be-b2b-mandate",
    ],
    [
      "an in-scope customer whose lookup failed is held until the lookup can be retried",
      input({ reachability: "unknown" }),
      "hold lookup-unavailable be-b2b-mandate",
    ],
    [
      "an in-scope customer who prefers paper still gets Peppol",
      input({ preferred: "paper" }),
      "send peppol be-b2b-mandate",
    ],
    [
      "a consumer gets e-mail even when the lookup says unreachable",
      input({
        buyer: { country: "BE", vatStatus: "none", preferredChannel: "email" },
        reachability: "unreachable",
      }),
      "send email buyer-not-vat-registered",
    ],
    [
      "a consumer who prefers paper gets paper",
      input({ buyer: { country: "BE", vatStatus: "none", preferredChannel: "paper" } }),
      "send paper buyer-not-vat-registered",
    ],
    [
      "a foreign company gets its preference",
      input({ buyer: { country: "NL", vatStatus: "registered", preferredChannel: "email" } }),
      "send email buyer-foreign",
    ],
    [
      "a foreign company that prefers Peppol and is reachable gets Peppol",
      input({ buyer: { country: "nl", vatStatus: "registered", preferredChannel: "peppol" } }),
      "send peppol buyer-foreign",
    ],
    [
      "a foreign company that prefers Peppol but is not reachable is held, not e-mailed",
      input({
        buyer: { country: "NL", vatStatus: "registered", preferredChannel: "peppol" },
        reachability: "unreachable",
      }),
      "hold preferred-peppol-unreachable buyer-foreign",
    ],
    [
      "a VAT-exempt buyer gets its preference",
      input({ buyer: { country: "BE", vatStatus: "exempt", preferredChannel: "email" } }),
      "send email buyer-exempt",
    ],
    [
      "a seller that is not Belgian VAT-registered is outside the mandate",
      input({ seller: { country: "BE", vatStatus: "exempt" } }),
      "send email seller-out-of-scope",
    ],
    [
      "an invoice issued the day before the mandate follows the preference",
      input({ issueDate: "2025-12-31", reachability: "unreachable" }),
      "send email before-mandate",
    ],
    [
      "an invoice issued on the first day of the mandate must go over Peppol",
      input({ issueDate: "2026-01-01", reachability: "unreachable" }),
      "hold not-on-peppol be-b2b-mandate",
    ],
    [
      "an in-scope customer is held, not e-mailed, when Peppol discovery is not configured",
      input({ reachability: "not-configured" }),
      "hold peppol-not-configured be-b2b-mandate",
    ],
    [
      "an in-scope customer on Peppol is held when facteur's own access point is not configured",
      input({ ownAccessPoint: "not-configured" }),
      "hold peppol-not-configured be-b2b-mandate",
    ],
    [
      "an in-scope customer whose lookup answer cannot be trusted is held for an operator",
      input({ reachability: "refused" }),
      "hold lookup-refused be-b2b-mandate",
    ],
    [
      "a consumer gets e-mail whatever the state of Peppol in facteur",
      input({
        buyer: { country: "BE", vatStatus: "none", preferredChannel: "email" },
        reachability: "not-configured",
        ownAccessPoint: "not-configured",
      }),
      "send email buyer-not-vat-registered",
    ],
    [
      "the mandate start is a parameter",
      input({ issueDate: "2026-01-01", mandateStart: "2026-06-01" }),
      "send email before-mandate",
    ],
  ];

  for (const [name, policyInput, expected] of cases) {
    it(name, () => {
      const decision = decideChannel(policyInput);
      const summary =
        decision.kind === "send"
          ? `send ${decision.channel} ${decision.scope}`
          : `hold ${decision.reason} ${decision.scope}`;
      expect(summary).toBe(expected);
      expect(decision.peppolRequired).toBe(decision.scope === "be-b2b-mandate");
      expect(decision.explanation.length).toBeGreaterThan(10);
    });
  }

  it("adds an e-mail copy that is not the legal invoice when an in-scope customer prefers e-mail", () => {
    const decision = decideChannel(input({ preferred: "email" }));
    expect(decision).toMatchObject({ kind: "send", channel: "peppol" });
    expect(decision.kind === "send" && decision.courtesyCopy).toEqual({
      channel: "email",
      legalInvoice: false,
    });
  });

  it("adds no e-mail copy when the customer prefers paper or Peppol", () => {
    for (const preferred of ["paper", "peppol"] as const) {
      const decision = decideChannel(input({ preferred }));
      expect(decision.kind === "send" && decision.courtesyCopy).toBeUndefined();
    }
  });

  it("adds no e-mail copy outside the mandate, where the e-mail is the legal invoice", () => {
    const decision = decideChannel(input({ issueDate: "2025-06-01" }));
    expect(decision).toMatchObject({ kind: "send", channel: "email" });
    expect(decision.kind === "send" && decision.courtesyCopy).toBeUndefined();
  });
});

describe("peppolLookupNeeded", () => {
  it("is needed inside the mandate and when the customer prefers Peppol, and nowhere else", () => {
    const scope = (overrides: Partial<ChannelPolicyInput> & { preferred?: "email" | "peppol" | "paper" }) => {
      const { reachability: _r, ownAccessPoint: _a, ...facts } = input(overrides);
      return peppolLookupNeeded(facts);
    };
    expect(scope({})).toBe(true);
    expect(scope({ issueDate: "2025-12-31" })).toBe(false);
    expect(scope({ issueDate: "2025-12-31", preferred: "peppol" })).toBe(true);
    expect(scope({ buyer: { country: "BE", vatStatus: "none", preferredChannel: "email" } })).toBe(false);
    expect(scope({ buyer: { country: "FR", vatStatus: "registered", preferredChannel: "peppol" } })).toBe(
      true,
    );
  });
});

describe("channelBuyer", () => {
  const customer = {
    vatNumber: "BE0123456749",
    address: { country: "BE" },
    preferredChannel: "email",
  } as unknown as Customer;

  it("treats a customer with a VAT number as registered and one without as not VAT-registered", () => {
    expect(channelBuyer(customer)).toEqual({
      country: "BE",
      vatStatus: "registered",
      preferredChannel: "email",
    });
    expect(channelBuyer({ ...customer, vatNumber: null }).vatStatus).toBe("none");
    expect(channelBuyer(customer, true).vatStatus).toBe("exempt");
  });
});

describe("channelSeller", () => {
  it("treats a seller with a VAT number as registered in its country", () => {
    const seller = {
      name: "S",
      peppolId: "0208:0123456749",
      iban: "BE68539007547034",
      address: { country: "BE" },
    };
    expect(channelSeller({ ...seller, vatNumber: "BE0123456749" })).toEqual({
      country: "BE",
      vatStatus: "registered",
    });
    expect(channelSeller(seller).vatStatus).toBe("none");
  });
});

describe("courtesyCopyNotice", () => {
  it("says in every language that the copy is not the legal invoice and names Peppol", () => {
    for (const [language, words] of [
      ["en", "not the legal invoice"],
      ["fr", "pas la facture légale"],
      ["nl", "niet de wettelijke factuur"],
      ["de", "nicht die rechtsgültige Rechnung"],
    ] as const) {
      expect(courtesyCopyNotice(language)).toContain(words);
      expect(courtesyCopyNotice(language)).toContain("Peppol");
    }
  });
});
