import type { IndicatorDefinition, IndicatorValue } from '../../app/areas/area-records.js';
import { ImportSourceError, type Importer } from '../../app/interchange.js';
import { areaLevelOf } from '../../domain/areas/gss-code.js';
import { planIndicatorWrites } from './indicator-values.js';
import {
  readNumber,
  ReportBuilder,
  referenceImporter,
  type PlanInput,
  type ReferencePlan,
} from './reference-import.js';
import { readCsv } from '../csv-rows.js';

const domainNames: Record<string, string> = {
  imd: 'Index of Multiple Deprivation',
  income: 'Income deprivation',
  employment: 'Employment deprivation',
  education: 'Education, skills and training deprivation',
  health: 'Health deprivation and disability',
  crime: 'Crime',
  housing_and_services: 'Barriers to housing and services',
  housing_and_access: 'Barriers to housing and services',
  environment: 'Living environment deprivation',
  idaci: 'Income deprivation affecting children (IDACI)',
  idaopi: 'Income deprivation affecting older people (IDAOPI)',
  children_and_young_people: 'Children and young people sub-domain',
  adult_skills: 'Adult skills sub-domain',
  geographical_barriers: 'Geographical barriers sub-domain',
  wider_barriers: 'Wider barriers sub-domain',
  indoors: 'Indoors living environment sub-domain',
  outdoors: 'Outdoors living environment sub-domain',
};

/** More LSOAs than any edition ranks (England has 33,755): a larger rank is a mistake in the file. */
const lowestRank = 1_000_000;

/** Editions we know, by the LSOA boundary set their file uses. */
const knownEditions: Record<string, { edition: string; publishedOn: string }> = {
  'lsoa-2021': { edition: 'IMD 2025', publishedOn: '2025-10-30' },
  'lsoa-2011': { edition: 'IMD 2019', publishedOn: '2019-09-26' },
};

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const label = (domain: string) =>
  domainNames[domain.toLowerCase()] ?? domain.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

/**
 * `import imd FILE [--edition "IMD 2025"] [--date 2025-10-30]`: the English Indices of Deprivation by LSOA,
 * every domain's score, rank and decile (columns like Income_score, Income_rank, Income_decile). The sub-domains
 * file (children_and_young_people_score, adult_skills_rank, indoors_decile…) is read the same way and adds its
 * sub-domains beside the domains of the same edition. The LSOA
 * code column (lsoa21_code or lsoa11_code) sets the boundary set, so IMD 2019 on 2011 LSOAs stays apart.
 */
async function plan({ store, text, options }: PlanInput): Promise<ReferencePlan> {
  const reading = readCsv(text);
  const { headers, rows } = reading;
  const codeColumn = headers.find((h) => /^lsoa(\d\d)_?(code|cd)$/i.test(h));
  if (!codeColumn) {
    throw new ImportSourceError('The file needs an LSOA code column such as lsoa21_code or lsoa11_code.');
  }
  const geographyEdition = `lsoa-20${/(\d\d)/.exec(codeColumn)?.[1] ?? ''}`;
  const known = knownEditions[geographyEdition];
  const edition = options.edition ?? known?.edition;
  if (!edition) throw new ImportSourceError('Say which edition this is, like "IMD 2025".');
  const domains = new Map<string, { score?: string; rank?: string; decile?: string }>();
  for (const header of headers) {
    const match = /^(.+)_(score|rank|decile)$/i.exec(header);
    if (!match) continue;
    const domain = (match[1] ?? '').toLowerCase();
    const part = (match[2] ?? '').toLowerCase() as 'score' | 'rank' | 'decile';
    domains.set(domain, { ...domains.get(domain), [part]: header });
  }
  if (domains.size === 0) {
    throw new ImportSourceError('The file has no domain columns such as IMD_score, IMD_rank or IMD_decile.');
  }
  const editionKey = slug(edition);
  const definitions: IndicatorDefinition[] = [...domains.entries()].map(([domain, columns]) => ({
    key: `${editionKey}/${slug(domain)}`,
    name: label(domain),
    unit: columns.score ? 'score' : 'rank',
    source:
      options.source ??
      'Ministry of Housing, Communities and Local Government, English Indices of Deprivation',
    edition,
    publishedOn: options.date ?? (edition === known?.edition ? known.publishedOn : null),
    geographyEdition,
    higherIsMoreNeed: true,
  }));

  const report = new ReportBuilder(reading);
  const values: IndicatorValue[] = [];
  const seen = new Map<string, number>();
  rows.forEach(({ line, values: row }) => {
    report.read += 1;
    const checked = areaLevelOf(row[codeColumn] ?? '');
    if (!checked.ok || checked.level !== 'lsoa') {
      return report.problem(
        line,
        codeColumn,
        checked.ok ? `${checked.code} is not an LSOA code.` : checked.reason,
      );
    }
    const first = seen.get(checked.code);
    if (first !== undefined) {
      return report.problem(line, codeColumn, `${checked.code} appears twice (first at line ${first}).`);
    }
    const rowValues: IndicatorValue[] = [];
    for (const [i, [, columns]] of [...domains.entries()].entries()) {
      const read = (column: string | undefined, check: (n: number) => boolean, what: string) => {
        if (!column) return null;
        const value = readNumber(row[column]);
        if (value === 'invalid' || (value !== null && !check(value))) {
          report.problem(line, column, `"${row[column] ?? ''}" is not ${what}.`);
          return undefined;
        }
        return value;
      };
      const score = read(columns.score, () => true, 'a number');
      const rank = read(
        columns.rank,
        (n) => Number.isInteger(n) && n >= 1 && n <= lowestRank,
        `a rank from 1 to ${lowestRank.toLocaleString('en-GB')}`,
      );
      const decile = read(
        columns.decile,
        (n) => Number.isInteger(n) && n >= 1 && n <= 10,
        'a decile from 1 to 10',
      );
      if (score === undefined || rank === undefined || decile === undefined) return;
      rowValues.push({
        indicatorKey: definitions[i]?.key ?? '',
        areaCode: checked.code,
        value: score,
        rank,
        decile,
      });
    }
    seen.set(checked.code, line);
    values.push(...rowValues);
  });
  return planIndicatorWrites(store, definitions, values, report);
}

export function imdImporter(read: (source: string) => Promise<string>): Importer {
  return referenceImporter(
    'imd',
    'English Indices of Deprivation by LSOA: every domain or sub-domain score, rank and decile (IMD 2025 or 2019)',
    read,
    plan,
    {
      accept: '.csv,.gz',
      options: [
        {
          name: 'edition',
          label: 'Edition',
          hint: 'IMD 2025 or IMD 2019: worked out from the columns when left blank.',
        },
      ],
    },
  );
}
