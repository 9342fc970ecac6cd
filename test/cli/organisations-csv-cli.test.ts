import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText } from '../../src/domain/shared/csv-text.js';
import { cli } from '../support/cli-process.js';
import { temporaryDirectory } from '../support/database.js';
import { strictCsvRows } from '../support/strict-csv.js';

/** `export organisations`, only on the command line, read back by a strict reader after awkward names. */
describe('export organisations on the command line', () => {
  let folder: ReturnType<typeof temporaryDirectory>;
  const organisations = [
    ['Friends of the Park, "Moor" branch', 'vcs', 'GB-CHC-1100001'],
    ['"Quoted" Youth Club', 'vcs', ''],
    ['Sale, Altrincham and Partington Carers', 'faith', ''],
    ['Plain Trust', 'vcs', ''],
  ];

  beforeAll(async () => {
    folder = temporaryDirectory('cg-organisations-csv-cli-');
    const created = await cli(
      ['create-partnership', '--slug', 'trafford', '--name', 'Trafford', '--la', 'E08000009'],
      folder.path,
    );
    expect(created.code, created.stderr).toBe(0);
  }, 120_000);
  afterAll(() => folder.remove());

  it('writes every organisation as one record that a strict reader gets back exactly', async () => {
    const file = path.join(folder.path, 'organisations.csv');
    fs.writeFileSync(file, csvText([['name', 'kind', 'identifier'], ...organisations]));
    const imported = await cli(
      ['import', 'organisations', file, '--partnership', 'trafford', '--yes', '--json'],
      folder.path,
    );
    expect(imported.code, imported.stderr).toBe(0);
    const exported = await cli(['export', 'organisations', '--partnership', 'trafford'], folder.path);
    expect(exported.code, exported.stderr).toBe(0);
    const [header, ...rows] = strictCsvRows(exported.stdout);
    expect(header).toEqual(['name', 'kind', 'identifier', 'themes']);
    const byName = (a: string[], b: string[]) => (a[0] ?? '').localeCompare(b[0] ?? '');
    const sorted = rows.sort(byName);
    expect(sorted.map((row) => row.slice(0, 3))).toEqual([...organisations].sort(byName));
    // The last column holds the themes suggested from each organisation's own words.
    expect(sorted.find((row) => row[0]?.endsWith('Carers'))?.[3]).toContain('carers');
    expect(csvText([header ?? [], ...rows]).length).toBe(exported.stdout.length);
  });
});
