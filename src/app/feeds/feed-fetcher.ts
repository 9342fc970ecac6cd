/** A request for one page of a feed, with what we were told last time so an unchanged page costs nothing. */
export interface FeedPageRequest {
  readonly address: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
}

/** A page as fetched, or word that it has not changed since the validators we sent (HTTP 304). */
export type FeedPageAnswer =
  | { readonly kind: 'unchanged' }
  | {
      readonly kind: 'fetched';
      readonly body: string;
      readonly etag: string | null;
      readonly lastModified: string | null;
    };

/** Fetches feed pages from the internet within the rules on addresses, redirects, size and time. */
export interface FeedFetcher {
  fetch(request: FeedPageRequest): Promise<FeedPageAnswer>;
}

/** A page could not be fetched: the message says why, in words an admin can act on. */
export class FeedFetchError extends Error {
  override readonly name = 'FeedFetchError';
}
