/** A4 in points, the printable frame and the footer line. Every drawing function places text inside this frame. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  left: 40,
  right: 555.28,
  top: 40,
  /** Content stops here; the footer sits below. */
  bottom: 780,
  footer: 800,
} as const;

/** Width between the margins. */
export const CONTENT_WIDTH = PAGE.right - PAGE.left;

/** Sober colours that print well in grey. */
export const COLORS = {
  text: "#1a1a1a",
  muted: "#5f6368",
  rule: "#c9cdd2",
  band: "#eef1f4",
  accent: "#1f3a5f",
  copy: "#c0392b",
} as const;

/** Font sizes in points. */
export const SIZE = { title: 20, name: 12, body: 9, small: 7.5, table: 8.5 } as const;
