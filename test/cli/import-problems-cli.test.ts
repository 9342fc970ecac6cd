import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/app/interchange.js';
import { cli } from '../support/cli-process.js';
import { temporaryDirectory } from '../support/database.js';

/**
 * Bad files and bad rows through `import … --json`, as an operator runs it: every problem carries its line (the
 * header is line 1) and whether its row was skipped or kept; a row with the wrong number of values is skipped and
 * the others import; UTF-16 files are read; empty files say so.
 */
describe('import problems on the command line', () => {
  let folder: ReturnType<typeof temporaryDirectory>;
  const file = (name: string, content: string | Buffer) => {
    const target = path.join(folder.path, name);
    fs.writeFileSync(target, content);
    return target;
  };
  const exported = async () => {
    const result = await cli(['export', 'organisations', '--partnership', 'trafford'], folder.path);
    expect(result.code, result.stderr).toBe(0);
    return result.stdout;
  };

  beforeAll(async () => {
    folder = temporaryDirectory('cg-import-problems-cli-');
    const created = await cli(
      ['create-partnership', '--slug', 'trafford', '--name', 'Trafford', '--la', 'E08000009'],
      folder.path,
    );
    expect(created.code, created.stderr).toBe(0);
  }, 120_000);
  afterAll(() => folder.remove());

  it('skips a row with extra values on line 3, imports the others and says so in --json', async () => {
    const csv = file(
      'extra-columns.csv',
      [
        'name,kind,identifier',
        'Altrincham Food Bank,vcs,GB-CHC-1100001',
        'Sale Warm Hub,vcs,,surplus,values,here,too',
        '"Stretford',
        'Youth Club",vcs,',
        'Urmston Carers,not-a-kind,',
        'Partington Pantry,faith,',
      ].join('\r\n'),
    );
    const result = await cli(
      ['import', 'organisations', csv, '--partnership', 'trafford', '--yes', '--json'],
      folder.path,
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as ImportReport;
    expect(report).toMatchObject({ read: 5, imported: 3, updated: 0, skipped: 2 });
    expect(report.problems).toEqual([
      {
        row: 3,
        field: '',
        reason: expect.stringMatching(/^Line 3 has 7 values but the header names 3 columns/) as string,
        outcome: 'skipped',
      },
      // The row on lines 4 and 5 is numbered by the line it starts on, so this one is line 6.
      {
        row: 6,
        field: 'kind',
        reason: expect.stringContaining('kind of organisation') as string,
        outcome: 'skipped',
      },
    ]);
    const names = await exported();
    expect(names).toContain('Altrincham Food Bank');
    expect(names).toContain('Stretford Youth Club');
    expect(names).toContain('Partington Pantry');
    expect(names).not.toContain('Sale Warm Hub');
    expect(names).not.toContain('Urmston Carers');
  }, 120_000);

  it('lists each problem with its line and outcome when printing for a person', async () => {
    const csv = file('problems.csv', 'name,kind\nA\nGood Neighbours,vcs\n');
    const result = await cli(['import', 'organisations', csv, '--partnership', 'trafford'], folder.path);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('line 2 (skipped): Line 2 has 1 value but the header names 2 columns');
    expect(result.stderr).toContain('Preview (nothing written; add --yes to import): read 2, new 1');
  }, 120_000);

  it('reads UTF-16 files, with their byte-order mark, as Excel saves "Unicode text"', async () => {
    // Excel's "Unicode text" is little-endian and tab-separated; a big-endian CSV has commas.
    const tabs = file(
      'unicode-text.txt',
      Buffer.from(`\uFEFFname\tkind\r\nŁódź Polish Club\tvcs\r\n`, 'utf16le'),
    );
    const big = file(
      'utf16be.csv',
      Buffer.from(`\uFEFFname,kind,identifier\r\nCafé ☕ Ŵyn Ω Trust,vcs,\r\n`, 'utf16le').swap16(),
    );
    for (const source of [tabs, big]) {
      const result = await cli(
        ['import', 'organisations', source, '--partnership', 'trafford', '--yes', '--json'],
        folder.path,
      );
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ read: 1, imported: 1, skipped: 0, problems: [] });
    }
    const names = await exported();
    expect(names).toContain('Café ☕ Ŵyn Ω Trust');
    expect(names).toContain('Łódź Polish Club');
  }, 120_000);

  it('says a file is empty, or has a header but no rows, and never points to problems that are not there', async () => {
    for (const [name, content, message] of [
      ['blank.csv', '\uFEFF \r\n\r\n', /The file is empty/],
      ['header-only.csv', 'name,kind,identifier\r\n', /The file has a header but no rows/],
    ] as const) {
      const result = await cli(
        ['import', 'organisations', file(name, content), '--partnership', 'trafford', '--json'],
        folder.path,
      );
      expect(result.code, name).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/problems above/);
      expect(result.stdout).toBe('');
    }
  }, 120_000);

  it('gives each bad row’s message and line in --json for a services file streamed from disk', async () => {
    const csv = file(
      'services.csv',
      [
        'id,name,organisation,email,last_checked',
        'S1,Pantry,St Clement’s,pantry@example.org,2026-01-15',
        'S2,Warm hub,St Clement’s,not-an-email,2026-02-31',
        ',No id,Someone,,',
        'S3,Advice,Citizens Advice,"x@example.org',
        'still the email",',
      ].join('\n'),
    );
    const result = await cli(
      ['import', 'services-csv', csv, '--partnership', 'trafford', '--json'],
      folder.path,
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as ImportReport;
    expect(report).toMatchObject({ read: 4, imported: 3, skipped: 1 });
    expect(report.problems.map((p) => [p.row, p.field, p.outcome])).toEqual([
      [3, 'email', 'kept'],
      [3, 'last_checked', 'kept'],
      [4, 'id', 'skipped'],
      [5, 'email', 'kept'],
    ]);
    expect(report.problems[1]?.reason).toBe('"2026-02-31" is not a date like 2026-11-30; left out');
  }, 120_000);
});
