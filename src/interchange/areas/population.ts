import type { PopulationRecord } from '../../app/areas/area-records.js';
import { ImportSourceError, type Importer } from '../../app/interchange.js';
import { areaLevelOf } from '../../domain/areas/gss-code.js';
import {
  findColumn,
  isPeriod,
  namedColumn,
  readNumber,
  ReportBuilder,
  referenceImporter,
  type PlanInput,
  type ReferencePlan,
} from './reference-import.js';
import { readCsv } from '../csv-rows.js';

/** More people than any area holds: the United Kingdom has about 69 million. */
const mostPeople = 100_000_000;

/**
 * `import population FILE [--date 2024-06-30] [--code-field F] [--value-field F] [--source S]`: population
 * estimates by area. Files with a `sex` column (Persons, Females, Males) count only the Persons rows.
 */
async function plan({ store, text, options }: PlanInput): Promise<ReferencePlan> {
  const reading = readCsv(text);
  const { headers, rows } = reading;
  const codeColumn = options['code-field']
    ? namedColumn(headers, options['code-field'], 'area code column')
    : findColumn(headers, 'area_code', 'code', /_code$/i, /cd$/i);
  const valueColumn = options['value-field']
    ? namedColumn(headers, options['value-field'], 'value column')
    : findColumn(headers, 'all_ages', 'population', 'persons', 'count', 'value');
  if (!codeColumn || !valueColumn) {
    throw new ImportSourceError(
      'The file needs an area code column (area_code) and a population column (all_ages or population). Give their names as the columns holding the area code and the value.',
    );
  }
  const sexColumn = findColumn(headers, 'sex', 'gender');
  const periodColumn = findColumn(headers, 'period', 'date');
  if (!periodColumn && !options.date) {
    throw new ImportSourceError('Say which date the estimates are for, like 2024-06-30.');
  }
  if (options.date !== undefined && !isPeriod(options.date)) {
    throw new ImportSourceError(`The date "${options.date}" is not a date like 2024-06-30.`);
  }
  const source = options.source ?? 'ONS mid-year population estimates';
  const persons = sexColumn
    ? rows.filter((r) => /^(persons|all|total)$/i.test(r.values[sexColumn] ?? ''))
    : rows;

  const report = new ReportBuilder(reading);
  const records: PopulationRecord[] = [];
  const seen = new Map<string, number>();
  for (const { line, values: row } of persons) {
    report.read += 1;
    const checked = areaLevelOf(row[codeColumn] ?? '');
    if (!checked.ok) {
      report.problem(line, codeColumn, checked.reason);
      continue;
    }
    const value = readNumber(row[valueColumn]);
    if (
      value === null ||
      value === 'invalid' ||
      value < 0 ||
      value > mostPeople ||
      !Number.isInteger(value)
    ) {
      report.problem(
        line,
        valueColumn,
        `The population must be a whole number from 0 to ${mostPeople.toLocaleString('en-GB')}, not "${row[valueColumn] ?? ''}".`,
      );
      continue;
    }
    const period = options.date ?? (periodColumn ? (row[periodColumn] ?? '') : '');
    if (!isPeriod(period)) {
      report.problem(line, periodColumn ?? 'date', `"${period}" is not a date like 2024-06-30.`);
      continue;
    }
    const key = `${checked.code}|${period}`;
    const first = seen.get(key);
    if (first !== undefined) {
      report.problem(
        line,
        codeColumn,
        `${checked.code} appears twice for ${period} (first at line ${first}).`,
      );
      continue;
    }
    seen.set(key, line);
    records.push({ areaCode: checked.code, period, population: value, source });
  }
  const existing = new Map(
    (await store.areas.listPopulations([...new Set(records.map((r) => r.areaCode))])).map((p) => [
      `${p.areaCode}|${p.period}`,
      p,
    ]),
  );
  const writes = records.filter((record) => {
    const before = existing.get(`${record.areaCode}|${record.period}`);
    if (!before) report.imported += 1;
    else if (before.population !== record.population || before.source !== record.source) report.updated += 1;
    else return false;
    return true;
  });
  return { report: report.build(), write: (target) => target.areas.upsertPopulations(writes) };
}

export function populationImporter(read: (source: string) => Promise<string>): Importer {
  return referenceImporter(
    'population',
    'Population estimates by area (CSV: area_code, all_ages; only the Persons rows are counted)',
    read,
    plan,
    {
      accept: '.csv,.gz',
      options: [
        {
          name: 'date',
          label: 'Date of the estimates',
          hint: 'Only if the file has no period column, such as 2024-06-30.',
        },
      ],
    },
  );
}
