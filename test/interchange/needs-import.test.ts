import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportSourceError, type ImportContext } from '../../src/app/interchange.js';
import type { NeedAreas } from '../../src/app/needs/need-areas.js';
import { parseConfig } from '../../src/config.js';
import { needsCsvImporter } from '../../src/interchange/needs-csv.js';
import { openRuntime, type Runtime } from '../../src/main.js';
import { createStore } from '../../src/storage/store.js';

const header = 'id,area_code,theme,severity,people_affected,evidence,source,organisation,reported_on';

describe('import needs (CSV)', () => {
  let dir: string;
  let runtime: Runtime;
  let context: ImportContext;
  let areas: NeedAreas;
  const importer = needsCsvImporter(async (text) => text);
  const partnershipId = () => context.partnershipId as string;
  const imported = async () =>
    (await createStore(runtime.handle.db).needs.listForPartnership(partnershipId())).filter((n) =>
      n.sourceId?.startsWith('N-'),
    );
  const code = (level: 'authority' | 'ward' | 'lsoa', index = 0) =>
    areas.list.filter((a) => a.level === level)[index]?.code ?? 'missing';

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-needs-'));
    runtime = await openRuntime(parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
    await runtime.services.demo.seed({ password: () => 'test-password-1234' });
    const partnership = await runtime.services.partnerships.findBySlug('northmoor');
    if (!partnership) throw new Error('no demo partnership');
    areas = (await runtime.services.needs.context(partnership)).areas;
    context = {
      services: runtime.services,
      partnershipId: partnership.id,
      actor: { userId: null, label: 'Test' },
    };
  });

  afterEach(async () => {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const goodFile = () =>
    [
      header,
      `N-1,${code('lsoa')},food,3,40,About 40 families a week asking for food parcels.,VCS frontline,Northmoor Food Bank,2026-01-15`,
      `N-2,${code('ward')},Fuel and energy,Severe,"1,200",Households on prepayment meters cutting back on heating.,Council data,,15/12/2025`,
      `N-3,${code('authority')},loneliness-and-isolation,low,,Older people living alone say they rarely talk to anyone.,survey,,2025-11-01`,
    ].join('\n');

  it('previews a good file without writing, then applies it', async () => {
    const preview = await importer.preview(goodFile(), context);
    expect(preview).toEqual({ read: 3, imported: 3, updated: 0, skipped: 0, problems: [] });
    expect(await imported()).toEqual([]);
    const applied = await importer.apply(goodFile(), context);
    expect(applied).toEqual(preview);
    const needs = await imported();
    expect(needs).toHaveLength(3);
    const bySource = new Map(needs.map((n) => [n.sourceId, n]));
    expect(bySource.get('N-1')).toMatchObject({
      theme: 'food',
      severity: 3,
      peopleAffected: 40,
      source: 'vcs-frontline',
    });
    expect(bySource.get('N-1')?.reportingOrganisationId).not.toBeNull();
    expect(bySource.get('N-2')).toMatchObject({
      theme: 'fuel-and-energy',
      severity: 4,
      peopleAffected: 1200,
      source: 'council-data',
      reportingOrganisationId: null,
      reportedOn: '2025-12-15',
    });
    expect(bySource.get('N-3')).toMatchObject({
      severity: 1,
      peopleAffected: null,
      reportedOn: '2025-11-01',
    });
  });

  it('lists every problem row with its row number and what to fix, and imports the rest', async () => {
    const file = [
      header,
      `N-1,${code('lsoa')},food,3,40,Good row.,vcs-frontline,,2026-01-15`,
      `N-2,E01999999,weather,9,lots,,rumour,Nobody Ltd,15 Jan 2026`,
      `N-3,${code('lsoa')},food,2,,Mrs Smith on 07700 900123 needs food.,survey,,2026-01-10`,
      `N-1,${code('lsoa')},food,3,40,Same id again.,vcs-frontline,,2026-01-15`,
      `N-4,${code('lsoa')},food,2,,Seen in the future.,survey,,2099-01-01`,
    ].join('\n');
    const report = await importer.preview(file, context);
    expect(report).toMatchObject({ read: 5, imported: 1, updated: 0, skipped: 4 });
    const byRow = (row: number) =>
      Object.fromEntries(report.problems.filter((p) => p.row === row).map((p) => [p.field, p.reason]));
    expect(byRow(3)).toEqual({
      area_code: expect.stringContaining('E01999999 is not an area of this partnership'),
      theme: expect.stringContaining('"weather" is not a theme'),
      severity: expect.stringContaining('use 1 to 4, or Low, Moderate, High or Severe'),
      source: expect.stringContaining('"rumour" is not a source'),
      organisation: expect.stringContaining('no organisation called "Nobody Ltd"'),
      reported_on: expect.stringContaining('write it as YYYY-MM-DD or DD/MM/YYYY'),
      people_affected: expect.stringContaining('whole number'),
      evidence: expect.stringContaining('Describe the need'),
    });
    expect(byRow(4)).toEqual({
      evidence: expect.stringMatching(/person’s name: “Mrs Smith”.*phone number: “07700 900123”.*Remove it/),
    });
    expect(byRow(5)).toEqual({ id: 'The id N-1 appears twice in this file (first at line 2)' });
    expect(new Set(report.problems.map((p) => p.outcome))).toEqual(new Set(['skipped']));
    expect(byRow(6)).toEqual({ reported_on: expect.stringContaining('today or in the past') });
    await importer.apply(file, context);
    expect((await imported()).map((n) => n.evidence)).toEqual(['Good row.']);
  });

  it('updates on re-import by id instead of duplicating, and changes nothing when nothing changed', async () => {
    await importer.apply(goodFile(), context);
    const first = await imported();
    expect(await importer.preview(goodFile(), context)).toMatchObject({
      imported: 0,
      updated: 0,
      skipped: 0,
    });
    const changed = goodFile().replace('food,3,40,About 40 families', 'food,4,60,About 60 families');
    expect(await importer.apply(changed, context)).toMatchObject({ read: 3, imported: 0, updated: 1 });
    const after = await imported();
    expect(after).toHaveLength(3);
    const need = after.find((n) => n.sourceId === 'N-1');
    expect(need).toMatchObject({
      severity: 4,
      peopleAffected: 60,
      id: first.find((n) => n.sourceId === 'N-1')?.id,
    });
  });

  it('refuses a file without the needed columns', async () => {
    await expect(importer.preview('area_code,theme\nE01000001,food', context)).rejects.toThrow(
      ImportSourceError,
    );
    await expect(importer.preview('area_code,theme\nE01000001,food', context)).rejects.toThrow(/"severity"/);
  });
});
