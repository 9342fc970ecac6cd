import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportSourceError, type ImportContext } from '../../src/app/interchange.js';
import { parseConfig } from '../../src/config.js';
import {
  organisationsCsvExporter,
  organisationsCsvImporter,
} from '../../src/interchange/organisations-csv.js';
import { openRuntime, type Runtime } from '../../src/main.js';

const csv = [
  'Name,Kind,Identifier',
  'Northmoor Food Bank,vcs,GB-CHC-1234567', // exists in the demo: identifier changes
  'New Hope Church,faith,',
  'Bad Row,charity,XYZ',
  'new hope church,faith,',
  'Moorside Youth Club,vcs,',
].join('\n');

describe('import organisations (CSV)', () => {
  let dir: string;
  let runtime: Runtime;
  let context: ImportContext;
  const importer = organisationsCsvImporter(async (text) => text);

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-orgs-'));
    runtime = await openRuntime(parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
    await runtime.services.demo.seed({ password: () => 'test-password-1234' });
    const partnership = await runtime.services.partnerships.findBySlug('northmoor');
    context = {
      services: runtime.services,
      partnershipId: partnership?.id,
      actor: { userId: null, label: 'Test' },
    };
  });

  afterEach(async () => {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const names = async () =>
    (await runtime.services.organisations.list(context.partnershipId as string)).map((o) => o.name);

  it('previews with row-level problems and writes nothing', async () => {
    const before = await names();
    const report = await importer.preview(csv, context);
    expect(report).toMatchObject({ read: 5, imported: 2, updated: 1, skipped: 2 });
    expect(report.problems).toEqual([
      { row: 4, field: 'kind', reason: expect.stringContaining('kind of organisation'), outcome: 'skipped' },
      { row: 4, field: 'identifier', reason: expect.stringContaining('GB-CHC-'), outcome: 'skipped' },
      {
        row: 5,
        field: 'name',
        reason: 'new hope church appears twice in this file (first at line 3)',
        outcome: 'skipped',
      },
    ]);
    expect(await names()).toEqual(before);
  });

  it('applies, then a second import changes nothing', async () => {
    const before = await names();
    await importer.apply(csv, context);
    const after = await names();
    expect(after.length).toBe(before.length + 2);
    expect(after).toContain('Moorside Youth Club');
    const foodBank = (await runtime.services.organisations.list(context.partnershipId as string)).find(
      (o) => o.name === 'Northmoor Food Bank',
    );
    expect(foodBank?.identifier).toBe('GB-CHC-1234567');
    const again = await importer.apply(csv, context);
    expect(again).toMatchObject({ imported: 0, updated: 0, skipped: 2 });
    expect(await names()).toEqual(after);
  });

  it('writes nothing when the database fails midway', async () => {
    const before = await names();
    const store = runtime.services.store;
    let inserts = 0;
    const failingStore = {
      ...store,
      transaction: <T>(work: (s: typeof store) => Promise<T>) =>
        store.transaction((trx) =>
          work({
            ...trx,
            organisations: {
              ...trx.organisations,
              insert: async (organisation) => {
                inserts += 1;
                if (inserts === 2) throw new Error('disk full');
                await trx.organisations.insert(organisation);
              },
            },
          }),
        ),
    };
    await expect(
      importer.apply(csv, { ...context, services: { ...runtime.services, store: failingStore } }),
    ).rejects.toThrow('disk full');
    expect(await names()).toEqual(before);
  });

  it('refuses a file without a name column', async () => {
    await expect(importer.preview('foo,bar\n1,2\n', context)).rejects.toThrow(ImportSourceError);
  });

  it('exports CSV that imports back unchanged', async () => {
    let exported = '';
    await organisationsCsvExporter.run(context.partnershipId as string, runtime.services, (chunk) => {
      exported += chunk;
    });
    expect(exported.split('\r\n')[0]).toBe('name,kind,identifier,themes');
    expect(await importer.preview(exported, context)).toMatchObject({
      imported: 0,
      updated: 0,
      skipped: 0,
      read: 8,
    });
  });
});
