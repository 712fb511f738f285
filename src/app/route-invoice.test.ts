import { describe, expect, it } from "vitest";
import { buildCustomer } from "../../test/support/build-customer.ts";
import {
  BIS_CREDIT_NOTE_DOCUMENT_TYPE,
  BIS_INVOICE_DOCUMENT_TYPE,
} from "../core/peppol/peppol-identifiers.ts";
import type { ParticipantLookup, ParticipantQuery } from "./ports/participant-directory.ts";
import {
  type InvoiceToRoute,
  participantOf,
  type RoutedInvoice,
  type RouteInvoiceDeps,
  routeInvoices,
} from "./route-invoice.ts";

const BE_COMPANY = buildCustomer("C1", { enterpriseNumber: "0123456749", vatNumber: "BE0123456749" });
const CONSUMER = buildCustomer("C2");

const REACHABLE = {
  kind: "reachable",
  participant: "0208:0123456749",
  tried: ["0208:0123456749"],
  smpUrl: "https://smp.test/",
  documentTypes: [BIS_INVOICE_DOCUMENT_TYPE],
  endpoint: {
    url: "https://ap.test/as4",
    transportProfile: "peppol-transport-as4-v2_0",
    certificate: {
      pem: "-----BEGIN CERTIFICATE-----\n…",
      subject: "CN=POP000002",
      issuer: "CN=AP CA",
      serialNumber: "0A",
      validFrom: "2026-01-01T00:00:00.000Z",
      validTo: "2028-01-01T00:00:00.000Z",
    },
  },
} satisfies ParticipantLookup;

/** A directory that answers from a table and remembers what it was asked: a fake beside the real DNS/SMP tests. */
function directory(answer: ParticipantLookup) {
  const asked: ParticipantQuery[] = [];
  return {
    asked,
    lookup: async (query: ParticipantQuery) => {
      asked.push(query);
      return answer;
    },
  };
}

function deps(overrides: Partial<RouteInvoiceDeps> = {}): RouteInvoiceDeps {
  return {
    seller: { country: "BE", vatStatus: "registered" },
    directory: directory(REACHABLE),
    ownAccessPoint: "ready",
    ...overrides,
  };
}

const invoice = (customer = BE_COMPANY, issueDate = "2026-03-01") => ({
  kind: "invoice" as const,
  issueDate,
  customer,
});

/** One invoice routed alone. */
async function routeInvoice(routeDeps: RouteInvoiceDeps, one: InvoiceToRoute): Promise<RoutedInvoice> {
  const [routed] = await routeInvoices(routeDeps, [one]);
  if (routed === undefined) throw new Error("no decision");
  return routed;
}

describe("routeInvoices, one invoice", () => {
  it("sends an in-scope invoice over Peppol and keeps the lookup as evidence, without the certificate's PEM", async () => {
    const routed = await routeInvoice(deps(), invoice());
    expect(routed.decision).toMatchObject({ kind: "send", channel: "peppol", scope: "be-b2b-mandate" });
    expect(routed.participant).toBe("0208:0123456749");
    expect(routed.lookup).toMatchObject({
      kind: "reachable",
      endpoint: { url: "https://ap.test/as4" },
      certificate: { subject: "CN=POP000002", serialNumber: "0A" },
    });
    expect(JSON.stringify(routed.lookup)).not.toContain("BEGIN CERTIFICATE");
  });

  it("looks a credit note up under the credit note document type", async () => {
    const fake = directory(REACHABLE);
    await routeInvoice(deps({ directory: fake }), { ...invoice(), kind: "credit-note" });
    expect(fake.asked.map((q) => q.documentType)).toEqual([BIS_CREDIT_NOTE_DOCUMENT_TYPE]);
  });

  it("never looks a consumer up: the invoice goes by its preference at once", async () => {
    const fake = directory(REACHABLE);
    const routed = await routeInvoice(deps({ directory: fake }), invoice(CONSUMER));
    expect(routed).toMatchObject({
      decision: { kind: "send", channel: "email" },
      participant: null,
      lookup: null,
    });
    expect(fake.asked).toEqual([]);
  });

  it("holds an in-scope invoice when discovery is not configured, and when the own access point is not", async () => {
    expect((await routeInvoice(deps({ directory: null }), invoice())).decision).toMatchObject({
      kind: "hold",
      reason: "peppol-not-configured",
    });
    expect(
      (await routeInvoice(deps({ ownAccessPoint: "not-configured" }), invoice())).decision,
    ).toMatchObject({
      kind: "hold",
      reason: "peppol-not-configured",
    });
  });

  it("maps every lookup outcome to the policy's reachability", async () => {
    const outcomes: [ParticipantLookup, string][] = [
      [{ kind: "not-registered", tried: ["0208:0123456749", "9925:be0123456749"] }, "not-on-peppol"],
      [
        {
          kind: "document-type-not-supported",
          participant: "0208:0123456749",
          tried: ["0208:0123456749"],
          smpUrl: "https://smp.test/",
          documentTypes: [],
          reason: "no ServiceMetadata for the document type",
        },
        "not-on-peppol",
      ],
      [
        { kind: "refused", participant: "0208:0123456749", tried: [], reason: "bad signature" },
        "lookup-refused",
      ],
      [{ kind: "try-later", tried: [], reason: "SERVFAIL" }, "lookup-unavailable"],
    ];
    for (const [answer, reason] of outcomes) {
      const routed = await routeInvoice(deps({ directory: directory(answer) }), invoice());
      expect(routed.decision).toMatchObject({ kind: "hold", reason });
      expect(routed.lookup).toMatchObject({ kind: answer.kind });
    }
  });

  it("counts an in-scope customer without any identifier as unreachable, with the reason kept", async () => {
    const anonymous = buildCustomer("C3", { vatNumber: "BE0123456749", enterpriseNumber: null });
    expect(participantOf(anonymous)).toBe("0208:0123456749");
    const noId = { ...anonymous, vatNumber: null, preferredChannel: "peppol" as const };
    const routed = await routeInvoice(deps(), invoice(noId));
    expect(routed.decision).toMatchObject({ kind: "hold", reason: "preferred-peppol-unreachable" });
    expect(routed.lookup).toMatchObject({ kind: "no-participant-id" });
  });

  it("prefers the customer's registered Peppol id", () => {
    expect(participantOf({ ...BE_COMPANY, peppolId: "9925:be0123456749" })).toBe("9925:be0123456749");
  });

  it("follows the preference for an invoice issued before the mandate", async () => {
    const routed = await routeInvoice(deps({ directory: null }), invoice(BE_COMPANY, "2025-12-31"));
    expect(routed.decision).toMatchObject({ kind: "send", channel: "email", scope: "before-mandate" });
  });
});

