import type { PostcodeRecord } from '../../app/areas/area-records.js';
import { ImportSourceError, type Importer } from '../../app/interchange.js';
import { normalisePostcode } from '../../domain/areas/postcode.js';
import {
  findColumn,
  readNumber,
  ReportBuilder,
  referenceImporter,
  type PlanInput,
  type ReferencePlan,
} from './reference-import.js';
import { readCsv } from '../csv-rows.js';

/** NSPL and ONSPD write latitude 99.999999 (and longitude 0) for postcodes with no grid reference. */
const noLocationLatitude = 99.999999;

const codeOrNull = (raw: string | undefined) => {
  const text = (raw ?? '').trim().toUpperCase();
  return text === '' || /^[A-Z]99999999$/.test(text) ? null : text;
};

/**
 * `import postcodes FILE`: an ONS postcode file (NSPL or ONSPD: pcds or pcd, lat, long, lsoa11 or lsoa21,
 * ward, laua, doterm). Terminated postcodes and postcodes with no location are kept, flagged, so a lookup
 * can say why it has no answer.
 */
async function plan({ store, text }: PlanInput): Promise<ReferencePlan> {
  const reading = readCsv(text);
  const { headers, rows } = reading;
  const postcodeColumn = findColumn(headers, 'pcds', 'pcd', 'pcd2', 'postcode');
  const latColumn = findColumn(headers, 'lat', 'latitude');
  const lngColumn = findColumn(headers, 'long', 'lng', 'longitude');
  if (!postcodeColumn || !latColumn || !lngColumn) {
    throw new ImportSourceError(
      'The file needs postcode (pcds), latitude (lat) and longitude (long) columns, as in the ONS postcode files.',
    );
  }
  const lsoa21 = findColumn(headers, 'lsoa21', 'lsoa21cd');
  const lsoa11 = findColumn(headers, 'lsoa11', 'lsoa11cd');
  const lsoaColumn = lsoa21 ?? lsoa11;
  const lsoaEdition = lsoa21 ? 'lsoa-2021' : lsoa11 ? 'lsoa-2011' : null;
  const wardColumn = findColumn(headers, 'ward', 'osward');
  const authorityColumn = findColumn(headers, 'laua', 'oslaua', 'lad');
  const terminatedColumn = findColumn(headers, 'doterm');

  const report = new ReportBuilder(reading);
  const records: PostcodeRecord[] = [];
  const seen = new Map<string, number>();
  rows.forEach(({ line, values: row }) => {
    report.read += 1;
    const normalised = normalisePostcode(row[postcodeColumn] ?? '');
    if (!normalised.ok) return report.problem(line, postcodeColumn, normalised.reason);
    const first = seen.get(normalised.postcode);
    if (first !== undefined) {
      return report.problem(
        line,
        postcodeColumn,
        `${normalised.postcode} appears twice (first at line ${first}).`,
      );
    }
    const lat = readNumber(row[latColumn]);
    const lng = readNumber(row[lngColumn]);
    if (lat === 'invalid' || (lat !== null && lat !== noLocationLatitude && Math.abs(lat) > 90))
      return report.problem(line, latColumn, `"${row[latColumn] ?? ''}" is not a latitude (-90 to 90).`);
    if (lng === 'invalid' || (lng !== null && Math.abs(lng) > 180))
      return report.problem(line, lngColumn, `"${row[lngColumn] ?? ''}" is not a longitude (-180 to 180).`);
    const located = lat !== null && lng !== null && lat !== noLocationLatitude;
    const terminated = (terminatedColumn ? (row[terminatedColumn] ?? '') : '').trim();
    if (terminated !== '' && !/^\d{4}(0[1-9]|1[0-2])$/.test(terminated)) {
      return report.problem(
        line,
        terminatedColumn ?? 'doterm',
        `"${terminated}" is not a year and month like 202103.`,
      );
    }
    seen.set(normalised.postcode, line);
    const areaCode = (column: string | undefined) => {
      const code = column ? codeOrNull(row[column]) : null;
      if (code === null || /^[EWSN]\d{8}$/.test(code)) return code;
      report.note(
        line,
        column ?? '',
        `"${row[column ?? ''] ?? ''}" is not an ONS area code like E01006074; the postcode is kept without it.`,
      );
      return null;
    };
    const lsoaCode = areaCode(lsoaColumn);
    records.push({
      postcode: normalised.postcode,
      lat: located ? lat : null,
      lng: located ? lng : null,
      lsoaCode,
      lsoaEdition: lsoaCode ? lsoaEdition : null,
      wardCode: areaCode(wardColumn),
      authorityCode: areaCode(authorityColumn),
      terminatedOn: terminated ? `${terminated.slice(0, 4)}-${terminated.slice(4)}` : null,
      located,
    });
  });
  const existing = new Map(
    (await store.areas.listPostcodes(records.map((r) => r.postcode))).map((p) => [p.postcode, p]),
  );
  const writes = records.filter((record) => {
    const before = existing.get(record.postcode);
    if (!before) report.imported += 1;
    else if (JSON.stringify(before) !== JSON.stringify(record)) report.updated += 1;
    else return false;
    return true;
  });
  return { report: report.build(), write: (target) => target.areas.upsertPostcodes(writes) };
}

export function postcodesImporter(read: (source: string) => Promise<string>): Importer {
  return referenceImporter(
    'postcodes',
    'Postcode centroids from an ONS postcode file (NSPL or ONSPD CSV), with terminated and unlocated postcodes flagged',
    read,
    plan,
    { accept: '.csv,.gz' },
  );
}
