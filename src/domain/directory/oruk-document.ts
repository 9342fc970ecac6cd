import type { NormalisedService, RowProblem } from './oruk-import-records.js';
import { normaliseOrukService } from './oruk-service.js';
import type { ThemeVocabulary } from './themes.js';

/** Problems with a whole document (not one record) are reported on row 0; records are numbered from 1. */
export const documentRow = 0;

export interface OrukPage {
  readonly items: readonly unknown[];
  /** '3.0' for a 3.0 page envelope, '1.0' for a 1.0 one, null for a bare list or one service. */
  readonly envelope: '1.0' | '3.0' | null;
  readonly pageNumber: number | null;
  readonly totalPages: number | null;
  readonly problems: readonly RowProblem[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

/**
 * The services in one Open Referral UK document: a list of services, a 3.0 page envelope (`contents`,
 * `total_items`, `size`…), a 1.0 page (`content`, `totalElements`…) or one service. Pagination figures
 * that disagree with the contents are reported; the services are still read.
 */
export function readOrukPage(json: unknown): OrukPage {
  if (Array.isArray(json))
    return { items: json, envelope: null, pageNumber: null, totalPages: null, problems: [] };
  if (!isObject(json)) {
    return {
      items: [],
      envelope: null,
      pageNumber: null,
      totalPages: null,
      problems: [
        {
          row: documentRow,
          field: '',
          reason: 'The file is neither a list of services, a page of them nor one service',
          outcome: 'skipped',
        },
      ],
    };
  }
  const problems: RowProblem[] = [];
  const check = (field: string, said: number | null, actual: number, what: string) => {
    if (said !== null && said !== actual) {
      problems.push({
        row: documentRow,
        field,
        reason: `The page says ${field} is ${said}, but ${what} ${actual}`,
        outcome: 'kept',
      });
    }
  };
  if (Array.isArray(json.contents) || Array.isArray(json.content)) {
    const v3 = Array.isArray(json.contents);
    const items = (v3 ? json.contents : json.content) as unknown[];
    const [sizeField, totalField, pagesField, pageField, emptyField] = v3
      ? ['size', 'total_items', 'total_pages', 'page_number', 'empty']
      : ['numberOfElements', 'totalElements', 'totalPages', 'number', 'empty'];
    const totalPages = count(json[pagesField]);
    const pageNumber = count(json[pageField]);
    check(sizeField, count(json[sizeField]), items.length, 'it holds');
    const total = count(json[totalField]);
    if (total !== null && total < items.length)
      check(totalField, total, items.length, 'this page alone holds');
    else if (total !== null && totalPages === 1)
      check(totalField, total, items.length, 'its only page holds');
    if (typeof json[emptyField] === 'boolean' && json[emptyField] !== (items.length === 0)) {
      problems.push({
        row: documentRow,
        field: emptyField,
        reason: `The page says empty is ${String(json[emptyField])}, but it holds ${items.length} services`,
        outcome: 'kept',
      });
    }
    const pageNumberFor1 = !v3 && pageNumber !== null ? pageNumber + 1 : pageNumber; // 1.0 counts pages from 0
    return { items, envelope: v3 ? '3.0' : '1.0', pageNumber: pageNumberFor1, totalPages, problems };
  }
  return { items: [json], envelope: null, pageNumber: null, totalPages: null, problems };
}

export interface OrukServices {
  readonly read: number;
  readonly services: readonly NormalisedService[];
  readonly skipped: number;
  readonly problems: readonly RowProblem[];
}

/**
 * Two different records of a feed that name the same origin id (a directory that merged two sources whose ids
 * overlap): the second is kept under its own id in the feed, with a note, rather than skipped as a copy.
 */
function underItsOwnId(
  service: NormalisedService,
  firstRow: ReadonlyMap<string, number>,
  keptFeedIds: ReadonlySet<string>,
  found: RowProblem[],
): NormalisedService {
  const first = firstRow.get(service.sourceId);
  if (first === undefined || !service.feedId || service.feedId === service.sourceId) return service;
  // The same record again (a true copy), or its own id taken too: skipped below as a copy.
  if (keptFeedIds.has(service.feedId) || firstRow.has(service.feedId)) return service;
  found.push({
    row: service.row,
    field: 'attributes',
    reason: `The source id ${service.sourceId} was already used by record ${first}; "${service.details.name}" is imported under its id in this feed, ${service.feedId}`,
    outcome: 'kept',
  });
  return { ...service, sourceId: service.feedId };
}

/**
 * Every service in `items` as a directory service. A second record with an id already read is skipped (the
 * first copy wins), as are records with no id or no name; each skip and each smaller defect is a problem.
 */
export function normaliseOrukServices(items: readonly unknown[], vocabulary: ThemeVocabulary): OrukServices {
  const problems: RowProblem[] = [];
  const services: NormalisedService[] = [];
  const firstRow = new Map<string, number>();
  const keptFeedIds = new Set<string>();
  let skipped = 0;
  items.forEach((item, index) => {
    const row = index + 1;
    const found: RowProblem[] = [];
    const read = normaliseOrukService(item, row, vocabulary, found);
    if (!read) {
      skipped += 1;
      problems.push(...found);
      return;
    }
    const service = underItsOwnId(read, firstRow, keptFeedIds, found);
    const first = firstRow.get(service.sourceId);
    if (first !== undefined) {
      // Only the skip is reported for a second copy, not the smaller defects of a record that is not kept.
      skipped += 1;
      problems.push({
        row,
        field: 'id',
        reason: `The id ${service.sourceId} was already used by record ${first}; this second copy ("${service.details.name}") is skipped`,
        outcome: 'skipped',
      });
      return;
    }
    problems.push(...found);
    firstRow.set(service.sourceId, row);
    if (service.feedId) keptFeedIds.add(service.feedId);
    services.push(service);
  });
  return { read: items.length, services, skipped, problems };
}

/** Problems with a feed's `GET /` answer (api_details): the version, profile and OpenAPI address it must give. */
export function checkOrukApiDetails(json: unknown): RowProblem[] {
  if (!isObject(json))
    return [
      {
        row: documentRow,
        field: '',
        reason: 'The feed’s front page is not a JSON object',
        outcome: 'skipped',
      },
    ];
  const problems: RowProblem[] = [];
  const version = typeof json.version === 'string' ? json.version : '';
  if (!version)
    problems.push({
      row: documentRow,
      field: 'version',
      reason: 'The feed does not say which version of the standard it uses',
      outcome: 'skipped',
    });
  if (typeof json.profile !== 'string' || !json.profile) {
    problems.push({
      row: documentRow,
      field: 'profile',
      reason: 'The feed does not give the address of its profile (for Open Referral UK 3.0, the UK profile)',
      outcome: 'skipped',
    });
  }
  const openapi = typeof json.openapi_url === 'string' ? json.openapi_url : '';
  if (!/^https?:\/\/\S+$/.test(openapi)) {
    problems.push({
      row: documentRow,
      field: 'openapi_url',
      reason: openapi
        ? `"${openapi}" is not a full web address of the feed’s OpenAPI document`
        : 'The feed does not give the address of its OpenAPI document',
      outcome: 'skipped',
    });
  }
  return problems;
}
