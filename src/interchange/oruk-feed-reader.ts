import { FeedFetchError, type FeedFetcher } from '../app/feeds/feed-fetcher.js';
import type { FeedReader } from '../app/feeds/feed-reader.js';
import type { FeedPageState } from '../app/feeds/feed-subscription-store.js';
import { normaliseOrukServices } from '../domain/directory/oruk-document.js';
import type { RowProblem } from '../domain/directory/oruk-import-records.js';
import {
  maxFeedPages,
  orukBatch,
  orukSourceLabel,
  pageAddress,
  pagedProblems,
  readOrukDocument,
  tooManyPages,
} from './oruk-import.js';

/** How long reading a whole feed may take: well within the lease that keeps other instances from refreshing it. */
const maxReadMinutes = 10;

/**
 * Reads a subscribed Open Referral UK 1.0 or 3.0 feed page by page through the guarded fetcher, with the
 * parsing of the `oruk` import. Page 1 is the subscribed address and says how many pages there are; when it
 * answers "unchanged", the feed has as many pages as last time. Only pages that come back with content are
 * parsed into the batch; each page records the source ids of its services, so services that left the feed
 * can be told from those still on an unchanged page.
 */
export function orukFeedReader(fetcher: FeedFetcher, maxMinutes = maxReadMinutes): FeedReader {
  return {
    async read(address, previous, themes, knownAreas) {
      const deadline = Date.now() + maxMinutes * 60_000;
      const before = new Map(previous.map((page) => [page.page, page]));
      const pages: FeedPageState[] = [];
      const items: unknown[] = [];
      const problems: RowProblem[] = [];
      let fetched = false;
      let total = 1;
      for (let number = 1; number <= total; number += 1) {
        if (Date.now() > deadline) {
          throw new FeedFetchError(
            `The feed took longer than ${maxMinutes} minutes to read, so nothing was changed`,
          );
        }
        const at = number === 1 ? address : pageAddress(address, number);
        const last = before.get(number);
        const known = last?.address === at ? last : undefined;
        const answer = await fetcher.fetch({
          address: at,
          etag: known?.etag ?? null,
          lastModified: known?.lastModified ?? null,
        });
        if (answer.kind === 'unchanged') {
          if (!known)
            throw new FeedFetchError(`The feed said page ${number} was unchanged before we had read it`);
          pages.push(known);
          if (number === 1) total = Math.min(previous.length, maxFeedPages);
          continue;
        }
        fetched = true;
        const page = readOrukDocument(answer.body, at);
        if (number === 1) {
          total = Math.min(page.totalPages ?? 1, maxFeedPages);
          if ((page.totalPages ?? 1) > maxFeedPages) problems.push(tooManyPages(page.totalPages ?? 1));
        }
        problems.push(...(number === 1 ? page.problems : pagedProblems(number, page.problems)));
        pages.push({
          page: number,
          address: at,
          etag: answer.etag,
          lastModified: answer.lastModified,
          sourceIds: normaliseOrukServices(page.items, themes).services.map((s) => s.sourceId),
        });
        if (number > 1 && page.items.length === 0) break;
        items.push(...page.items);
      }
      return {
        pages,
        batch: fetched ? orukBatch(items, problems, orukSourceLabel(address), themes, knownAreas) : null,
      };
    },
  };
}
