import { describe, expect, it } from 'vitest';
import {
  checkIndicatorThemeRules,
  domainOf,
  linkKey,
  resolveLinks,
  type IndicatorThemes,
} from './indicator-themes.js';

const mapping: IndicatorThemes = {
  version: '2026.1',
  domains: [
    { id: 'income', name: 'Income' },
    { id: 'employment', name: 'Employment' },
    { id: 'idaci', name: 'IDACI' },
  ],
  links: [
    { theme: 'food', indicator: 'income', weight: 1 },
    { theme: 'food', indicator: 'employment', weight: 0.5 },
    { theme: 'children-and-families', indicator: 'idaci', weight: 1 },
  ],
};

describe('indicator domains', () => {
  it.each([
    ['imd-2025/income', 'income'],
    ['demo-imd/housing', 'housing'],
    ['imd-2025/housing-and-services', 'housing-and-services'],
    ['ruc-2021', 'ruc-2021'],
  ])('%s is in domain %s', (key, domain) => expect(domainOf(key)).toBe(domain));
});

describe('resolving links to the indicators in use', () => {
  const keys = new Map([
    ['income', 'imd-2025/income'],
    ['employment', 'imd-2025/employment'],
  ]);
  it.each<[string, Record<string, number>, string[], string[]]>([
    ['defaults', {}, ['food'], ['food imd-2025/income 1', 'food imd-2025/employment 0.5']],
    [
      'a partnership weight',
      { 'food|employment': 2 },
      ['food'],
      ['food imd-2025/income 1', 'food imd-2025/employment 2'],
    ],
    ['a weight of 0 switches a link off', { 'food|income': 0 }, ['food'], ['food imd-2025/employment 0.5']],
    ['a domain with no figures is left out', {}, ['children-and-families'], []],
    ['only the themes asked for', {}, [], []],
  ])('%s', (_name, weights, themes, expected) => {
    const links = resolveLinks(mapping, keys, weights, new Set(themes));
    expect(links.map((l) => `${l.theme} ${l.indicatorKey} ${l.weight}`)).toEqual(expected);
  });
});

describe('the rules a schema cannot check', () => {
  const themes = new Set(['food', 'children-and-families']);
  it('accepts a good mapping', () => expect(checkIndicatorThemeRules(mapping, themes)).toEqual([]));
  it.each<[string, IndicatorThemes['links'][number], RegExp]>([
    ['an unknown theme', { theme: 'snacks', indicator: 'income', weight: 1 }, /snacks names no theme/],
    ['an unknown domain', { theme: 'food', indicator: 'wealth', weight: 1 }, /food\|wealth names no domain/],
    ['a link twice', { theme: 'food', indicator: 'income', weight: 2 }, /food\|income is listed twice/],
  ])('finds %s', (_name, link, message) => {
    const problems = checkIndicatorThemeRules({ ...mapping, links: [...mapping.links, link] }, themes);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
    expect(linkKey(link)).toBe(`${link.theme}|${link.indicator}`);
  });
});
