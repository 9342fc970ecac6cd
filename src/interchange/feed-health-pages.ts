import type { FeedFetcher } from '../app/feeds/feed-fetcher.js';
import type { FeedHealthPage, FeedPageWalker } from '../app/feeds/feed-health-ports.js';
import { maxFeedPages, pageAddress } from './oruk-import.js';

/** How many pages a feed says it has: `total_pages` (ORUK 3.0) or `totalPages` (ORUK 1.0). */
function totalPagesOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 1;
  const { total_pages: v3, totalPages: v1 } = value as { total_pages?: unknown; totalPages?: unknown };
  const total = typeof v3 === 'number' ? v3 : typeof v1 === 'number' ? v1 : 1;
  return Number.isInteger(total) && total > 0 ? Math.min(total, maxFeedPages) : 1;
}

function parsed(body: string): FeedHealthPage['document'] {
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false, reason: 'the page is not valid JSON' };
  }
}

/**
 * Reads a subscribed feed page by page for a health check, as the subscription's refresh does (page 1 is the
 * subscribed address and says how many pages there are), through the guarded fetcher and its limits, with no
 * validators sent so every page comes back in full.
 */
export function feedHealthPageWalker(fetcher: FeedFetcher): FeedPageWalker {
  return {
    async walk(address, visit) {
      let total = 1;
      for (let number = 1; number <= total; number += 1) {
        const answer = await fetcher.fetch({
          address: number === 1 ? address : pageAddress(address, number),
          etag: null,
          lastModified: null,
        });
        const document: FeedHealthPage['document'] =
          answer.kind === 'fetched'
            ? parsed(answer.body)
            : { ok: false, reason: 'the feed answered “not modified” to a request that sent no validators' };
        if (number === 1 && document.ok) total = totalPagesOf(document.value);
        await visit({ number, document }, total);
      }
    },
  };
}
