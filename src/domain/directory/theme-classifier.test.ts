import { describe, expect, it } from 'vitest';
import {
  checkLexiconRules,
  classifyThemes,
  keywordLexicon,
  nameHas,
  plainWords,
  withoutPhrases,
  wordMatches,
  type ThemeLexicon,
} from './theme-classifier.js';
import type { ThemeVocabulary } from './themes.js';

const vocabulary: ThemeVocabulary = {
  version: '2026.1',
  themes: [
    {
      id: 'carers',
      name: 'Carers',
      description: 'Support for unpaid carers.',
      keywords: ['carer'],
      orukTerms: [
        { id: 'a24d78ce-d589-510d-bee9-466a5342e2ef', name: 'Carers support', vocabulary: 'esdServiceTypes' },
      ],
    },
    {
      id: 'food',
      name: 'Food',
      description: 'Food banks.',
      keywords: ['food bank'],
      orukTerms: [
        { id: '6a15a352-ce1a-53bd-8353-820e48572b92', name: 'Food banks', vocabulary: 'esdServiceTypes' },
      ],
    },
    {
      id: 'physical-health-and-disability',
      name: 'Physical health and disability',
      description: 'Health.',
      keywords: ['disab'],
      orukTerms: [{ id: 'd4b8bb8f-7153-507b-a5d5-933175b622a6', name: 'Disability', vocabulary: 'esdNeeds' }],
    },
  ],
};

const lexicon: ThemeLexicon = {
  version: '2026.1',
  themes: [
    { theme: 'carers', words: ['carer*', 'respite'], unless: ['parents carers'] },
    { theme: 'food', words: ['food bank*', 'hungry'] },
    {
      theme: 'physical-health-and-disability',
      words: ['disab*', 'blind'],
      unless: ['medical research', 'museum*'],
    },
  ],
};

describe('plainWords', () => {
  it.each([
    ['Parents/Carers', ' parents carers '],
    ["Women's Aid", ' womens aid '],
    ['  CAFÉ—drop-in  ', ' cafe drop in '],
    ['', '  '],
  ])('%j reads as %j', (text, plain) => {
    expect(plainWords(text)).toBe(plain);
  });
});

describe('wordMatches', () => {
  it.each([
    // a whole word matches only a whole word
    [' support for carers ', 'carer', []],
    [' a carer and a career ', 'carer', ['carer']],
    // a stem matches every word it starts, reported as the word found
    [' support for carers and carer s groups ', 'carer*', ['carers', 'carer']],
    [' the bus to the abuse centre ', 'bus*', ['bus']],
    // never inside a word
    [' templemoor school ', 'temple', []],
    // phrases match across punctuation made plain
    [' our food bank and foodbanks ', 'food bank*', ['food bank']],
    [' food banking ', 'food bank', []],
    [' nothing here ', '*', []],
  ])('in %j, %j finds %j', (text, word, found) => {
    expect(wordMatches(text, word)).toEqual(found);
  });
});

