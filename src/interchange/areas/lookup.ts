import type { AreaRecord, AreaSummary } from '../../app/areas/area-records.js';
import { ImportSourceError, type Importer } from '../../app/interchange.js';
import { areaLevelNames, areaLevelOf, type AreaLevel } from '../../domain/areas/gss-code.js';
import {
  findColumn,
  ReportBuilder,
  referenceImporter,
  type PlanInput,
  type ReferencePlan,
} from './reference-import.js';
import { readCsv } from '../csv-rows.js';
import { isLsoaChangeLookup, planLsoaChanges } from './lsoa-changes.js';

interface Columns {
  readonly code: string;
  readonly name: string | undefined;
  readonly edition: string;
}

function columnsFor(headers: readonly string[], prefix: RegExp, set: string): Columns | undefined {
  const code = headers.find((h) => new RegExp(`^${prefix.source}(\\d\\d)_?(code|cd)$`, 'i').test(h));
  if (!code) return undefined;
  const year = /(\d\d)_?(code|cd)$/i.exec(code)?.[1] ?? '';
  const name = findColumn(headers, code.replace(/code$/i, 'name').replace(/cd$/i, 'nm'));
  return { code, name, edition: `${set}-20${year}` };
}

/**
 * `import lookup FILE`: an ONS best-fit lookup from LSOAs to wards to local authorities
 * (lsoa21_code, ward24_code, ltla24_code, with names). Sets each LSOA's parent ward and each ward's parent
 * authority; areas not yet known are added, without boundaries, in the lookup's boundary sets. The 2011→2021
 * LSOA lookup is recognised by its columns and kept for postcode files that give 2011 LSOAs.
 */
async function plan({ store, text, now }: PlanInput): Promise<ReferencePlan> {
  const reading = readCsv(text);
  const { headers, rows } = reading;
  if (isLsoaChangeLookup(headers)) return planLsoaChanges(store, reading);
  const lsoa = columnsFor(headers, /lsoa/, 'lsoa');
  const ward = columnsFor(headers, /(ward|wd)/, 'ward');
  const lad = columnsFor(headers, /(ltla|lad)/, 'lad');
  if (!lsoa || !ward || !lad) {
    throw new ImportSourceError(
      'The lookup needs LSOA, ward and local authority code columns, like lsoa21_code, ward24_code and ltla24_code.',
    );
  }
  const [lsoas, wards, authorities] = await Promise.all([
    store.areas.listSummaries('lsoa', lsoa.edition),
    store.areas.listSummaries('ward'),
    store.areas.listSummaries('authority'),
  ]);
  const byCode = (list: AreaSummary[]) => {
    const map = new Map<string, AreaSummary[]>();
    for (const area of list) map.set(area.code, [...(map.get(area.code) ?? []), area]);
    return map;
  };
  const known = { lsoa: byCode(lsoas), ward: byCode(wards), authority: byCode(authorities) };

  const report = new ReportBuilder(reading);
  const inserts = new Map<string, AreaRecord>();
  const parents = new Map<string, { code: string; edition: string; parentCode: string | null }>();
  const lsoaSeen = new Map<string, number>();

  const ensure = (
    level: AreaLevel,
    code: string,
    name: string,
    edition: string,
    parentCode: string | null,
  ) => {
    const existing = known[level].get(code);
    if (existing) {
      for (const area of existing) {
        const key = `${area.code}|${area.edition}`;
        if (area.parentCode !== parentCode && parentCode !== null && !parents.has(key)) {
          parents.set(key, { code: area.code, edition: area.edition, parentCode });
        }
      }
      return;
    }
    if (inserts.has(code)) return;
    inserts.set(code, {
      code,
      edition,
      level,
      name: name || code,
      parentCode,
      boundary: null,
      pointLat: null,
      pointLng: null,
      bounds: null,
      source: 'lookup import',
      updatedAt: now,
    });
  };

  rows.forEach(({ line, values: row }) => {
    report.read += 1;
    const codes: Partial<Record<AreaLevel, string>> = {};
    for (const [level, columns] of [
      ['lsoa', lsoa],
      ['ward', ward],
      ['authority', lad],
    ] as const) {
      const checked = areaLevelOf(row[columns.code] ?? '');
      if (!checked.ok) report.problem(line, columns.code, checked.reason);
      else if (checked.level !== level)
        report.problem(line, columns.code, `${checked.code} is not a ${areaLevelNames[level]} code.`);
      else codes[level] = checked.code;
    }
    if (!codes.lsoa || !codes.ward || !codes.authority) return;
    const first = lsoaSeen.get(codes.lsoa);
    if (first !== undefined) {
      return report.problem(line, lsoa.code, `${codes.lsoa} appears twice (first at line ${first}).`);
    }
    lsoaSeen.set(codes.lsoa, line);
    const name = (columns: Columns) => (columns.name ? (row[columns.name] ?? '') : '');
    ensure('authority', codes.authority, name(lad), lad.edition, null);
    ensure('ward', codes.ward, name(ward), ward.edition, codes.authority);
    ensure('lsoa', codes.lsoa, name(lsoa), lsoa.edition, codes.ward);
  });
  // A parent changed for an area the same file adds needs no separate update.
  report.imported = inserts.size;
  report.updated = parents.size;
  return {
    report: report.build(),
    async write(target) {
      await target.areas.upsertAreas([...inserts.values()]);
      await target.areas.setParents([...parents.values()]);
    },
  };
}

export function lookupImporter(read: (source: string) => Promise<string>): Importer {
  return referenceImporter(
    'lookup',
    'An ONS lookup: LSOAs to wards to local authorities (lsoa21_code, ward24_code, ltla24_code), or 2011 to 2021 LSOAs (lsoa11_code, lsoa21_code, change_code)',
    read,
    plan,
    { accept: '.csv,.gz' },
  );
}
