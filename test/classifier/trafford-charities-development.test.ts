import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyThemes, type ThemeLexicon } from '../../src/domain/directory/theme-classifier.js';
import type { ThemeVocabulary } from '../../src/domain/directory/themes.js';
import { readCharities } from '../../src/interchange/charities-import.js';
import { contentDir } from '../../src/interchange/content-schema.js';
import { loadThemeLexicon } from '../../src/interchange/theme-lexicon-content.js';
import { loadThemes } from '../../src/interchange/themes-content.js';

/*
 * The classifier on the development sets: other rows of the Trafford extract (rows 3, 10, … 731; 5, 12, … 733;
 * 1, 8, … 736; 2, 9, … 730; and 4, 11, … 732), labelled by the held-out sample's rules and used for tuning the
 * lexicon. Their figures flatter the lexicon (it was tuned on them); the held-out sample in
 * trafford-charities-evaluation.test.ts is the measure to report. The floors are the figures measured when the
 * lexicon was last tuned: raise them when it gets better.
 */
const developmentSets = [
  // Measured 85.9 % precision (73 right of 85 suggested), 88.0 % recall (73 of 83 labelled themes found).
  { file: 'trafford-charities-development.csv', rows: 105, precisionFloor: 0.85, recallFloor: 0.87 },
  // Measured before tuning on it 81.4 % (70 of 86) and 83.3 % (70 of 84); now 89.4 % (76 of 85) and 90.5 %.
  { file: 'trafford-charities-development-2.csv', rows: 105, precisionFloor: 0.89, recallFloor: 0.9 },
  // Measured before tuning on it 77.1 % (64 of 83) and 82.1 % (64 of 78); now 87.0 % (67 of 77) and 85.9 %.
  { file: 'trafford-charities-development-3.csv', rows: 106, precisionFloor: 0.86, recallFloor: 0.85 },
  // Measured before tuning on it 82.9 % (68 of 82) and 79.1 % (68 of 86); now 90.6 % (77 of 85) and 89.5 %.
  { file: 'trafford-charities-development-4.csv', rows: 105, precisionFloor: 0.9, recallFloor: 0.89 },
  // Labelled after the lexicon was tuned on the other four, so first measured on unseen rows: 83.3 % (80 of 96) and
  // 86.0 % (80 of 93 labelled themes); now, tuned on it too, 86.3 % (82 of 95) and 88.2 %.
  { file: 'trafford-charities-development-5.csv', rows: 105, precisionFloor: 0.86, recallFloor: 0.88 },
];

const extract = path.resolve(
  '../shared/data/resources/charities/charities_operating_in_trafford_2023-04-04.csv',
);

let vocabulary: ThemeVocabulary;
let lexicon: ThemeLexicon;
beforeAll(async () => {
  vocabulary = await loadThemes(path.join(contentDir, 'themes', 'themes.yaml'));
  lexicon = await loadThemeLexicon(path.join(contentDir, 'themes', 'lexicon.yaml'), vocabulary);
});

describe('the theme classifier on the development sets of Trafford charities', () => {
  it.each(developmentSets)('holds its measured precision and recall on $file', (set) => {
    const development = path.resolve('test/fixtures/classifier', set.file);
    const byNumber = new Map(
      readCharities(fs.readFileSync(extract, 'utf8')).organisations.map((o) => [o.sourceId, o]),
    );
    const rows = parse(fs.readFileSync(development, 'utf8'), { columns: true }) as {
      extract_row: string;
      registered_charity_number: string;
      themes: string;
    }[];
    expect(rows).toHaveLength(set.rows);
    // Never a held-out row (rows 7, 14, … and rows 6, 13, …).
    expect(rows.filter((row) => [0, 6].includes(Number(row.extract_row) % 7))).toEqual([]);
    let truePositives = 0;
    let suggested = 0;
    let expected = 0;
    for (const row of rows) {
      const organisation = byNumber.get(row.registered_charity_number);
      expect(organisation, `charity ${row.registered_charity_number}`).toBeDefined();
      const wanted = new Set(row.themes.split(';').filter((t) => t !== ''));
      const found = organisation
        ? classifyThemes(lexicon, vocabulary, {
            name: organisation.name,
            description: organisation.details.description,
          }).map((s) => s.themeId)
        : [];
      truePositives += found.filter((t) => wanted.has(t)).length;
      suggested += found.length;
      expected += wanted.size;
    }
    const precision = truePositives / suggested;
    const recall = truePositives / expected;
    console.info(
      `Development set ${set.file}: ${truePositives} right of ${suggested} suggested and ${expected} labelled; ` +
        `precision ${(100 * precision).toFixed(1)} %, recall ${(100 * recall).toFixed(1)} %`,
    );
    expect(precision).toBeGreaterThanOrEqual(set.precisionFloor);
    expect(recall).toBeGreaterThanOrEqual(set.recallFloor);
  });
});