describe('classifyThemes', () => {
  const classify = (name: string, description: string | null, terms?: { id?: string; name?: string }[]) =>
    classifyThemes(lexicon, vocabulary, { name, description, ...(terms ? { terms } : {}) });

  it.each([
    ['Trafford Carers Centre', 'Respite breaks.', [{ themeId: 'carers', matched: ['carers', 'respite'] }]],
    ['Sale Foodbank', null, []],
    ['Sale Food Bank', 'We help hungry families.', [{ themeId: 'food', matched: ['food bank', 'hungry'] }]],
    [
      'Friends of the Blind',
      'Days out for disabled people and their carers.',
      [
        { themeId: 'carers', matched: ['carers'] },
        { themeId: 'physical-health-and-disability', matched: ['disabled', 'blind'] },
      ],
    ],
    // an "unless" word keeps that theme out, and only that theme
    [
      'Playgroup',
      'Encouraging parents/carers to help their disabled children.',
      [{ themeId: 'physical-health-and-disability', matched: ['disabled'] }],
    ],
    ['Eye Fund', 'Medical research into blindness and the blind.', []],
    ['Transport Museum', 'A museum with a disabled access ramp.', []],
    ['Careers Club', 'Helping with a career.', []],
  ])('%j (%j) is given %j', (name, description, expected) => {
    expect(classify(name, description)).toEqual(expected);
  });

  it('adds themes named by taxonomy terms, by id or name, before the words that matched', () => {
    expect(
      classify('Drop-in', 'A friendly drop-in for carers.', [
        { id: '6a15a352-ce1a-53bd-8353-820e48572b92' },
        { name: 'carers support' },
      ]),
    ).toEqual([
      { themeId: 'carers', matched: ['Carers support', 'carers'] },
      { themeId: 'food', matched: ['Food banks'] },
    ]);
  });

  it.each([
    ['St Paul’s Church', 'Worship, and carers’ groups on Tuesdays.', []],
    ['St Paul’s Church', 'Worship, and respite breaks for carers.', ['carers']],
    ['Carers Centre', 'Respite breaks for carers.', ['carers']],
  ])('%j (%j): a theme’s unless word keeps it out except beside a despite word', (name, text, themes) => {
    const withDespite: ThemeLexicon = {
      ...lexicon,
      themes: [{ theme: 'carers', words: ['carer*'], unless: ['worship'], despite: ['respite'] }],
    };
    expect(
      classifyThemes(withDespite, vocabulary, { name, description: text }).map((s) => s.themeId),
    ).toEqual(themes);
  });

  it('keeps every theme out when a word the whole lexicon lists is in the text', () => {
    const withUnless: ThemeLexicon = { ...lexicon, unless: ['general charitable'] };
    const record = { name: 'Carers Fund', description: 'General charitable purposes; respite for carers.' };
    expect(classifyThemes(withUnless, vocabulary, record)).toEqual([]);
    expect(classifyThemes(lexicon, vocabulary, record)).toEqual([
      { themeId: 'carers', matched: ['carers', 'respite'] },
    ]);
  });

  it.each([
    // a name the whole lexicon keeps out: a school's friends, whatever the school is called
    ['Friends of Oak Lane School', 'Raising money for disabled children.', []],
    ['Oak Lane School PTA', 'Fun days for carers.', []],
    // the name only: the same words in the description keep nothing out
    ['Oak Lane Carers', 'Respite for carers; we meet at the friends of the school room.', ['carers']],
    // a stock phrase of charity law is taken out before matching, the rest still counts
    ['Hope Trust', 'The relief of poverty, sickness and distress.', []],
    ['Hope Trust', 'The relief of poverty, sickness and distress; a food bank.', ['food']],
    // the stock phrase is whole words only: "in need, hardship or distress" is not in "carers in need"
    ['Carers in Need', 'Respite for carers in need.', ['carers']],
  ])('with names kept out and stock phrases ignored, %j (%j) is given %j', (name, description, themes) => {
    const stricter: ThemeLexicon = {
      ...lexicon,
      themes: lexicon.themes.map((entry) =>
        entry.theme === 'food' ? { theme: 'food', words: ['food bank*', 'poverty'] } : entry,
      ),
      unlessNamed: ['friends of * school', 'school pta'],
      ignore: ['relief of poverty sickness and distress', 'need hardship or distress'],
    };
    expect(classifyThemes(stricter, vocabulary, { name, description }).map((s) => s.themeId)).toEqual(themes);
  });

  it.each([
    // poverty alone is all the text says: the charity's work
    [
      'Walton Charity',
      'The relief of poverty.',
      [{ themeId: 'food', matched: ['relief of poverty', 'poverty'] }],
    ],
    // beside another theme's own word it is one object among others, and suggests nothing
    [
      'Sickle Cell Group',
      'Support for disabled people and the relief of poverty.',
      [{ themeId: 'physical-health-and-disability', matched: ['disabled'] }],
    ],
    // with another of its own theme's words it counts and is shown
    [
      'Hope Trust',
      'A food bank for disabled people in poverty.',
      [
        { themeId: 'food', matched: ['food bank', 'poverty'] },
        { themeId: 'physical-health-and-disability', matched: ['disabled'] },
      ],
    ],
    // in the name it counts
    [
      'Poverty Action for Disabled People',
      'Grants.',
      [
        { themeId: 'food', matched: ['poverty'] },
        { themeId: 'physical-health-and-disability', matched: ['disabled'] },
      ],
    ],
    // two weak words alone both count
    [
      'Small Fund',
      'Poverty and ill health.',
      [
        { themeId: 'food', matched: ['poverty'] },
        { themeId: 'physical-health-and-disability', matched: ['ill health'] },
      ],
    ],
  ])('a weak word needs support: %j (%j) is given %j', (name, description, expected) => {
    const withWeak: ThemeLexicon = {
      ...lexicon,
      themes: [
        { theme: 'food', words: ['food bank*'], weak: ['relief of poverty', 'poverty'] },
        { theme: 'physical-health-and-disability', words: ['disab*'], weak: ['ill health'] },
      ],
    };
    expect(classifyThemes(withWeak, vocabulary, { name, description })).toEqual(expected);
  });

  it('finds themes by the vocabulary keywords (as stems) when no lexicon is given', () => {
    expect(
      classifyThemes(keywordLexicon(vocabulary), vocabulary, { name: 'Disability Forum', description: null }),
    ).toEqual([{ themeId: 'physical-health-and-disability', matched: ['disability'] }]);
  });
});

describe('withoutPhrases and nameHas', () => {
  it.each([
    [
      ' the relief of poverty sickness and distress here ',
      ['relief of poverty sickness and distress'],
      ' the here ',
    ],
    [' reliefs of poverty ', ['relief of poverty'], ' reliefs of poverty '],
    [' a b a b ', ['a b'], ' '],
  ])('%j without %j is %j', (text, phrases, expected) => {
    expect(withoutPhrases(text, phrases).replace(/ +/g, ' ')).toBe(expected);
  });

  it.each([
    [' friends of oak lane school ', 'friends of * school', true],
    [' friends of school ', 'friends of * school', false],
    [' friends of a b c d e f g school ', 'friends of * school', false],
    [' the oak lane school pta ', 'school pta', true],
    [' oak lane schools pta ', 'school pta', false],
  ])('%j has %j: %j', (name, phrase, expected) => {
    expect(nameHas(name, phrase)).toBe(expected);
  });
});

describe('checkLexiconRules', () => {
  it('accepts a lexicon of known themes', () => {
    expect(checkLexiconRules(lexicon, vocabulary)).toEqual([]);
  });

  it('names unknown and repeated themes and words with nothing to match', () => {
    expect(
      checkLexiconRules(
        {
          version: '2026.1',
          themes: [
            { theme: 'food', words: ['food bank'] },
            { theme: 'food', words: ['--*'], weak: ['!'] },
            { theme: 'pets', words: ['dog'] },
          ],
        },
        vocabulary,
      ),
    ).toEqual([
      'The theme food is listed twice in the lexicon. Put its words in one list.',
      'Theme food: "--*" has no letters or digits to match.',
      'Theme food: "!" has no letters or digits to match.',
      'The lexicon names the theme pets, which is not in the themes vocabulary.',
    ]);
  });
});
