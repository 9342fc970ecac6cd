import { compile } from 'html-to-text';

const convert = compile({
  wordwrap: false as const,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
      selector,
      options: { uppercase: false },
    })),
  ],
});

/**
 * HTML (or text with HTML entities) as safe plain text: tags dropped, scripts and images left out, entities
 * decoded, non-breaking spaces made ordinary, runs of blank lines reduced to one, ends trimmed.
 * Text with no tags or entities comes back trimmed but otherwise unchanged.
 */
export function toPlainText(html: string | null | undefined): string {
  if (!html) return '';
  const text = /<[a-z!/]|&[#a-z0-9]+;/i.test(html) ? convert(html) : html;
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
