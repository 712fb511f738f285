import { describe, expect, it } from "vitest";
import { parseXml } from "../../ubl/parse-xml.ts";
import { pathOf, walk } from "./xml-node.ts";

describe("walk and pathOf", () => {
  it("visits every element in document order and numbers only same-named siblings in paths", () => {
    const parsed = parseXml(
      `<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
        xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
        xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
        <cbc:Note>a</cbc:Note><cac:InvoiceLine><cbc:ID>1</cbc:ID></cac:InvoiceLine><cbc:Note>b</cbc:Note>
        <cac:InvoiceLine><cbc:ID>2</cbc:ID><cbc:Note>c</cbc:Note></cac:InvoiceLine></Invoice>`,
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const paths: string[] = [];
    walk(parsed.value, (node) => paths.push(pathOf(node)));
    expect(paths).toEqual([
      "/Invoice",
      "/Invoice/cbc:Note[1]",
      "/Invoice/cac:InvoiceLine[1]",
      "/Invoice/cac:InvoiceLine[1]/cbc:ID",
      "/Invoice/cbc:Note[2]",
      "/Invoice/cac:InvoiceLine[2]",
      "/Invoice/cac:InvoiceLine[2]/cbc:ID",
      "/Invoice/cac:InvoiceLine[2]/cbc:Note",
    ]);
  });
});
