import { describe, expect, it } from 'vitest';
import {
  classifyThemes,
  hidingPhrases,
  type ThemeLexicon,
  type ThemeSuggestion,
} from './theme-classifier.js';
import type { ThemeVocabulary } from './themes.js';

/*
 * Two ways a broad word is kept from standing for a charity's main work: a weak phrase that holds one of the
 * theme's own words ("children and young people" holds "young people") makes that word weak inside it, and
 * `supportOnly` words ("physical activity") count only beside another of the theme's words or in the name.
 */
const theme = (id: string) => ({ id, name: id, description: id, keywords: [], orukTerms: [] });
const vocabulary: ThemeVocabulary = {
  version: '2026.1',
  themes: [
    theme('mental-health-and-wellbeing'),
    theme('physical-health-and-disability'),
    theme('young-people'),
    theme('volunteering-and-civic-participation'),
  ],
};
const lexicon: ThemeLexicon = {
  version: '2026.1',
  themes: [
    { theme: 'mental-health-and-wellbeing', words: ['counselling'] },
    {
      theme: 'physical-health-and-disability',
      words: ['disab*'],
      supportOnly: ['physical activity'],
      weak: ['relief of sickness'],
    },
    {
      theme: 'young-people',
      words: ['young people*', 'youth*', 'scout*'],
      weak: ['children and young people', 'young people and children'],
    },
    {
      theme: 'volunteering-and-civic-participation',
      words: ['village hall*'],
      supportOnly: ['volunteering'],
    },
  ],
};

describe('hidingPhrases', () => {
  it.each([
    [
      { theme: 't', words: ['young people*'], weak: ['children and young people'] },
      ['children and young people'],
    ],
    // a weak word that holds none of the own words hides nothing
    [{ theme: 't', words: ['disab*'], weak: ['relief of sickness'] }, []],
    // a stem is never taken out whole: "religio*" must not hide the "religion" of "jewish religion"
    [{ theme: 't', words: ['jewish religion'], weak: ['religio*'] }, []],
    [{ theme: 't', words: ['volunteer*'], supportOnly: ['volunteering'] }, ['volunteering']],
    [{ theme: 't', words: ['youth*'] }, []],
  ])('%j hides %j', (entry, expected) => {
    expect(hidingPhrases(entry)).toEqual(expected);
  });
});

describe('classifyThemes with hiding phrases and support-only words', () => {
  it.each<[string, string, ThemeSuggestion[]]>([
    // "young people" inside "children and young people" beside counselling is a list of ages, not youth work
    [
      'Beacon Counselling',
      'Counselling for adults, children and young people.',
      [{ themeId: 'mental-health-and-wellbeing', matched: ['counselling'] }],
    ],
    // the same phrase with another of the theme's own words counts, and both are shown
    [
      'Youth Theatre',
      'Drama for children and young people.',
      [{ themeId: 'young-people', matched: ['youth', 'children and young people'] }],
    ],
    // "young people" outside the phrase is still the theme's own word
    [
      'Phoenix Sports',
      'Coaching for young people, and education of children and young people.',
      [{ themeId: 'young-people', matched: ['young people', 'children and young people'] }],
    ],
    // the phrase alone is all the text says: it counts
    [
      'J G Bird Trust',
      'Outdoor activities for children and young people.',
      [{ themeId: 'young-people', matched: ['children and young people'] }],
    ],
    // a support-only word alone suggests nothing: a sports club's physical activity is sport
    ['Schools Sports Association', 'Sport, competition and physical activity for schools.', []],
    ['Care Link', 'Volunteering and cultural awareness training.', []],
    // beside another of its theme's words it counts and is shown
    [
      'Simply Cycling',
      'Physical activity for disabled riders.',
      [{ themeId: 'physical-health-and-disability', matched: ['disabled', 'physical activity'] }],
    ],
    // in the name it counts
    [
      'Volunteering Hub',
      'Volunteering for all.',
      [{ themeId: 'volunteering-and-civic-participation', matched: ['volunteering'] }],
    ],
    // an ordinary weak word alone still counts
    [
      'Bone Marrow Trust Fund',
      'The relief of sickness of children.',
      [{ themeId: 'physical-health-and-disability', matched: ['relief of sickness'] }],
    ],
  ])('%j (%j) is given %j', (name, description, expected) => {
    expect(classifyThemes(lexicon, vocabulary, { name, description })).toEqual(expected);
  });
});
