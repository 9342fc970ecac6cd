import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportContext } from '../../src/app/interchange.js';
import type { MembershipRecord, UserRecord } from '../../src/app/ports.js';
import { parseConfig } from '../../src/config.js';
import { charitiesImporter } from '../../src/interchange/charities-import.js';
import { openRuntime, type Runtime } from '../../src/main.js';

const header =
  'registered_charity_number,charity_name,charity_activities,charity_contact_email,charity_contact_postcode';
const register = (rows: string[]) => [header, ...rows].join('\n');
const first = register([
  '1000001,TRAFFORD CARERS CENTRE,"Information, advice and respite for carers in Trafford.",NA,NA',
  '1000002,SALE FOODBANK,"A food bank giving emergency food parcels.",NA,NA',
  '1000003,THE TRANSPORT MUSEUM SOCIETY,"A museum of buses run by volunteers.",NA,NA',
  '1000004,HOPE CHAPEL,NA,NA,NA',
]);
// The register a year on: the carers centre also runs a lunch club, and the chapel describes its worship.
const second = register([
  '1000001,TRAFFORD CARERS CENTRE,"Advice and respite for carers; a weekly lunch club.",NA,NA',
  '1000002,SALE FOODBANK,"A food bank giving emergency food parcels.",NA,NA',
  '1000003,THE TRANSPORT MUSEUM SOCIETY,"A museum of buses run by volunteers.",NA,NA',
  '1000004,HOPE CHAPEL,"Public worship and a youth club.",NA,NA',
]);

/** Themes from organisations' own words: suggested on import, decided by members, kept across re-imports. */
describe('organisations’ themes', () => {
  let dir: string;
  let runtime: Runtime;
  let context: ImportContext;
  let partnershipId: string;
  const actor = { userId: null, label: 'Test' };
  const importer = charitiesImporter(async (text) => text);
  const user: UserRecord = {
    id: 'u1',
    email: 'ada@example.org',
    displayName: 'Ada Member',
    passwordHash: null,
    isNationalAdmin: false,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
  const member = (role: MembershipRecord['role']): MembershipRecord => ({
    id: 'm1',
    partnershipId,
    userId: user.id,
    role,
    organisationId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-organisation-themes-'));
    runtime = await openRuntime(parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
    partnershipId = (
      await runtime.services.partnerships.create(
        { name: 'Themes test', slug: 'themes-test', localAuthorityCode: 'E08000009' },
        actor,
      )
    ).id;
    context = { services: runtime.services, partnershipId, actor };
  });
  afterAll(async () => {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const organisationId = async (name: string) => {
    const found = (await runtime.services.store.directory.listOrganisations(partnershipId)).find(
      (o) => o.name === name,
    );
    if (!found) throw new Error(`no ${name}`);
    return found.id;
  };
  const lines = async (name: string) =>
    (
      await runtime.services.organisationThemes.forOrganisation(partnershipId, await organisationId(name))
    ).map((l) => `${l.themeId}:${l.status}:${l.matched.join('+')}`);

  it('suggests themes with the words that matched when charities are imported', async () => {
    await importer.apply(first, context);
    expect(await lines('TRAFFORD CARERS CENTRE')).toEqual(['carers:suggested:carers+respite']);
    expect(await lines('SALE FOODBANK')).toEqual(['food:suggested:food bank+foodbank+food parcels']);
    expect(await lines('THE TRANSPORT MUSEUM SOCIETY')).toEqual([]);
    expect(await lines('HOPE CHAPEL')).toEqual(['faith-and-belief:suggested:chapel']);
  });

  it('keeps members’ decisions when the register is imported again, and follows the new words otherwise', async () => {
    const decide = async (name: string, theme: string, decision: 'confirm' | 'reject' | 'add') =>
      runtime.services.organisationThemes.decide(
        partnershipId,
        await organisationId(name),
        theme,
        decision,
        member('vcs-member'),
        user,
        actor,
      );
    await decide('TRAFFORD CARERS CENTRE', 'carers', 'confirm');
    await decide('SALE FOODBANK', 'food', 'reject');
    await decide('THE TRANSPORT MUSEUM SOCIETY', 'transport-and-access', 'add');
    await expect(
      runtime.services.organisationThemes.decide(
        partnershipId,
        await organisationId('HOPE CHAPEL'),
        'faith-and-belief',
        'confirm',
        member('viewer'),
        user,
        actor,
      ),
    ).rejects.toThrow(/Viewers cannot/);

    await importer.apply(second, context);
    expect(await lines('TRAFFORD CARERS CENTRE')).toEqual([
      'food:suggested:lunch club',
      'loneliness-and-isolation:suggested:lunch club',
      'carers:confirmed:carers+respite',
    ]);
    expect(await lines('SALE FOODBANK')).toEqual(['food:rejected:food bank+foodbank+food parcels']);
    expect(await lines('THE TRANSPORT MUSEUM SOCIETY')).toEqual(['transport-and-access:confirmed:']);
    expect(await lines('HOPE CHAPEL')).toEqual([
      'young-people:suggested:youth',
      'faith-and-belief:suggested:chapel+worship',
    ]);
    const audit = await runtime.services.store.audit.listForPartnership(partnershipId, 50);
    expect(audit.map((e) => e.subject)).toContain('SALE FOODBANK: Food set aside');
  });

  it('lists organisations without services as potential provision, and their themes in the export', async () => {
    const provision = await runtime.services.organisationThemes.potentialProvision(partnershipId);
    const names = (themeId: string) =>
      provision.find((p) => p.themeId === themeId)?.organisations.map((o) => o.organisationName);
    expect(names('carers')).toEqual(['TRAFFORD CARERS CENTRE']);
    expect(names('food')).toEqual(['TRAFFORD CARERS CENTRE']);
    expect(names('domestic-abuse')).toEqual([]);
    expect(
      (await runtime.services.organisationThemes.potentialProvision(partnershipId, 'young-people')).map(
        (p) => [p.themeId, p.organisations.map((o) => o.organisationName)],
      ),
    ).toEqual([['young-people', ['HOPE CHAPEL']]]);

    const rows = await runtime.services.organisationThemes.exportRows(partnershipId);
    expect(rows.map((row) => [row[0], row[3]])).toEqual([
      ['HOPE CHAPEL', 'young-people;faith-and-belief'],
      ['SALE FOODBANK', ''],
      ['THE TRANSPORT MUSEUM SOCIETY', 'transport-and-access'],
      ['TRAFFORD CARERS CENTRE', 'food;loneliness-and-isolation;carers'],
    ]);
  });

  it('tells themes with no services or organisations at all (no provision data) from the rest', async () => {
    const data = await runtime.services.organisationThemes.provisionData(partnershipId);
    expect(data.find((d) => d.themeId === 'food')).toEqual({
      themeId: 'food',
      services: 0,
      organisations: 1,
      organisationsWithoutServices: 1,
      hasProvisionData: true,
    });
    expect(data.find((d) => d.themeId === 'domestic-abuse')?.hasProvisionData).toBe(false);
    expect(data.filter((d) => d.hasProvisionData).map((d) => d.themeId)).toEqual([
      'food',
      'loneliness-and-isolation',
      'carers',
      'young-people',
      'transport-and-access',
      'faith-and-belief',
    ]);
  });

  it('classifies again on demand without undoing decisions', async () => {
    expect(await runtime.services.organisationThemes.classify(partnershipId)).toEqual({
      organisations: 4,
      withThemes: 3,
      changed: 0,
    });
  });
});
