import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  placeholderOrganisationName,
  type DirectoryBatch,
  type IncomingOrganisation,
  type IncomingService,
} from '../../src/app/directory/directory-import.js';
import { parseConfig } from '../../src/config.js';
import type { ServiceDetails } from '../../src/domain/directory/model.js';
import { openRuntime, type Runtime } from '../../src/main.js';

const details = (name: string, themes: string[] = ['food']): ServiceDetails => ({
  name,
  description: `${name} helps`,
  url: null,
  email: null,
  phone: null,
  status: 'active',
  themes,
  eligibility: { description: null, minimumAge: null, maximumAge: null },
  cost: null,
  howToAccess: null,
  languages: [],
  accessibility: null,
  capacity: null,
  locations: [],
  areas: [],
  schedules: [],
  contacts: [],
});

const org = (sourceId: string, name: string, identifier: string | null = null): IncomingOrganisation => ({
  sourceId,
  name,
  kind: 'vcs',
  identifier,
  details: { description: null, url: null, email: null, phone: null, address: null, postcode: null },
});

const service = (
  sourceId: string,
  organisationSourceId: string | null,
  lastCheckedAt: string | null = null,
): IncomingService => ({
  sourceId,
  organisationSourceId,
  details: details(`Service ${sourceId}`),
  lastCheckedAt,
});

const batch = (
  organisations: IncomingOrganisation[],
  services: IncomingService[],
  sourceKind = 'test',
): DirectoryBatch => ({
  sourceKind,
  sourceLabel: 'Test feed',
  read: services.length,
  skipped: 0,
  problems: [],
  organisations,
  services,
  counts: 'services',
});

/** How an import matches what is already there: by source, then identifier, then name; never duplicating. */
describe('the directory import plan', () => {
  let dir: string;
  let runtime: Runtime;
  let partnershipId: string;
  const actor = { userId: null, label: 'Test' };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-directory-plan-'));
    runtime = await openRuntime(parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
    partnershipId = (
      await runtime.services.partnerships.create(
        { name: 'Plan test', slug: 'plan-test', localAuthorityCode: 'E08000009' },
        actor,
      )
    ).id;
  });
  afterAll(async () => {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const organisations = () => runtime.services.store.directory.listOrganisations(partnershipId);
  const apply = (b: DirectoryBatch) => runtime.services.directory.applyImport(partnershipId, b, actor);

  it('joins an organisation typed in by hand by name, and one from another source by identifier', async () => {
    await runtime.services.organisations.add(
      partnershipId,
      { name: 'Hope Church', kind: 'faith', identifier: '' },
      actor,
    );
    await apply(batch([org('c1', 'Some Charity', 'GB-CHC-1234567')], [], 'charities'));
    const report = await apply(
      batch(
        [org('a', 'hope church'), org('b', 'Some Charity Ltd', 'GB-CHC-1234567')],
        [service('1', 'a'), service('2', 'b')],
      ),
    );
    expect(report).toMatchObject({ imported: 2, updated: 0 });
    const names = (await organisations()).map((o) => `${o.name}:${o.kind}`);
    expect(names).toEqual(['Hope Church:faith', 'Some Charity:vcs']);
  });

  it('puts services with no organisation under one flagged placeholder, reused next time', async () => {
    await apply(batch([], [service('3', null), service('4', 'missing')]));
    await apply(batch([], [service('5', null)], 'other'));
    const placeholders = (await organisations()).filter((o) => o.isPlaceholder);
    expect(placeholders.map((o) => o.name)).toEqual([placeholderOrganisationName]);
    const under = await runtime.services.store.directory.searchServices(partnershipId, {
      organisationId: placeholders[0]?.id ?? '',
      limit: 10,
      offset: 0,
    });
    expect(under.items.map((s) => s.name)).toEqual(['Service 3', 'Service 4', 'Service 5']);
  });

  it('updates changed services, keeps the later check, and a repeat changes nothing', async () => {
    const first = batch([org('x', 'Xeno Trust')], [service('10', 'x', '2026-01-01T00:00:00.000Z')]);
    expect(await apply(first)).toMatchObject({ imported: 1, updated: 0 });
    expect(await apply(first)).toMatchObject({ imported: 0, updated: 0 });
    const found = (await runtime.services.directory.search(partnershipId, { text: 'Service 10' })).items[0];
    const user = await runtime.services.users.create(
      { email: 'checker@example.org', role: 'national-admin' },
      actor,
    );
    await runtime.services.store.directory.markServiceChecked(partnershipId, found?.id ?? '', {
      at: '2026-06-01T00:00:00.000Z',
      by: 'Checker',
      userId: user.id,
    });
    // The feed's older check date does not undo a newer confirmation here.
    expect(await apply(first)).toMatchObject({ imported: 0, updated: 0 });
    const renamed = batch(
      [org('x', 'Xeno Trust')],
      [
        {
          ...service('10', 'x', '2026-01-01T00:00:00.000Z'),
          details: details('Service 10 renamed', ['food', 'carers']),
        },
      ],
    );
    expect(await apply(renamed)).toMatchObject({ imported: 0, updated: 1 });
    const after = await runtime.services.store.directory.findService(partnershipId, found?.id ?? '');
    expect(after).toMatchObject({
      details: { name: 'Service 10 renamed', themes: ['carers', 'food'] },
      lastCheckedAt: '2026-06-01T00:00:00.000Z',
      lastCheckedBy: 'Checker',
    });
    // Themes in another order are the same themes.
    const reordered = batch(
      [org('x', 'Xeno Trust')],
      [{ ...service('10', 'x'), details: details('Service 10 renamed', ['carers', 'food']) }],
    );
    expect(await apply(reordered)).toMatchObject({ imported: 0, updated: 0 });
  });

  it('previews without writing', async () => {
    const before = (await runtime.services.directory.search(partnershipId, {})).total;
    const report = await runtime.services.directory.previewImport(
      partnershipId,
      batch([org('y', 'Yew Group')], [service('20', 'y')]),
    );
    expect(report).toMatchObject({ imported: 1 });
    expect((await runtime.services.directory.search(partnershipId, {})).total).toBe(before);
    expect((await organisations()).some((o) => o.name === 'Yew Group')).toBe(false);
  });
});