describe("routeInvoices", () => {
  /** Twenty Belgian companies, each with two invoices and a credit note, interleaved as a batch would read them. */
  const companies = Array.from({ length: 20 }, (_, n) =>
    buildCustomer(`B${n}`, { vatNumber: "BE0123456749", peppolId: `0208:${1000 + n}` }),
  );
  const batch = [0, 1, 2].flatMap((round) =>
    companies.map((customer) => ({
      kind: round === 2 ? ("credit-note" as const) : ("invoice" as const),
      issueDate: `2026-03-0${round + 1}`,
      customer,
    })),
  );

  /**
   * A directory that counts the look-ups in flight and every query it gets; each answer waits for a later turn of
   * the event loop, so look-ups made at once overlap. Even-numbered participants are reachable, odd ones are not.
   */
  function countingDirectory() {
    const asked: string[] = [];
    let inFlight = 0;
    let most = 0;
    return {
      asked,
      most: () => most,
      lookup: async (query: ParticipantQuery): Promise<ParticipantLookup> => {
        asked.push(`${query.participant} ${query.documentType}`);
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
        const reachable = Number(query.participant.slice(-1)) % 2 === 0;
        return reachable
          ? { ...REACHABLE, participant: query.participant, tried: [query.participant] }
          : { kind: "not-registered", tried: [query.participant] };
      },
    };
  }

  it("looks each distinct participant and document type up once, eight at a time", async () => {
    const fake = countingDirectory();
    await routeInvoices(deps({ directory: fake }), batch);
    expect(fake.asked).toHaveLength(40);
    expect(new Set(fake.asked).size).toBe(40);
    expect(fake.most()).toBe(8);
  });

  it("gives each invoice its own participant's decision, in the invoices' order", async () => {
    const routed = await routeInvoices(deps({ directory: countingDirectory() }), batch);
    expect(routed).toHaveLength(batch.length);
    for (const [i, { decision, participant, lookup }] of routed.entries()) {
      const expected = batch[i]?.customer.peppolId;
      expect(participant).toBe(expected);
      const reachable = Number(expected?.slice(-1)) % 2 === 0;
      expect(decision).toMatchObject(
        reachable ? { kind: "send", channel: "peppol" } : { kind: "hold", reason: "not-on-peppol" },
      );
      expect(lookup).toMatchObject({ tried: [expected] });
    }
  });

  it("decides each invoice of a batch as it would alone", async () => {
    const mixed = [invoice(), invoice(CONSUMER), invoice(BE_COMPANY, "2025-12-31")];
    const one = await Promise.all(mixed.map((i) => routeInvoice(deps(), i)));
    expect(await routeInvoices(deps(), mixed)).toEqual(one);
  });
});
