import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentDir } from '../../src/interchange/content-schema.js';
import { ContentError } from '../../src/interchange/framework-content.js';
import { loadThemeLexicon } from '../../src/interchange/theme-lexicon-content.js';
import { loadThemes } from '../../src/interchange/themes-content.js';

const themes = () => loadThemes(path.join(contentDir, 'themes', 'themes.yaml'));

describe('the published theme lexicon', () => {
  it('lists words for every theme of the vocabulary, once each', async () => {
    const vocabulary = await themes();
    const lexicon = await loadThemeLexicon(path.join(contentDir, 'themes', 'lexicon.yaml'), vocabulary);
    expect(lexicon.themes.map((t) => t.theme).sort()).toEqual(vocabulary.themes.map((t) => t.id).sort());
    expect(lexicon.themes.every((t) => t.words.length > 0)).toBe(true);
    expect(lexicon.unless).toEqual(expect.arrayContaining(['museum*', 'medical research']));
  });
});

describe('a broken theme lexicon', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-lexicon-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function problemsOf(text: string): Promise<string[]> {
    const file = path.join(dir, 'lexicon.yaml');
    fs.writeFileSync(file, text);
    const error: unknown = await loadThemeLexicon(file, await themes()).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).problems.map((p) => `${p.where}: ${p.message}`);
  }

  it('reports a theme that is not in the vocabulary and a word with a star inside it', async () => {
    expect(await problemsOf(`version: "2026.1"\nthemes:\n  - { theme: pets, words: [dog] }\n`)).toEqual([
      ': The lexicon names the theme pets, which is not in the themes vocabulary.',
    ]);
    expect(
      await problemsOf(`version: "2026.1"\nthemes:\n  - { theme: food, words: ["food*bank"] }\n`),
    ).toEqual([expect.stringMatching(/^themes › 0 › words › 0: must match pattern/)]);
  });

  it('reports a missing file', async () => {
    const error = await loadThemeLexicon(path.join(dir, 'none.yaml'), await themes()).catch(
      (e: unknown) => e,
    );
    expect(String(error)).toContain('there is no such file');
  });
});
