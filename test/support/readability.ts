import { flesch } from 'flesch';
import { syllable } from 'syllable';

/**
 * Flesch reading ease of plain text or simple Markdown.
 *
 * How text is split:
 * - Markdown is reduced to plain text first: link targets, emphasis marks, heading hashes and list markers go.
 * - Every line that is a heading or a list item is its own sentence, whether or not it ends with a full stop,
 *   because a reader takes it in as one unit. Blank lines end paragraphs.
 * - Inside a paragraph, a sentence ends at ".", "!", "?" or ":" followed by a space or the end of the text.
 * - A word is a run of letters, digits, apostrophes or hyphens; hyphenated words count as one word, and their
 *   syllables are counted part by part.
 */
export interface Readability {
  readonly score: number;
  readonly sentences: number;
  readonly words: number;
  readonly syllables: number;
}

export function plainSentences(markdown: string): string[] {
  const units: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) units.push(paragraph.join(' '));
    paragraph = [];
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`]/g, '')
      .trim();
    if (line === '') {
      flush();
    } else if (/^#{1,6}\s/.test(line) || /^([-+]|\d+\.)\s/.test(line)) {
      flush();
      units.push(line.replace(/^(#{1,6}|[-+]|\d+\.)\s+/, ''));
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return units.flatMap((unit) =>
    unit
      .split(/(?<=[.!?:])\s+/)
      .map((sentence) => sentence.trim())
      .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence)),
  );
}

export function readability(markdown: string): Readability {
  const sentences = plainSentences(markdown);
  const words = sentences
    .flatMap((sentence) => sentence.match(/[\p{L}\p{N}'’-]+/gu) ?? [])
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  const syllables = words.reduce(
    (total, word) =>
      total +
      word
        .split('-')
        .filter((part) => part !== '')
        .reduce((sum, part) => sum + Math.max(1, syllable(part)), 0),
    0,
  );
  const counts = { sentence: sentences.length, word: words.length, syllable: syllables };
  return {
    score: words.length === 0 ? 100 : flesch(counts),
    sentences: counts.sentence,
    words: counts.word,
    syllables,
  };
}
