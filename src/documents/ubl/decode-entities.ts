/** A reference to an entity that XML without a DTD does not define. */
export class UndefinedEntityError extends Error {}

const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
]);
const REFERENCE = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([^;&\s]*));/g;

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/**
 * Decodes the five predefined entities and character references (the parser's own entity processing is off).
 * Throws {@link UndefinedEntityError} for any other entity, or a reference to a character XML 1.0 forbids.
 */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(
    REFERENCE,
    (whole, hex: string | undefined, decimal: string | undefined, name: string) => {
      if (hex !== undefined || decimal !== undefined) {
        const code = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(decimal ?? "", 10);
        if (!isXmlChar(code)) throw new UndefinedEntityError(`${whole} is not a character XML allows`);
        return String.fromCodePoint(code);
      }
      const value = PREDEFINED.get(name);
      if (value === undefined) throw new UndefinedEntityError(`the entity ${whole} is not defined`);
      return value;
    },
  );
}
