import { describe, expect, it } from 'vitest';
import {
  countsForTheme,
  mergeSuggestions,
  type OrganisationThemeAssignment,
  type ThemeAssignmentStatus,
} from './organisation-themes.js';

const assignment = (
  themeId: string,
  status: ThemeAssignmentStatus,
  matched: string[],
): OrganisationThemeAssignment => ({
  organisationId: 'org',
  themeId,
  status,
  matched,
  decidedBy: status === 'suggested' ? null : 'Ada',
  decidedAt: status === 'suggested' ? null : '2026-12-01T10:00:00.000Z',
});

describe('mergeSuggestions', () => {
  it.each([
    {
      case: 'a first classification saves every suggestion',
      current: [],
      suggestions: [{ themeId: 'food', matched: ['food bank'] }],
      save: [assignment('food', 'suggested', ['food bank'])],
      remove: [],
    },
    {
      case: 'the same words again change nothing',
      current: [assignment('food', 'suggested', ['food bank'])],
      suggestions: [{ themeId: 'food', matched: ['food bank'] }],
      save: [],
      remove: [],
    },
    {
      case: 'a suggestion the text no longer supports goes',
      current: [assignment('food', 'suggested', ['food bank'])],
      suggestions: [],
      save: [],
      remove: ['food'],
    },
    {
      case: 'a confirmed theme stays when its words have gone',
      current: [assignment('carers', 'confirmed', ['carers'])],
      suggestions: [],
      save: [],
      remove: [],
    },
    {
      case: 'a set-aside theme stays set aside, with the new words',
      current: [assignment('young-people', 'rejected', ['cubs'])],
      suggestions: [{ themeId: 'young-people', matched: ['cubs', 'youth'] }],
      save: [assignment('young-people', 'rejected', ['cubs', 'youth'])],
      remove: [],
    },
  ])('$case', ({ current, suggestions, save, remove }) => {
    expect(mergeSuggestions('org', current, suggestions)).toEqual({ save, remove });
  });
});

describe('countsForTheme', () => {
  it.each([
    ['suggested', true],
    ['confirmed', true],
    ['rejected', false],
  ] as const)('a %s theme counts: %s', (status, counts) => {
    expect(countsForTheme({ status })).toBe(counts);
  });
});
