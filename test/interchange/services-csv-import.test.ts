import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportContext } from '../../src/app/interchange.js';
import { parseConfig } from '../../src/config.js';
import {
  parseOpeningTimes,
  servicesCsvColumns,
  servicesCsvImporter,
} from '../../src/interchange/services-csv-import.js';
import { openRuntime, type Runtime } from '../../src/main.js';

const csv = [
  'id,name,organisation,organisation_kind,organisation_identifier,themes,email,minimum_age,maximum_age,capacity_people,capacity_period,postcode,latitude,longitude,visibility,area_codes,opening_times,description',
  'P1,Community pantry,St Clement’s Church,faith,GB-CHC-1234567,food;cake,pantry@example.org,18,,60,week,m41 0aa,53.4481,-2.3543,public,E05000820,Mon 09:00-12:00; Fri 2pm-4.30pm,<p>Low-cost <b>food</b></p>',
  'P2,Safe house,Refuge Trust,vcs,,domestic-abuse,not-an-email,,,,,,,,secret,,Someday,',
  'P1,Copy,St Clement’s Church,,,,,,,,,,,,,,,',
  ',No id,Someone,,,,,,,,,,,,,,,',
].join('\n');

describe('import services-csv (our own template)', () => {
  let dir: string;
  let runtime: Runtime;
  let context: ImportContext;
  const importer = servicesCsvImporter(async (text) => text);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-services-csv-'));
    runtime = await openRuntime(parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
    const partnership = await runtime.services.partnerships.create(
      { name: 'CSV test', slug: 'csv-test', localAuthorityCode: 'E08000009' },
      { userId: null, label: 'Test' },
    );
    context = {
      services: runtime.services,
      partnershipId: partnership.id,
      actor: { userId: null, label: 'Test' },
    };
  });
  afterAll(async () => {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('documents every column it reads', () => {
    const doc = fs.readFileSync('docs/services-csv.md', 'utf8');
    for (const column of servicesCsvColumns) expect(doc).toContain(`\`${column}\``);
  });

  it('previews with row problems, applies, and a second import changes nothing', async () => {
    const preview = await importer.preview(csv, context);
    expect(preview).toMatchObject({ read: 4, imported: 2, updated: 0, skipped: 2 });
    expect(preview.problems).toEqual([
      { row: 2, field: 'themes', reason: '"cake" is not a theme; left out', outcome: 'kept' },
      { row: 3, field: 'email', reason: '"not-an-email" is not an email address; left out', outcome: 'kept' },
      {
        row: 3,
        field: 'visibility',
        reason: '"secret" is not public, area-only or hidden; taken as hidden to be safe',
        outcome: 'kept',
      },
      {
        row: 3,
        field: 'opening_times',
        reason: '"Someday" is not like "Mon 09:00-17:00"; left out',
        outcome: 'kept',
      },
      { row: 4, field: 'id', reason: 'P1 is also on row 2; this second copy is skipped', outcome: 'skipped' },
      {
        row: 5,
        field: 'id',
        reason: 'is empty; every service needs an id, a name and an organisation. Row skipped',
        outcome: 'skipped',
      },
    ]);
    expect(await importer.apply(csv, context)).toEqual(preview);
    expect(await importer.apply(csv, context)).toMatchObject({ imported: 0, updated: 0 });

    const partnershipId = context.partnershipId as string;
    const found = await runtime.services.directory.search(partnershipId, { text: 'pantry' });
    const pantry = await runtime.services.store.directory.findService(
      partnershipId,
      found.items[0]?.id ?? '',
    );
    expect(pantry?.details).toMatchObject({
      description: 'Low-cost food',
      themes: ['food'],
      eligibility: { minimumAge: 18, maximumAge: null },
      capacity: { people: 60, period: 'week' },
      areas: [{ kind: 'area', areaCode: 'E05000820', name: null }],
      schedules: [
        { day: 'monday', opens: '09:00', closes: '12:00' },
        { day: 'friday', opens: '14:00', closes: '16:30' },
      ],
      locations: [{ postcode: 'M41 0AA', latitude: 53.4481, longitude: -2.3543, visibility: 'public' }],
    });
    const church = (await runtime.services.store.directory.listOrganisations(partnershipId)).find(
      (o) => o.name === 'St Clement’s Church',
    );
    expect(church).toMatchObject({ kind: 'faith', identifier: 'GB-CHC-1234567' });
    const refuge = await runtime.services.directory.search(partnershipId, { text: 'safe house' });
    const safe = await runtime.services.store.directory.findService(partnershipId, refuge.items[0]?.id ?? '');
    expect(safe?.details.locations).toEqual([]);
  });

  it('reads opening times', () => {
    expect(parseOpeningTimes('Tue 9am-1pm;Sat 10:00 – 12:00;Sun 12:00-11:00')).toEqual({
      openings: [
        { day: 'tuesday', opens: '09:00', closes: '13:00' },
        { day: 'saturday', opens: '10:00', closes: '12:00' },
      ],
      unread: ['Sun 12:00-11:00'],
    });
  });
});
