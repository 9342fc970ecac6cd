import type { IndicatorDefinition, IndicatorValue } from '../../app/areas/area-records.js';
import { ImportSourceError, type Importer } from '../../app/interchange.js';
import { defaultEdition, editionFromColumn } from '../../domain/areas/editions.js';
import { areaLevelOf, type AreaLevel } from '../../domain/areas/gss-code.js';
import { englandRanks } from '../../domain/needs/national-need.js';
import { planIndicatorWrites } from './indicator-values.js';
import {
  findColumn,
  namedColumn,
  readNumber,
  ReportBuilder,
  referenceImporter,
  type PlanInput,
  type ReferencePlan,
} from './reference-import.js';
import { readCsv } from '../csv-rows.js';

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The boundary set a code column implies: lsoa21_code → lsoa-2021, WD22CD → ward-2022. */
function editionFromHeader(header: string, level: AreaLevel): string {
  const ons = editionFromColumn(header);
  if (ons) return ons;
  const match = /^(lsoa|ward|wd|ltla|lad)(\d\d)_?code$/i.exec(header);
  if (match) {
    const kind = (match[1] ?? '').toLowerCase();
    const set = kind === 'lsoa' ? 'lsoa' : kind === 'ward' || kind === 'wd' ? 'ward' : 'lad';
    return `${set}-20${match[2]}`;
  }
  return defaultEdition(level);
}

/** The details an indicator must be given (option names), in the words the import form uses. */
const indicatorDetails: Readonly<Record<string, string>> = {
  name: 'name',
  unit: 'unit',
  source: 'source',
  edition: 'edition',
  date: 'date published',
};

/**
 * `import indicator FILE --name N --unit U --source S --edition E --date D [--code-field F] [--value-field F]`:
 * any statistic given as `area code, value` rows. Higher values are taken to mean more need.
 */
async function plan({ store, text, options }: PlanInput): Promise<ReferencePlan> {
  const missing = Object.entries(indicatorDetails)
    .filter(([option]) => !options[option]?.trim())
    .map(([, words]) => words);
  if (missing.length > 0) {
    const list =
      missing.length > 1 ? `${missing.slice(0, -1).join(', ')} and ${missing.at(-1) ?? ''}` : missing[0];
    throw new ImportSourceError(
      `Give the indicator’s ${list ?? ''}. Every indicator needs its name, unit, source, edition and date published.`,
    );
  }
  const reading = readCsv(text);
  const { headers, rows } = reading;
  const codeColumn = options['code-field']
    ? namedColumn(headers, options['code-field'], 'area code column')
    : findColumn(headers, 'area_code', 'area code', 'code', /_code$/i, /cd$/i);
  const valueColumn = options['value-field']
    ? namedColumn(headers, options['value-field'], 'value column')
    : findColumn(headers, 'value', ...headers.filter((h) => h !== codeColumn && !/name$|nm$/i.test(h)));
  if (!codeColumn || !valueColumn) {
    throw new ImportSourceError(
      'The file needs an area code column and a value column. Give their names as the columns holding the area code and the value.',
    );
  }
  const firstLevel = rows.map((r) => areaLevelOf(r.values[codeColumn] ?? '')).find((r) => r.ok);
  const geographyEdition = editionFromHeader(codeColumn, firstLevel?.ok ? firstLevel.level : 'lsoa');
  const name = (options.name ?? '').trim();
  const edition = (options.edition ?? '').trim();
  const definition: IndicatorDefinition = {
    key: `${slug(name)}/${slug(edition)}`,
    name,
    unit: (options.unit ?? '').trim(),
    source: (options.source ?? '').trim(),
    edition,
    publishedOn: (options.date ?? '').trim(),
    geographyEdition,
    higherIsMoreNeed: true,
  };
  const report = new ReportBuilder(reading);
  const values: IndicatorValue[] = [];
  const seen = new Map<string, number>();
  rows.forEach(({ line, values: row }) => {
    report.read += 1;
    const checked = areaLevelOf(row[codeColumn] ?? '');
    if (!checked.ok) return report.problem(line, codeColumn, checked.reason);
    const value = readNumber(row[valueColumn]);
    if (value === null || value === 'invalid') {
      return report.problem(line, valueColumn, `"${row[valueColumn] ?? ''}" is not a number.`);
    }
    const first = seen.get(checked.code);
    if (first !== undefined) {
      return report.problem(line, codeColumn, `${checked.code} appears twice (first at line ${first}).`);
    }
    seen.set(checked.code, line);
    values.push({ indicatorKey: definition.key, areaCode: checked.code, value, rank: null, decile: null });
  });
  // A file covering England's LSOAs gets England ranks and deciles, so its areas are scored against the country.
  const ranks = englandRanks(new Map(values.map((v) => [v.areaCode, v.value ?? 0])), geographyEdition, true);
  const ranked = ranks
    ? values.map((v) => ({
        ...v,
        rank: ranks.get(v.areaCode)?.rank ?? null,
        decile: ranks.get(v.areaCode)?.decile ?? null,
      }))
    : values;
  return planIndicatorWrites(store, [definition], ranked, report);
}

export function indicatorImporter(read: (source: string) => Promise<string>): Importer {
  return referenceImporter(
    'indicator',
    'Any statistic by area from a CSV of area code and value, with its name, unit, source, edition and date',
    read,
    plan,
    {
      accept: '.csv,.gz',
      options: [
        { name: 'name', label: 'Name of the statistic', required: true },
        { name: 'unit', label: 'Unit', hint: 'Such as per cent or people.' },
        { name: 'source', label: 'Source', hint: 'Who published it.' },
        { name: 'edition', label: 'Edition', required: true, hint: 'Such as 2023 or the release name.' },
        { name: 'date', label: 'Date published', hint: 'As YYYY-MM-DD.' },
        { name: 'code-field', label: 'Column holding the area code' },
        { name: 'value-field', label: 'Column holding the value' },
      ],
    },
  );
}
