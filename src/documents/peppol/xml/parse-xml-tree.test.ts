import { describe, expect, it } from "vitest";
import { parseXmlTree } from "./parse-xml-tree.ts";
import type { XmlTreeElement } from "./xml-tree.ts";

function root(xml: string): XmlTreeElement {
  const parsed = parseXmlTree(xml);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.root;
}

function failure(xml: string): string {
  const parsed = parseXmlTree(xml);
  return parsed.ok ? "" : parsed.error.message;
}

describe("parseXmlTree", () => {
  it("keeps prefixes, namespace declarations and attributes in document order", () => {
    const element = root('<a:r xmlns:b="urn:b" xmlns:a="urn:a" z="1" b:y="2" a:x="3"/>');
    expect(element).toMatchObject({ qname: "a:r", prefix: "a", localName: "r", ns: "urn:a" });
    expect(element.declarations).toEqual([
      { prefix: "b", uri: "urn:b" },
      { prefix: "a", uri: "urn:a" },
    ]);
    expect(element.attributes.map((a) => `${a.qname}@${a.ns}`)).toEqual(["z@", "b:y@urn:b", "a:x@urn:a"]);
  });

  it("keeps whitespace text, comments and processing instructions, and merges CDATA into text", () => {
    const element = root("<r>\n  <!-- note --><?pi data?><![CDATA[a<b]]>&amp;c\n</r>");
    expect(element.children).toEqual([
      { kind: "text", value: "\n  " },
      { kind: "comment", value: " note " },
      { kind: "pi", target: "pi", data: "data" },
      { kind: "text", value: "a<b&c\n" },
    ]);
  });

  it("normalises line ends to LF and literal white space in attribute values, but not character references", () => {
    const element = root('<r a="x\ty\r\nz" b="&#9;&#10;&#13;">1\r\n2\r3</r>');
    expect(element.attributes.map((a) => a.value)).toEqual(["x y z", "\t\n\r"]);
    expect(element.children).toEqual([{ kind: "text", value: "1\n2\n3" }]);
  });

  it("resolves the default namespace for elements but not for unprefixed attributes", () => {
    const element = root('<r xmlns="urn:d" a="1"><c xmlns=""/></r>');
    expect(element.ns).toBe("urn:d");
    expect(element.attributes[0]?.ns).toBe("");
    expect((element.children[0] as XmlTreeElement).ns).toBe("");
  });

  it("keeps the comments and instructions around the document element", () => {
    const parsed = parseXmlTree('<?xml version="1.0"?>\n<?a b?>\n<!--c-->\n<r/>\n<!--d-->\n');
    expect(parsed.ok && [parsed.value.before.length, parsed.value.after.length]).toEqual([2, 1]);
  });

  it("refuses what is not namespace-well-formed XML", () => {
    expect(failure("<a:r/>")).toContain('prefix "a"');
    expect(failure("<r><s></r>")).toContain("</r> does not close <s>");
    expect(failure('<r a="1" a="2"/>')).toContain("twice");
    expect(failure('<r xmlns:p="urn:x" xmlns:q="urn:x" p:a="1" q:a="2"/>')).toContain("twice");
    expect(failure("<r/><s/>")).toContain("second root");
    expect(failure("<r/>text")).toContain("text outside");
    expect(failure("<r>")).toContain("not closed");
    expect(failure('<r xmlns:p=""/>')).toContain("not allowed");
    expect(failure("<r>&nbsp;</r>")).toContain("&nbsp;");
    expect(failure("<r><!-- a -- b --></r>")).toContain("--");
    expect(failure("")).toContain("no root element");
  });

  it("refuses DOCTYPE declarations and elements nested too deeply", () => {
    expect(parseXmlTree('<!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>')).toMatchObject({
      ok: false,
      error: { code: "doctype-refused" },
    });
    expect(failure(`${"<a>".repeat(101)}${"</a>".repeat(101)}`)).toContain("deeper than 100");
  });

  it("gives the line and column of a syntax error", () => {
    const parsed = parseXmlTree("<r>\n  <s>\n</r>");
    expect(parsed.ok ? "" : parsed.error.location).toBe("line 3, column 1");
  });
});
