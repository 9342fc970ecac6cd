import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli-process.js';
import { temporaryDirectory } from '../support/database.js';

/*
 * The figure through the real pipeline, as a new user would get it: a partnership for Trafford, the
 * Charity Commission extract imported by the command line, then the organisations exported with their themes.
 */
const extract = path.resolve(
  '../shared/data/resources/charities/charities_operating_in_trafford_2023-04-04.csv',
);

describe('organisations’ themes from the command line, on the Trafford register', () => {
  const folder = temporaryDirectory('cg-themes-cli-');
  beforeAll(async () => {
    const created = await cli(
      ['create-partnership', '--slug', 'trafford', '--name', 'Trafford Partnership', '--la', 'E08000009'],
      folder.path,
    );
    expect(created.code, created.stderr).toBe(0);
  }, 60_000);
  afterAll(() => folder.remove());

  it('gives at least 60 % of the exported organisations a theme once the register is imported', async () => {
    const imported = await cli(
      ['import', 'charities', extract, '--partnership', 'trafford', '--yes'],
      folder.path,
    );
    expect(imported.code, imported.stderr).toBe(0);
    const exported = await cli(['export', 'organisations', '--partnership', 'trafford'], folder.path);
    expect(exported.code, exported.stderr).toBe(0);
    const rows = parse(exported.stdout, { columns: true }) as { name: string; themes: string }[];
    expect(rows).toHaveLength(736);
    const themed = rows.filter((row) => row.themes !== '');
    expect(themed.length / rows.length).toBeGreaterThanOrEqual(0.6);
    // Every theme listed is one of the vocabulary's, separated by semicolons.
    for (const row of themed) expect(row.themes).toMatch(/^[a-z-]+(;[a-z-]+)*$/);
    expect(rows.find((row) => row.name === 'CITIZENS ADVICE TRAFFORD')?.themes).toBe(
      'money-debt-and-benefits',
    );
  }, 120_000);

  it('suggests the themes again on demand, changing nothing when nothing changed', async () => {
    const again = await cli(['classify-organisations', '--partnership', 'trafford'], folder.path);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(
      /^\d{3} of 736 organisations in Trafford Partnership have at least one theme \(0 suggestions changed\)\.$/m,
    );
    const json = await cli(['classify-organisations', '--partnership', 'trafford', '--json'], folder.path);
    const report = JSON.parse(json.stdout) as { organisations: number; withThemes: number; changed: number };
    expect(report.organisations).toBe(736);
    expect(report.withThemes / report.organisations).toBeGreaterThanOrEqual(0.6);
    expect(report.changed).toBe(0);
  }, 60_000);
});
