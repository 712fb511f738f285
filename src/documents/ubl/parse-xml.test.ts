import { describe, expect, it } from "vitest";
import { parseXml } from "./parse-xml.ts";
import type { XmlElement } from "./xml-element.ts";

function parsed(xml: string): XmlElement {
  const result = parseXml(xml);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function failure(xml: string) {
  const result = parseXml(xml);
  if (result.ok) throw new Error("expected the parse to fail");
  return result.error;
}

describe("parseXml", () => {
  it("resolves default and prefixed namespaces, and keeps declarations out of the attributes", () => {
    const root = parsed('<r xmlns="urn:a" xmlns:b="urn:b" id="1"><b:c/><d xmlns="urn:d"><e/></d><f/></r>');
    expect(root).toMatchObject({ ns: "urn:a", name: "r", attributes: { id: "1" } });
    expect(Object.keys(root.attributes)).toEqual(["id"]);
    expect(root.children.map((c) => [c.ns, c.name])).toEqual([
      ["urn:b", "c"],
      ["urn:d", "d"],
      ["urn:a", "f"],
    ]);
    expect(root.children[1]?.children[0]?.ns).toBe("urn:d");
  });

  it("keeps the text of an element exactly, with entities, character references and CDATA decoded", () => {
    const root = parsed("<r>\n  <a> A &amp; B &#xe9;</a><b>&lt;&#233;&#xE9;<![CDATA[<x> & y]]></b></r>");
    expect(root.children[0]?.text).toBe(" A & B é");
    expect(root.children[1]?.text).toBe("<éé<x> & y");
    expect(root.text).toBe("\n  ");
  });

  it("normalises line ends in text and white space in attribute values, as XML 1.0 requires", () => {
    const root = parsed('<r a="x\ty\nz">1\r\n2\r3</r>');
    expect(root.attributes.a).toBe("x y z");
    expect(root.text).toBe("1\n2\n3");
  });

  it("gives every element its own children and attributes, empty ones included", () => {
    const root = parsed('<r><a/><b x="1"/><c><d/></c></r>');
    expect(root.children.map((c) => c.children.length)).toEqual([0, 0, 1]);
    expect(root.children.map((c) => Object.keys(c.attributes))).toEqual([[], ["x"], []]);
    expect(Object.isFrozen(root.children[0]?.children)).toBe(true);
  });

  it.each([
    ["a mismatched end tag", "<r><a></b></r>"],
    ["an unclosed element", "<r><a></a>"],
    ["a duplicate attribute", '<r a="1" a="2"/>'],
    ["an undefined entity", "<r>&nbsp;</r>"],
    ["a reference to a character XML forbids", "<r>&#0;</r>"],
    ["a bare ampersand", "<r>a & b</r>"],
    ["text after the root", "<r/>junk"],
    ["a second root", "<r/><s/>"],
    ["an attribute without quotes", "<r a=1/>"],
    ["an undeclared element prefix", "<p:r/>"],
  ])("refuses %s as not-xml", (_what, xml) => {
    expect(failure(xml).code).toBe("not-xml");
  });

  it("says where the XML is broken, line and column, without repeating them in the message", () => {
    const error = failure("<r>\n  <a>\n</r>");
    expect(error.location).toMatch(/^line 3, column \d+$/);
    expect(error.message).toMatch(/^not well-formed XML: [a-z]/);
  });

  it("refuses nesting deeper than 100 levels and accepts 100", () => {
    const nested = (depth: number) => `${"<x>".repeat(depth)}${"</x>".repeat(depth)}`;
    expect(parseXml(nested(100)).ok).toBe(true);
    expect(failure(nested(101)).message).toContain("nested deeper than 100 levels");
  });
});
