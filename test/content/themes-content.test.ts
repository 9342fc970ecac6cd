import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { northmoorDemoServices } from '../../src/domain/demo/demo-directory.js';
import { findTheme, orukTermId, suggestThemes } from '../../src/domain/directory/themes.js';
import { contentDir } from '../../src/interchange/content-schema.js';
import { ContentError } from '../../src/interchange/framework-content.js';
import { loadThemes } from '../../src/interchange/themes-content.js';

const themesFile = path.join(contentDir, 'themes', 'themes.yaml');

describe('the published themes vocabulary', () => {
  it('has the 20 themes of the content brief, each mapped to Open Referral UK taxonomy terms', async () => {
    const vocabulary = await loadThemes(themesFile);
    expect(vocabulary.themes).toHaveLength(20);
    expect(vocabulary.themes.map((t) => t.name)).toContain('Money, debt and benefits advice');
    expect(vocabulary.themes.map((t) => t.name)).toContain('Faith and belief communities');
    for (const theme of vocabulary.themes) {
      expect(theme.orukTerms.length).toBeGreaterThan(0);
      expect(theme.orukTerms.some((t) => t.vocabulary === 'esdNeeds')).toBe(true);
    }
    const food = findTheme(vocabulary, 'Food');
    expect(food?.orukTerms[0]).toEqual({
      id: orukTermId('esdNeeds', 'Food'),
      name: 'Food',
      vocabulary: 'esdNeeds',
    });
    expect(findTheme(vocabulary, 'warm-and-welcoming-spaces')?.name).toBe('Warm and welcoming spaces');
    expect(findTheme(vocabulary, 'nonsense')).toBeUndefined();
  });

  it('is the only source of the demo directory’s themes', async () => {
    const ids = new Set((await loadThemes(themesFile)).themes.map((t) => t.id));
    expect(northmoorDemoServices.flatMap((s) => s.details.themes).filter((t) => !ids.has(t))).toEqual([]);
  });

  it('suggests themes from the words of a service', async () => {
    const vocabulary = await loadThemes(themesFile);
    expect(suggestThemes(vocabulary, 'Trafford Foodbank: emergency food parcels')).toEqual(['food']);
    expect(suggestThemes(vocabulary, 'Debt advice for young people')).toEqual([
      'money-debt-and-benefits',
      'young-people',
    ]);
    expect(suggestThemes(vocabulary, 'Bell ringing practice')).toEqual([]);
  });
});

describe('broken themes content', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-themes-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function problemsOf(text: string): Promise<string[]> {
    const file = path.join(dir, 'themes.yaml');
    fs.writeFileSync(file, text);
    const error: unknown = await loadThemes(file).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).problems.map((p) => `${p.where}: ${p.message}`);
  }

  it('reports a wrong term id, a repeated theme and a field that does not belong', async () => {
    const term = `{ id: ${orukTermId('esdNeeds', 'Food')}, name: Food, vocabulary: esdNeeds }`;
    const wrong = `{ id: ${orukTermId('esdNeeds', 'Housing')}, name: Food, vocabulary: esdNeeds }`;
    expect(
      await problemsOf(
        `version: "2026.1"\nthemes:\n  - { id: food, name: Food, description: Food help, keywords: [], orukTerms: [${wrong}] }\n  - { id: food, name: Food again, description: More, keywords: [], orukTerms: [${term}] }\n`,
      ),
    ).toEqual([
      expect.stringContaining('the term "Food" (esdNeeds) should have the id'),
      ': The theme id food is used twice. Give each theme its own id.',
    ]);
    expect(
      await problemsOf(
        `version: "2026.1"\nthemes:\n  - { id: food, name: Food, description: x, keywords: [], orukTerms: [${term}], colour: green }\n`,
      ),
    ).toEqual(['themes › 0: must NOT have additional properties (colour).']);
  });

  it('reports a missing file', async () => {
    const error = await loadThemes(path.join(dir, 'none.yaml')).catch((e: unknown) => e);
    expect(String(error)).toContain('there is no such file');
  });
});
