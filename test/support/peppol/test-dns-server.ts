import { createSocket, type RemoteInfo } from "node:dgram";
import type { AddressInfo } from "node:net";
import * as dnsPacket from "dns-packet";

/** One NAPTR record as the test server publishes it. */
export interface TestNaptr {
  readonly order?: number;
  readonly preference?: number;
  readonly flags?: string;
  readonly service?: string;
  readonly regexp: string;
}

/** How the server answers a name it is told to fail: an error code, or silence (the client times out). */
export type DnsFault = "SERVFAIL" | "REFUSED" | "drop";

/** A loopback DNS server answering NAPTR queries from a table; see {@link startTestDnsServer}. */
export interface TestDnsServer {
  /** `127.0.0.1:port`, for Resolver.setServers and FACTEUR_PEPPOL_DNS_SERVERS. */
  readonly server: string;
  /** Publishes the records of a name (replacing earlier ones). */
  setNaptr(name: string, records: readonly TestNaptr[]): void;
  /** Makes every query for `name` (or, with "*", for any name) fail; undefined lifts it. */
  fail(name: string, fault: DnsFault | undefined): void;
  /** Every name queried, in order, lower-cased. */
  readonly queries: string[];
  close(): Promise<void>;
}

const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;

/**
 * Starts an authoritative-only DNS server on 127.0.0.1 (random UDP port), built on dns-packet over node:dgram:
 * names in its table get their NAPTR records (other types: an empty answer), unknown names NXDOMAIN, and names told
 * to fail SERVFAIL, REFUSED or no answer at all. Enough of DNS for the SML side of Peppol discovery in tests.
 */
export async function startTestDnsServer(): Promise<TestDnsServer> {
  const table = new Map<string, readonly TestNaptr[]>();
  const faults = new Map<string, DnsFault>();
  const queries: string[] = [];
  const socket = createSocket("udp4");

  function answer(query: dnsPacket.DecodedPacket, remote: RemoteInfo): void {
    const question = query.questions?.[0];
    if (!question) return;
    const name = question.name.toLowerCase().replace(/\.$/, "");
    queries.push(name);
    const fault = faults.get(name) ?? faults.get("*");
    if (fault === "drop") return;
    const records = table.get(name);
    const rcode = fault ? RCODE[fault] : records ? RCODE.NOERROR : RCODE.NXDOMAIN;
    const answers: dnsPacket.Answer[] =
      rcode === RCODE.NOERROR && question.type === "NAPTR"
        ? (records ?? []).map((r) => ({
            type: "NAPTR",
            name: question.name,
            ttl: 60,
            data: {
              order: r.order ?? 100,
              preference: r.preference ?? 10,
              flags: r.flags ?? "U",
              services: r.service ?? "Meta:SMP",
              regexp: r.regexp,
              replacement: "",
            },
          }))
        : [];
    const response = dnsPacket.encode({
      type: "response",
      id: query.id ?? 0,
      flags: dnsPacket.AUTHORITATIVE_ANSWER | ((query.flags ?? 0) & dnsPacket.RECURSION_DESIRED) | rcode,
      questions: [question],
      answers,
    });
    socket.send(response, remote.port, remote.address);
  }

  socket.on("message", (message, remote) => {
    try {
      answer(dnsPacket.decode(message), remote);
    } catch {
      // A datagram that is not a DNS query gets no answer, as from a real server.
    }
  });
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  const { port } = socket.address() as AddressInfo;
  return {
    server: `127.0.0.1:${port}`,
    setNaptr: (name, records) => table.set(name.toLowerCase(), records),
    fail: (name, fault) =>
      fault ? faults.set(name.toLowerCase(), fault) : faults.delete(name.toLowerCase()),
    queries,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
