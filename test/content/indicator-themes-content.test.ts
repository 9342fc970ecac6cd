import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentDir } from '../../src/interchange/content-schema.js';
import { ContentError } from '../../src/interchange/framework-content.js';
import { loadIndicatorThemes } from '../../src/interchange/indicator-themes-content.js';
import { loadThemes } from '../../src/interchange/themes-content.js';

const file = path.join(contentDir, 'needs', 'indicator-themes.yaml');
const themes = () => loadThemes(path.join(contentDir, 'themes', 'themes.yaml'));

describe('the published statistics-to-themes mapping', () => {
  it('gives each theme its own inputs, the IMD sub-domains among them', async () => {
    const mapping = await loadIndicatorThemes(file, await themes());
    const linked = (theme: string) => mapping.links.filter((l) => l.theme === theme).map((l) => l.indicator);
    expect(linked('food')).toEqual(expect.arrayContaining(['income', 'geographical-barriers']));
    expect(linked('money-debt-and-benefits')).toEqual(expect.arrayContaining(['income', 'employment']));
    expect(linked('employment-and-skills')).toEqual(expect.arrayContaining(['employment', 'adult-skills']));
    expect(linked('fuel-and-energy')).toEqual(expect.arrayContaining(['indoors', 'fuel-poverty']));
    expect(linked('physical-health-and-disability')).toEqual(
      expect.arrayContaining(['health', 'disability']),
    );
    expect(linked('mental-health-and-wellbeing')).toContain('health');
    expect(linked('housing-and-homelessness')).toEqual(
      expect.arrayContaining(['wider-barriers', 'housing-and-services', 'housing']),
    );
    expect(linked('community-safety')).toContain('crime');
    expect(linked('young-people')).toContain('children-and-young-people');
    expect(linked('children-and-families')).toContain('idaci');
    expect(linked('older-people')).toContain('idaopi');
    expect(linked('transport-and-access')).toContain('geographical-barriers');
    expect(linked('loneliness-and-isolation')).toContain('one-person-households-aged-66-plus');
  });

  it('never borrows another theme’s figures: carers and domestic abuse have only their own statistic', async () => {
    const mapping = await loadIndicatorThemes(file, await themes());
    const linked = (theme: string) => mapping.links.filter((l) => l.theme === theme).map((l) => l.indicator);
    expect(linked('carers')).toEqual(['unpaid-care']);
    expect(linked('domestic-abuse')).toEqual(['domestic-abuse']);
    const sets = new Map<string, string[]>();
    for (const link of mapping.links) sets.set(link.theme, [...(sets.get(link.theme) ?? []), link.indicator]);
    const keys = [...sets.values()].map((indicators) => [...indicators].sort().join('+'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names the public data set behind every real statistic', async () => {
    const mapping = await loadIndicatorThemes(file, await themes());
    const withoutSource = mapping.domains.filter((d) => !d.source).map((d) => d.id);
    expect(withoutSource).toEqual(['housing']);
  });

  it('covers every domain the IMD importer and the demo write', async () => {
    const mapping = await loadIndicatorThemes(file, await themes());
    const domains = new Set(mapping.links.map((l) => l.indicator));
    for (const domain of [
      'income',
      'employment',
      'education',
      'health',
      'crime',
      'housing-and-services',
      'housing',
      'environment',
    ])
      expect(domains, domain).toContain(domain);
  });
});

describe('a mapping with mistakes', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-indicator-themes-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    [
      'a negative weight',
      "version: '2026.1'\ndomains: [{ id: income, name: Income }]\nlinks: [{ theme: food, indicator: income, weight: -1 }]\n",
      /must be >= 0/,
    ],
    [
      'an unknown theme',
      "version: '2026.1'\ndomains: [{ id: income, name: Income }]\nlinks: [{ theme: snacks, indicator: income, weight: 1 }]\n",
      /names no theme/,
    ],
    ['a missing file', null, /there is no such file/],
  ])('is refused for %s', async (_name, text, message) => {
    const target = path.join(dir, 'mapping.yaml');
    if (text !== null) fs.writeFileSync(target, text);
    const error = await loadIndicatorThemes(target, await themes()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect(String((error as ContentError).message) + JSON.stringify(error)).toMatch(message);
  });
});
