/**
 * Compares two strings by Unicode code point, the order both canonicalisation specs prescribe for namespace
 * declarations and attributes. Not `localeCompare` (which puts "eb" before "S12": the ordering bug of a popular
 * Node.js XML signature library, which also compared prefix and URI run together), and not plain `<`, which
 * compares UTF-16 code units and misorders characters above U+FFFF against those in U+E000..U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; ) {
    const left = a.codePointAt(index) ?? 0;
    const right = b.codePointAt(index) ?? 0;
    if (left !== right) return left - right;
    index += left > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}
