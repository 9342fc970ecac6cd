import {
  FeedHealthTally,
  recordLabel,
  type FeedDocument,
  type FeedHealthResult,
} from '../../domain/directory/feed-health.js';
import type { OrukPage } from '../../domain/directory/oruk-page.js';
import type { FeedQuery } from '../../domain/directory/oruk-query.js';
import type { OrukFeed } from '../directory/oruk-feed.js';
import type { FeedPageWalker, OrukSchemaChecker, OrukSchemaName } from './feed-health-ports.js';

/** Records checked so far and in all, written where every instance can read them. */
export type CheckProgress = (done: number, total: number) => Promise<void>;

type Json = Record<string, unknown>;

/** The largest page our feed gives: the check reads it in as few pages as it can. */
const perPage = 200;

interface ListCheck {
  readonly page: FeedDocument;
  readonly item: FeedDocument;
  readonly schema: OrukSchemaName;
  readonly read: (query: FeedQuery) => Promise<OrukPage<unknown>>;
  /** Also checks each item in full, as its own endpoint gives it. */
  readonly full?: (item: unknown, label: string) => Promise<void>;
}

async function checkList(
  tally: FeedHealthTally,
  checker: OrukSchemaChecker,
  list: ListCheck,
  progress?: CheckProgress,
) {
  for (let number = 1; ; number += 1) {
    const page = await list.read({ page: number, perPage });
    tally.page();
    tally.record(list.page, `page ${number}`, checker.check('page', page));
    for (const [index, item] of page.contents.entries()) {
      const label = recordLabel(item, `record ${index + 1} on page ${number}`);
      tally.record(list.item, label, checker.check(list.schema, item));
      await list.full?.(item, label);
    }
    await progress?.((number - 1) * perPage + page.contents.length, page.total_items);
    if (page.last_page || page.contents.length === 0) return;
  }
}

/**
 * Checks a partnership's own published Open Referral UK 3.0 feed, as its endpoints answer: every page of
 * services (and each service in full), of services at locations, of organisations, of taxonomies and of
 * taxonomy terms, each page's envelope and each record against the UK profile's schemas.
 */
export async function checkPublishedFeed(
  oruk: OrukFeed,
  slug: string,
  checker: OrukSchemaChecker,
  progress: CheckProgress,
): Promise<FeedHealthResult> {
  const tally = new FeedHealthTally();
  tally.note('Checked against the Open Referral UK 3.0 profile’s schemas.');
  await checkList(
    tally,
    checker,
    {
      page: 'services page',
      item: 'service',
      schema: 'serviceList',
      read: (query) => oruk.services(slug, query),
      full: async (item, label) => {
        const full = await oruk.service(slug, String((item as Json).id));
        tally.record('service in full', label, checker.check('service', full));
      },
    },
    progress,
  );
  const lists: [FeedDocument, FeedDocument, OrukSchemaName, ListCheck['read']][] = [
    [
      'services at locations page',
      'service at a location',
      'serviceAtLocationList',
      (q) => oruk.serviceAtLocations(slug, q),
    ],
    ['organisations page', 'organisation', 'organizationList', (q) => oruk.organizations(slug, q)],
    ['taxonomies page', 'taxonomy', 'taxonomy', (q) => oruk.taxonomies(slug, q)],
    ['taxonomy terms page', 'taxonomy term', 'taxonomyTerm', (q) => oruk.taxonomyTerms(slug, q)],
  ];
  for (const [page, item, schema, read] of lists)
    await checkList(tally, checker, { page, item, schema, read });
  return tally.result();
}

const listOf = (value: unknown, key: string): unknown[] | undefined => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const list = (value as Json)[key];
  return Array.isArray(list) ? list : undefined;
};

const namesOrganisationById = (item: unknown) =>
  typeof item === 'object' && item !== null && 'organization_id' in item;

/**
 * The services on a page and the version of the standard they follow: a 3.0 page (`contents`), a 1.0 page
 * (`content`), or a plain list with no page around it, whose services are 3.0 when they name their
 * organisation by id.
 */
function servicesOnPage(
  value: unknown,
): { readonly version: '3.0' | '1.0'; readonly items: unknown[]; readonly paged: boolean } | undefined {
  if (Array.isArray(value)) {
    return { version: value.some(namesOrganisationById) ? '3.0' : '1.0', items: value, paged: false };
  }
  const v3 = listOf(value, 'contents');
  if (v3) return { version: '3.0', items: v3, paged: true };
  const v1 = listOf(value, 'content');
  return v1 ? { version: '1.0', items: v1, paged: true } : undefined;
}

const versionNotes = {
  '3.0': 'Checked against the Open Referral UK 3.0 profile’s schemas.',
  '1.0': 'The feed uses Open Referral UK 1.0: its services were checked against the 1.0 schema.',
};

/**
 * Checks a subscribed feed's pages as they are published: an Open Referral UK 3.0 page's envelope against the
 * HSDS page schema and each service against the UK profile's service list schema; an ORUK 1.0 page's services
 * against the 1.0 service schema.
 */
export async function checkSubscribedFeed(
  walker: FeedPageWalker,
  address: string,
  checker: OrukSchemaChecker,
  progress: CheckProgress,
): Promise<FeedHealthResult> {
  const tally = new FeedHealthTally();
  await walker.walk(address, async (page, totalPages) => {
    tally.page();
    const where = `page ${page.number}`;
    const found = page.document.ok ? servicesOnPage(page.document.value) : undefined;
    if (!page.document.ok) {
      tally.problem('feed', where, 'the whole page', page.document.reason);
    } else if (!found) {
      tally.problem('feed', where, 'contents', 'the page has no list of services');
    } else {
      tally.note(versionNotes[found.version]);
      if (!found.paged) tally.note('The feed is a plain list of services, with no pages.');
      if (found.paged && found.version === '3.0') {
        tally.record('services page', where, checker.check('page', page.document.value));
      }
      for (const [index, item] of found.items.entries()) {
        const label = recordLabel(item, `record ${index + 1} on ${where}`);
        tally.record(
          'service',
          label,
          checker.check(found.version === '3.0' ? 'serviceList' : 'v1Service', item),
        );
      }
    }
    await progress(page.number, totalPages);
  });
  return tally.result();
}
