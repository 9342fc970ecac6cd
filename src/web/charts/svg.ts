/** Small helpers shared by the chart builders: numbers, attributes, wrapped text and the root element. */
import { escapeXml } from './escape-xml.js';

/** A coordinate or length rounded to 2 decimals, without a trailing ".00" or a negative zero. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A median for people to read: "3", "2.5", "2.75"; "–" (en dash) for no data. */
export function formatValue(value: number | null): string {
  return value === null ? '–' : String(Math.round(value * 100) / 100);
}

export type Attributes = Record<string, string | number | undefined>;

/** ` name="value"` pairs, every value escaped; numbers go through `num`; undefined values are left out. */
export function attrs(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(typeof value === 'number' ? num(value) : value)}"`)
    .join('');
}

/** Splits text into lines of at most `maxChars` characters at spaces; a longer word gets a line of its own. */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A `<text>` with one `<tspan>` per line, the first line's baseline at `y`. */
export function textBlock(
  lines: readonly string[],
  x: number,
  y: number,
  lineHeight: number,
  extra: Attributes = {},
) {
  const spans = lines
    .map((line, index) => `<tspan${attrs({ x, y: y + index * lineHeight })}>${escapeXml(line)}</tspan>`)
    .join('');
  return `<text${attrs(extra)}>${spans}</text>`;
}

/** Checks an id prefix: a letter, then letters, digits, hyphens or underscores (safe in ids and IDREFs). */
export function checkIdPrefix(id: string): string {
  if (!/^[A-Za-z][\w-]*$/.test(id)) {
    throw new TypeError(
      `Chart id must start with a letter and use only letters, digits, - and _: ${JSON.stringify(id)}`,
    );
  }
  return id;
}

export interface RootOptions {
  readonly id: string;
  readonly className: string;
  readonly title: string;
  readonly description: string;
  readonly width: number;
  readonly height: number;
  readonly body: readonly string[];
}

/**
 * The root `<svg>`: an image named by its `<title>` and described by its `<desc>`, scaling to its container
 * (a viewBox and no fixed width), not focusable, and text in the page's own colour (`currentColor`).
 */
export function svgRoot({ id, className, title, description, width, height, body }: RootOptions): string {
  const root = attrs({
    xmlns: 'http://www.w3.org/2000/svg',
    class: className,
    viewBox: `0 0 ${num(width)} ${num(height)}`,
    role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`,
    focusable: 'false',
    id,
    fill: 'currentColor',
    'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
    'font-size': 14,
  });
  return [
    `<svg${root}>`,
    `<title${attrs({ id: `${id}-title` })}>${escapeXml(title)}</title>`,
    `<desc${attrs({ id: `${id}-desc` })}>${escapeXml(description)}</desc>`,
    ...body,
    '</svg>',
  ].join('\n');
}
