/**
 * Readability of the text people read first: every guidance article (body and summary) and every indicator
 * statement and level description in the framework. The score is Flesch reading ease from the `flesch`
 * package, with syllables counted by `syllable`; test/support/readability.ts says how text is split into
 * sentences and words. A score of 60 or more is plain English for most adults.
 *
 * At most one text in ten may score below 60, and each such text must say why: a guidance article in its
 * `readabilityException` front matter, a framework text in `frameworkExceptions` below (the framework schema
 * has no field for it).
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { indicatorsFor, type Framework } from '../../src/domain/framework/framework.js';
import type { GuidanceArticle } from '../../src/domain/guidance/guidance.js';
import { contentDir, loadFramework, loadFrameworks } from '../../src/interchange/framework-content.js';
import { loadGuidance } from '../../src/interchange/guidance-content.js';
import { plainSentences, readability } from '../support/readability.js';

const threshold = 60;

/** Framework texts allowed below the threshold, keyed like "SF1 level 3", with the reason. None yet. */
const frameworkExceptions: Readonly<Record<string, string>> = {};

interface Scored {
  readonly name: string;
  readonly score: number;
  readonly exception?: string;
}

let texts: Scored[];

beforeAll(async () => {
  const framework: Framework = await loadFramework(path.join(contentDir, 'framework', 'v1.yaml'));
  const versions = [...(await loadFrameworks(path.join(contentDir, 'framework'))).values()];
  const articles: GuidanceArticle[] = await loadGuidance(path.join(contentDir, 'guidance'), framework);
  texts = [
    ...articles.flatMap((article) => [
      {
        name: `guidance ${article.slug} body`,
        score: readability(article.markdown).score,
        exception: article.readabilityException,
      },
      {
        name: `guidance ${article.slug} summary`,
        score: readability(article.summary).score,
        exception: article.readabilityException,
      },
    ]),
    // Every version in the content folder: a later version's changed wording is scored too.
    ...versions
      .flatMap((version) =>
        indicatorsFor(version, 'full').flatMap((indicator) => [
          { name: `${indicator.code} statement`, text: indicator.statement, version: version.version },
          ...indicator.levels.map((level) => ({
            name: `${indicator.code} level ${level.level}`,
            text: level.description,
            version: version.version,
          })),
        ]),
      )
      .filter(
        (entry, index, all) =>
          all.findIndex((other) => other.name === entry.name && other.text === entry.text) === index,
      )
      .map((entry) => ({
        ...entry,
        name: entry.version === framework.version ? entry.name : `${entry.name} (${entry.version})`,
      }))
      .map(({ name, text }) => ({
        name,
        score: readability(text).score,
        exception: frameworkExceptions[name],
      })),
  ];
});

describe('the readability measure', () => {
  it.each([
    [
      'a heading and list items are sentences of their own',
      '## Pay on time\n\n- Pay early\n- Pay in full.',
      ['Pay on time', 'Pay early', 'Pay in full.'],
    ],
    [
      'a paragraph splits at full stops, question marks and colons',
      'We met. Did it help? Yes: a lot!',
      ['We met.', 'Did it help?', 'Yes:', 'a lot!'],
    ],
    ['links and emphasis keep only their words', 'See **our** [guide](/guidance/x).', ['See our guide.']],
    ['lines of one paragraph join up', 'One long\nsentence here.', ['One long sentence here.']],
  ])('%s', (_name, markdown, sentences) => {
    expect(plainSentences(markdown)).toEqual(sentences);
  });

  it('scores short plain sentences high and long dense ones low', () => {
    expect(readability('The cat sat on the mat. It was warm.').score).toBeGreaterThan(90);
    expect(
      readability(
        'Notwithstanding organisational considerations, comprehensive intersectoral collaboration necessitates institutionalised governance arrangements.',
      ).score,
    ).toBeLessThan(0);
  });
});

describe('readability of the content', () => {
  it(`scores at least ${threshold} for at least nine texts in ten`, () => {
    const below = texts.filter((t) => t.score < threshold);
    // 2026.2 rewords three statements; its unchanged texts are scored once, with 2026.1.
    expect(texts.length).toBe(7 * 2 + 24 * 5 + 3);
    expect(below.length, below.map((t) => `${t.name}: ${t.score.toFixed(1)}`).join('\n')).toBeLessThanOrEqual(
      Math.floor(texts.length / 10),
    );
  });

  it(`explains every text below ${threshold} in its content file`, () => {
    const unexplained = texts.filter((t) => t.score < threshold && !t.exception?.trim());
    expect(unexplained.map((t) => `${t.name}: ${t.score.toFixed(1)}`)).toEqual([]);
  });

  it('keeps every exception current: a text with an exception does score below the threshold', () => {
    const stale = texts.filter((t) => t.exception !== undefined && t.score >= threshold).map((t) => t.name);
    expect(stale).toEqual([]);
    for (const name of Object.keys(frameworkExceptions)) expect(texts.map((t) => t.name)).toContain(name);
  });

  it('reports the lowest scores', () => {
    const lowest = [...texts].sort((a, b) => a.score - b.score).slice(0, 5);
    console.info(
      `Lowest reading ease:\n${lowest.map((t) => `  ${t.score.toFixed(1)} ${t.name}`).join('\n')}`,
    );
    expect(lowest).toHaveLength(5);
  });
});
