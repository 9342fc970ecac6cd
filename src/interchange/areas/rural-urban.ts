import type { IndicatorDefinition, IndicatorValue } from '../../app/areas/area-records.js';
import { ImportSourceError, type Importer } from '../../app/interchange.js';
import { currentLsoaEdition } from '../../domain/areas/editions.js';
import { areaLevelOf } from '../../domain/areas/gss-code.js';
import { planIndicatorWrites } from './indicator-values.js';
import {
  findColumn,
  ReportBuilder,
  referenceImporter,
  type PlanInput,
  type ReferencePlan,
} from './reference-import.js';
import { readCsv } from '../csv-rows.js';

/**
 * The 2021 Rural-Urban Classification of LSOAs, kept as an indicator: 0 for urban, 0.5 for larger rural (small
 * towns and larger villages), 1 for smaller rural (villages and hamlets). The reach rule reads it by class.
 */
export const ruralUrbanDefinition: IndicatorDefinition = {
  key: 'ruc-2021',
  name: 'Rural-Urban Classification',
  unit: '0 = urban, 0.5 = larger rural, 1 = smaller rural',
  source: 'Office for National Statistics, 2021 Rural-Urban Classification for LSOAs',
  edition: 'RUC 2021',
  publishedOn: null,
  geographyEdition: currentLsoaEdition,
  higherIsMoreNeed: false,
};

/**
 * From the class code when there is one (UN1, UF1 urban; RLN1, RLF1 larger rural; RSN1, RSF1 smaller rural),
 * else from the `ruc` column ("Urban"; "Rural" counts as smaller rural).
 */
function ruralValue(ruc: string, code: string): 0 | 0.5 | 1 | null {
  const upper = code.trim().toUpperCase();
  if (upper.startsWith('U')) return 0;
  if (upper.startsWith('RL')) return 0.5;
  if (upper.startsWith('R')) return 1;
  const word = ruc.trim().toLowerCase();
  if (word === 'rural') return 1;
  if (word === 'urban') return 0;
  return null;
}

/** `import rural-urban FILE`: ONS's ruc2021_lsoa21.csv (lsoa21_code, ruc21_code, classification, ruc). */
async function plan({ store, text }: PlanInput): Promise<ReferencePlan> {
  const reading = readCsv(text);
  const { headers, rows } = reading;
  const codeColumn = findColumn(headers, 'lsoa21_code', 'LSOA21CD', /lsoa.*code|lsoa.*cd/i);
  const rucColumn = findColumn(headers, 'ruc', 'RUC21NM_short');
  const classColumn = findColumn(headers, 'ruc21_code', 'RUC21CD', /ruc.*code/i);
  if (!codeColumn || (!rucColumn && !classColumn)) {
    throw new ImportSourceError(
      'This is not the Rural-Urban Classification file: it needs the columns lsoa21_code and ruc (or ruc21_code).',
    );
  }
  const report = new ReportBuilder(reading);
  const values: IndicatorValue[] = [];
  const seen = new Map<string, number>();
  rows.forEach(({ line, values: row }) => {
    report.read += 1;
    const checked = areaLevelOf(row[codeColumn] ?? '');
    if (!checked.ok) return report.problem(line, codeColumn, checked.reason);
    if (checked.level !== 'lsoa') {
      return report.problem(
        line,
        codeColumn,
        `${checked.code} is not an LSOA: the classification is for LSOAs.`,
      );
    }
    const value = ruralValue(
      rucColumn ? (row[rucColumn] ?? '') : '',
      classColumn ? (row[classColumn] ?? '') : '',
    );
    if (value === null) {
      return report.problem(
        line,
        rucColumn ?? classColumn ?? 'ruc',
        `"${row[rucColumn ?? ''] ?? row[classColumn ?? ''] ?? ''}" is neither Rural nor Urban.`,
      );
    }
    const first = seen.get(checked.code);
    if (first !== undefined) {
      return report.problem(line, codeColumn, `${checked.code} appears twice (first at line ${first}).`);
    }
    seen.set(checked.code, line);
    values.push({
      indicatorKey: ruralUrbanDefinition.key,
      areaCode: checked.code,
      value,
      rank: null,
      decile: null,
    });
  });
  return planIndicatorWrites(store, [ruralUrbanDefinition], values, report);
}

export function ruralUrbanImporter(read: (source: string) => Promise<string>): Importer {
  return referenceImporter(
    'rural-urban',
    'The 2021 Rural-Urban Classification of LSOAs (ONS ruc2021_lsoa21.csv): stored as 0 for urban, 0.5 for larger rural and 1 for smaller rural',
    read,
    plan,
    { accept: '.csv,.gz' },
  );
}
