import type { DkimDnsRecord } from "../dkim-dns-record.ts";

/**
 * A DNS resolver for mailauth that knows only the given DKIM records (TXT, each split into 255-octet strings as a
 * real resolver returns them) and answers ENOTFOUND for everything else, so verification never touches the network.
 */
export function dnsStub(
  records: readonly DkimDnsRecord[],
): (name: string, type: string) => Promise<string[][]> {
  return async (name, type) => {
    const record = records.find((r) => r.name.toLowerCase() === name.toLowerCase());
    if (type === "TXT" && record !== undefined) return [record.value.match(/.{1,255}/g) ?? []];
    throw Object.assign(new Error(`no ${type} record for ${name} in the stub`), { code: "ENOTFOUND" });
  };
}
