import type { KnownAreas } from '../../domain/directory/service-area-codes.js';
import type { ThemeVocabulary } from '../../domain/directory/themes.js';
import type { DirectoryBatch } from '../directory/directory-import.js';
import type { FeedPageState } from './feed-subscription-store.js';

/** What one read of a feed found. */
export interface FeedRead {
  /** Every page as it is now: a page that answered "unchanged" keeps its validators and service ids. */
  readonly pages: readonly FeedPageState[];
  /** The services on the pages that came back with content, as a directory import reads them; null if none did. */
  readonly batch: DirectoryBatch | null;
}

/**
 * Reads every page of a subscribed feed, sending each page's validators from last time so unchanged pages are
 * not sent again. Throws FeedFetchError or ImportSourceError, whose messages say what went wrong.
 */
export interface FeedReader {
  /** With the partnership's known areas, service areas are checked against them as an import checks them. */
  read(
    address: string,
    previous: readonly FeedPageState[],
    themes: ThemeVocabulary,
    known?: KnownAreas,
  ): Promise<FeedRead>;
}
