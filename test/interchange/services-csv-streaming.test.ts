import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportContext } from '../../src/app/interchange.js';
import { parseConfig } from '../../src/config.js';
import { csvRowBatches } from '../../src/interchange/csv-rows.js';
import { openSource, readSource } from '../../src/interchange/read-source.js';
import { servicesCsvImporter } from '../../src/interchange/services-csv-import.js';
import { openRuntime, type Runtime } from '../../src/main.js';

const ROWS = 2_600; // three pieces of up to 1,000 rows

/** Rows from many organisations, some first named in a later piece, with a copy of an id across pieces. */
function largeCsv(): string {
  const lines = ['id,name,organisation,themes,opening_times'];
  for (let i = 0; i < ROWS; i += 1) {
    lines.push(`S${i},Service ${i},Organisation ${Math.floor(i / 50)},food,Mon 09:00-12:00`);
  }
  lines.push('S5,Copy of five,Organisation 0,food,');
  lines.push('S2600,Last one,A late organisation,cake,');
  return `${lines.join('\n')}\n`;
}

describe('a services CSV read a piece at a time', () => {
  let dir: string;
  let runtime: Runtime;
  let context: ImportContext;
  let file: string;
  const progress: [number, number][] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-services-stream-'));
    runtime = await openRuntime(parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
    const partnership = await runtime.services.partnerships.create(
      { name: 'Stream test', slug: 'stream-test', localAuthorityCode: 'E08000009' },
      { userId: null, label: 'Test' },
    );
    context = {
      services: runtime.services,
      partnershipId: partnership.id,
      actor: { userId: null, label: 'Test' },
      progress: (done, total) => progress.push([done, total]),
    };
    file = path.join(dir, 'services.csv');
    fs.writeFileSync(file, largeCsv());
  });
  afterAll(async () => {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('previews and applies a file streamed from the disk, in order, with problems across pieces', async () => {
    const importer = servicesCsvImporter(readSource, openSource);
    const preview = await importer.preview(file, context);
    expect(preview).toMatchObject({ read: ROWS + 2, imported: ROWS + 1, updated: 0, skipped: 1 });
    expect(preview.problems).toEqual([
      {
        row: ROWS + 2,
        field: 'id',
        reason: 'S5 is also on row 7; this second copy is skipped',
        outcome: 'skipped',
      },
      { row: ROWS + 3, field: 'themes', reason: '"cake" is not a theme; left out', outcome: 'kept' },
    ]);
    expect(progress.at(-1)).toEqual([ROWS + 1, ROWS + 2]);
    expect(progress.map(([done]) => done)).toEqual([1000, 2000, ROWS + 1]);

    expect(await importer.apply(file, context)).toEqual(preview);
    const partnershipId = context.partnershipId as string;
    const organisations = await runtime.services.store.directory.listOrganisations(partnershipId);
    expect(organisations).toHaveLength(ROWS / 50 + 1);
    expect((await runtime.services.directory.search(partnershipId, {})).total).toBe(ROWS + 1);
    expect(await importer.apply(file, context)).toMatchObject({ imported: 0, updated: 0 });
  });

  it('says plainly when the file is missing or is a folder', async () => {
    await expect(openSource(path.join(dir, 'nothing.csv'))).rejects.toThrow(/there is no such file/);
    await expect(openSource(dir)).rejects.toThrow(/it is a folder/);
  });

  it('reads gzipped files and characters split between pieces', async () => {
    const name = 'Café ☕ 😀 '.repeat(20_000); // 200,000 characters: the pieces split it somewhere
    const text = `id,name\r\n1,${name}\r\n2,two\r\n`;
    const gz = path.join(dir, 'names.csv.gz');
    fs.writeFileSync(gz, gzipSync(text));
    for (const source of [text, (await openSource(gz)).pieces()]) {
      const rows = [];
      for await (const batch of csvRowBatches(source, 1)) rows.push(...batch);
      expect(rows).toEqual([
        { id: '1', name: name.trim() },
        { id: '2', name: 'two' },
      ]);
    }
  });

  it('reports a file that is not CSV as such', async () => {
    const broken = async () => {
      for await (const batch of csvRowBatches('a,b\n"unclosed,2\n', 10)) void batch;
    };
    await expect(broken()).rejects.toThrow(/The file is not valid CSV/);
  });
});
