import fs from 'node:fs';
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

describe('potential provision in who can help, from the command line', () => {
  const folder = temporaryDirectory('cg-potential-cli-');
  beforeAll(async () => {
    const seeded = await cli(['seed-demo'], folder.path);
    expect(seeded.code, seeded.stderr).toBe(0);
    const register = path.join(folder.path, 'register.csv');
    fs.writeFileSync(
      register,
      'registered_charity_number,charity_name,charity_activities\n' +
        '1099002,NORTHMOOR PANTRY TRUST,"A food bank and a community pantry for families on low incomes."\n',
    );
    const imported = await cli(
      ['import', 'charities', register, '--partnership', 'northmoor', '--yes'],
      folder.path,
    );
    expect(imported.code, imported.stderr).toBe(0);
  }, 90_000);
  afterAll(() => folder.remove());

  it('lists charities that list no service after the ranked services, and in the JSON', async () => {
    const args = ['who-can-help', '--partnership', 'northmoor', '--area', 'E05099101', '--theme', 'food'];
    const text = await cli([...args, '--max-km', '20'], folder.path);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^1\. .+: \d+ points$/m);
    expect(text.stdout).toContain(
      'Potential provision: 1 charity or group works on this but lists no service (not ranked):\n' +
        '  - NORTHMOOR PANTRY TRUST: Lists no service; its own words match “food bank”, “community pantry”.',
    );
    const json = JSON.parse((await cli([...args, '--json'], folder.path)).stdout) as {
      potentialProvision: { total: number; organisations: { name: string }[] };
    };
    expect(json.potentialProvision.total).toBe(1);
    expect(json.potentialProvision.organisations.map((o) => o.name)).toEqual(['NORTHMOOR PANTRY TRUST']);
  }, 60_000);
});
