import { describe, expect, it } from 'vitest';
import type { IndicatorThemes } from './indicator-themes.js';
import { themeEvidence } from './theme-evidence.js';

const mapping: IndicatorThemes = {
  version: '2026.2',
  domains: [
    { id: 'income', name: 'Income', source: 'IMD 2025' },
    { id: 'unpaid-care', name: 'Unpaid care', source: 'Census 2021 TS039' },
    { id: 'housing', name: 'Housing (demo)' },
  ],
  links: [
    { theme: 'food', indicator: 'income', weight: 1 },
    { theme: 'carers', indicator: 'unpaid-care', weight: 1 },
    { theme: 'housing-and-homelessness', indicator: 'housing', weight: 1 },
    { theme: 'housing-and-homelessness', indicator: 'income', weight: 0 },
  ],
};

describe('themeEvidence', () => {
  it.each([
    ['a theme with its statistic', 'food', ['income'], {}, ['income'], [], false],
    [
      'a theme whose only statistic is not imported says which data set fills it',
      'carers',
      ['income'],
      {},
      [],
      [{ domain: 'unpaid-care', name: 'Unpaid care', source: 'Census 2021 TS039' }],
      true,
    ],
    ['a missing demo statistic names no data set', 'housing-and-homelessness', [], {}, [], [], true],
    ['a link switched off counts for nothing', 'food', ['income'], { 'food|income': 0 }, [], [], true],
    [
      'a partnership weight can switch a link on',
      'housing-and-homelessness',
      ['income'],
      { 'housing-and-homelessness|income': 2 },
      ['income'],
      [],
      false,
    ],
    ['a theme with no links has no evidence', 'faith-and-belief', ['income'], {}, [], [], true],
  ] as const)('%s', (_, theme, available, weights, used, missing, none) => {
    const evidence = themeEvidence(mapping, theme, new Set(available), weights);
    expect(evidence.used).toEqual(used);
    expect(evidence.missing).toEqual(missing);
    expect(evidence.none).toBe(none);
  });
});
