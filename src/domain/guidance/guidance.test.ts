import { describe, expect, it } from 'vitest';
import {
  guidanceForIndicator,
  guidanceThemes,
  indicatorsWithoutGuidance,
  relatedGuidance,
  searchGuidance,
  themeLabel,
  wordsOf,
  type GuidanceArticle,
  type GuidanceQuery,
} from './guidance.js';

function article(slug: string, fields: Partial<GuidanceArticle> = {}): GuidanceArticle {
  return {
    slug,
    title: `Title of ${slug}`,
    summary: 'A summary.',
    principles: [],
    indicators: [],
    themes: [],
    audience: ['officers'],
    lastReviewed: '2026-11-25',
    suggestedActions: [],
    markdown: '',
    html: '',
    text: '',
    ...fields,
  };
}

const library = [
  article('fuel', {
    title: 'Keeping warm this winter',
    summary: 'Energy help for community buildings.',
    text: 'Insulation grants and boilers. Warm spaces open every day.',
    principles: ['CR'],
    indicators: ['CR5'],
    themes: ['fuel-and-energy', 'warm-and-welcoming-spaces'],
    audience: ['officers', 'vcs-leaders'],
  }),
  article('faith', {
    title: 'Working with Faith Groups',
    summary: 'Trust and fair funding.',
    text: 'Mosques, churches and temples run food banks.',
    principles: ['SF', 'CR'],
    indicators: ['SF5', 'CR3'],
    themes: ['faith-and-belief-communities', 'food'],
    audience: ['faith-leaders'],
  }),
  article('funding', {
    title: 'Funding together',
    summary: "Don't compete for the same pots.",
    text: 'Joint bids and a shared pipeline of funding.',
    principles: ['CR', 'ES'],
    indicators: ['CR4', 'CR5'],
    themes: ['volunteering'],
    audience: ['vcs-leaders', 'commissioners'],
  }),
  article('workshop', {
    title: 'Running a workshop',
    text: 'Agenda and ground rules.',
    principles: ['RC'],
    indicators: ['RC6'],
    themes: ['volunteering'],
    audience: ['lead-members'],
  }),
];

const slugs = (articles: readonly GuidanceArticle[]) => articles.map((a) => a.slug);

describe('searchGuidance', () => {
  const cases: [string, GuidanceQuery, string[]][] = [
    ['an empty query finds everything, in library order', {}, ['fuel', 'faith', 'funding', 'workshop']],
    ['blank text is ignored', { text: '   ' }, ['fuel', 'faith', 'funding', 'workshop']],
    ['a word in a title, any case', { text: 'FAITH' }, ['faith']],
    ['a word in a summary', { text: 'pots' }, ['funding']],
    ['a word in the body', { text: 'boilers' }, ['fuel']],
    ['the start of a word', { text: 'fund' }, ['faith', 'funding']],
    ['every word must be found', { text: 'warm insulation' }, ['fuel']],
    ['words in different fields together', { text: 'keeping boilers' }, ['fuel']],
    ['a word nowhere finds nothing', { text: 'zebra' }, []],
    ['punctuation is ignored', { text: 'food, banks!' }, ['faith']],
    ['an apostrophe inside a word', { text: "don't" }, ['funding']],
    ['the principle filter', { principle: 'CR' }, ['fuel', 'faith', 'funding']],
    ['the principle filter in any case', { principle: 'es' }, ['funding']],
    ['the theme filter', { theme: 'volunteering' }, ['funding', 'workshop']],
    ['the audience filter', { audience: 'vcs-leaders' }, ['fuel', 'funding']],
    ['filters and text together', { principle: 'CR', audience: 'vcs-leaders', text: 'bids' }, ['funding']],
    ['filters that nothing meets', { theme: 'food', audience: 'officers' }, []],
    [
      'an empty filter is ignored',
      { principle: '', theme: '', audience: '' },
      ['fuel', 'faith', 'funding', 'workshop'],
    ],
  ];
  it.each(cases)('%s', (_name, query, expected) => {
    expect(slugs(searchGuidance(library, query))).toEqual(expected);
  });
});

describe('relatedGuidance', () => {
  const byslug = (slug: string) => library.find((a) => a.slug === slug) as GuidanceArticle;
  const cases: [string, string, number, string[]][] = [
    // fuel shares CR5 (3) + CR (1) with funding, CR (1) with faith, nothing with workshop.
    ['ranked by shared indicators, themes and principles', 'fuel', 3, ['funding', 'faith']],
    // funding: fuel 3+1=4, faith 1 (CR), workshop 2 (volunteering theme).
    ['a shared theme outranks a shared principle', 'funding', 3, ['fuel', 'workshop', 'faith']],
    ['the limit is kept', 'funding', 1, ['fuel']],
    ['a limit of zero gives nothing', 'funding', 0, []],
    ['articles sharing nothing are left out', 'workshop', 3, ['funding']],
  ];
  it.each(cases)('%s', (_name, slug, limit, expected) => {
    expect(slugs(relatedGuidance(byslug(slug), library, limit))).toEqual(expected);
  });

  it('never lists the article itself', () => {
    for (const a of library) expect(slugs(relatedGuidance(a, library, 10))).not.toContain(a.slug);
  });
});

describe('helpers', () => {
  it.each([
    ['fuel-and-energy', 'Fuel and energy'],
    ['food', 'Food'],
    ['money-debt-and-benefits-advice', 'Money debt and benefits advice'],
  ])('themeLabel(%s) is %s', (theme, label) => {
    expect(themeLabel(theme)).toBe(label);
  });

  it('wordsOf lower-cases and drops punctuation', () => {
    expect(wordsOf('Don’t stop: Food, Fuel & 360Giving!')).toEqual([
      "don't",
      'stop',
      'food',
      'fuel',
      '360giving',
    ]);
  });

  it('guidanceThemes lists each theme once, sorted', () => {
    expect(guidanceThemes(library)).toEqual([
      'faith-and-belief-communities',
      'food',
      'fuel-and-energy',
      'volunteering',
      'warm-and-welcoming-spaces',
    ]);
  });
});

describe('guidanceForIndicator', () => {
  const guides = [
    article('a', { indicators: ['SF2', 'CR1'] }),
    article('b', { indicators: ['CR1'] }),
    article('c', { indicators: ['ES1', 'SF2'] }),
    article('d', { indicators: ['ES1'] }),
  ];
  it.each([
    ['CR1', [], ['b', 'a']],
    ['SF2', [], ['a', 'c']],
    ['ES1', [], ['c', 'd']],
    ['ES1', ['d'], ['d', 'c']],
    ['CR1', ['a', 'd'], ['a', 'b']],
    ['RC9', ['a'], []],
  ] as const)('%s with preferred %j gives %j', (code, preferred, expected) => {
    expect(guidanceForIndicator(guides, code, preferred).map((a) => a.slug)).toEqual(expected);
  });

  it('lists the indicators no article names', () => {
    expect(indicatorsWithoutGuidance(guides, ['SF1', 'SF2', 'CR1', 'RC3'])).toEqual(['SF1', 'RC3']);
    expect(indicatorsWithoutGuidance(guides, ['ES1'])).toEqual([]);
  });
});
