/**
 * WCAG 2.2 contrast ratio between two sRGB colours given as hex (`#rgb` or `#rrggbb`).
 * See https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio and #dfn-relative-luminance.
 */

/** Parses `#rgb` or `#rrggbb` (case-insensitive) into 0–255 channels; throws a TypeError otherwise. */
export function parseHex(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!match?.[1]) throw new TypeError(`Not a hex colour: ${JSON.stringify(hex)}`);
  const digits = match[1].length === 3 ? [...match[1]].map((digit) => digit + digit).join('') : match[1];
  return [0, 2, 4].map((start) => parseInt(digits.slice(start, start + 2), 16)) as [number, number, number];
}

/** One sRGB channel (0–255) linearised, with the WCAG threshold 0.04045. */
function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance: 0 for black, 1 for white. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** (lighter + 0.05) / (darker + 0.05): from 1 (same colour) to 21 (black on white). Order does not matter. */
export function contrastRatio(hexA: string, hexB: string): number {
  const [lighter, darker] = [relativeLuminance(hexA), relativeLuminance(hexB)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (lighter + 0.05) / (darker + 0.05);
}

export const BLACK = '#000000';
export const WHITE = '#ffffff';

/**
 * Black or white, whichever contrasts more with the background. Pure black and white guarantee at least
 * √21 ≈ 4.58:1 on any background, so text in the returned colour always meets WCAG 1.4.3 (4.5:1).
 */
export function textColourOn(background: string): typeof BLACK | typeof WHITE {
  return contrastRatio(background, BLACK) >= contrastRatio(background, WHITE) ? BLACK : WHITE;
}
