import type { LsoaChange } from '../../app/areas/area-records.js';
import type { Store } from '../../app/ports.js';
import { areaLevelOf } from '../../domain/areas/gss-code.js';
import type { CsvTable } from '../csv-rows.js';
import { ReportBuilder, type ReferencePlan } from './reference-import.js';

const changeCodes = new Set(['U', 'S', 'M', 'X']);

/** Recognises the ONS 2011→2021 LSOA lookup: lsoa11_code, lsoa21_code and change_code columns. */
export function isLsoaChangeLookup(headers: readonly string[]): boolean {
  const lower = headers.map((h) => h.toLowerCase());
  return ['lsoa11_code', 'lsoa21_code', 'change_code'].every((h) => lower.includes(h));
}

/** Plans the 2011→2021 LSOA lookup (for postcode files that give 2011 LSOAs). */
export async function planLsoaChanges(store: Store, reading: CsvTable): Promise<ReferencePlan> {
  const { headers, rows } = reading;
  const column = (name: string) => headers.find((h) => h.toLowerCase() === name) ?? name;
  const [from, to, change] = [column('lsoa11_code'), column('lsoa21_code'), column('change_code')];
  const existing = new Map(
    (await store.areas.listLsoaChanges()).map((c) => [`${c.lsoa11Code}|${c.lsoa21Code}`, c.changeCode]),
  );
  const report = new ReportBuilder(reading);
  const writes: LsoaChange[] = [];
  const seen = new Map<string, number>();
  rows.forEach(({ line, values: row }) => {
    report.read += 1;
    const codes: string[] = [];
    for (const field of [from, to]) {
      const checked = areaLevelOf(row[field] ?? '');
      if (!checked.ok || checked.level !== 'lsoa') {
        report.problem(line, field, checked.ok ? `${checked.code} is not an LSOA code.` : checked.reason);
      } else codes.push(checked.code);
    }
    const changeCode = (row[change] ?? '').trim().toUpperCase();
    if (!changeCodes.has(changeCode)) {
      report.problem(line, change, `"${row[change] ?? ''}" is not a change code (U, S, M or X).`);
    }
    const [lsoa11Code, lsoa21Code] = codes;
    if (!lsoa11Code || !lsoa21Code || !changeCodes.has(changeCode)) return;
    const key = `${lsoa11Code}|${lsoa21Code}`;
    const first = seen.get(key);
    if (first !== undefined) {
      return report.problem(
        line,
        from,
        `${lsoa11Code} to ${lsoa21Code} appears twice (first at line ${first}).`,
      );
    }
    seen.set(key, line);
    const before = existing.get(key);
    if (before === undefined) report.imported += 1;
    else if (before !== changeCode) report.updated += 1;
    else return;
    writes.push({ lsoa11Code, lsoa21Code, changeCode });
  });
  return { report: report.build(), write: (target) => target.areas.upsertLsoaChanges(writes) };
}
