/**
 * Whether a GET can be answered "304 Not Modified" (RFC 9110 sections 13.1.2, 13.1.3 and 13.2.2): If-None-Match
 * (a list of tags, or *) is compared weakly and, when sent, decides alone; otherwise If-Modified-Since is compared
 * in whole seconds, since an HTTP date has no finer precision.
 */

export interface RequestConditions {
  readonly ifNoneMatch?: string | undefined;
  readonly ifModifiedSince?: string | undefined;
}

export interface Representation {
  readonly etag: string;
  /** An ISO instant, or null when the response has no Last-Modified. */
  readonly lastModified: string | null;
}

const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');

export function isNotModified(conditions: RequestConditions, current: Representation): boolean {
  if (conditions.ifNoneMatch !== undefined) {
    const tags = conditions.ifNoneMatch.split(',').map((tag) => tag.trim());
    return tags.includes('*') || tags.some((tag) => opaque(tag) === opaque(current.etag));
  }
  if (conditions.ifModifiedSince === undefined || current.lastModified === null) return false;
  const since = Date.parse(conditions.ifModifiedSince);
  if (Number.isNaN(since)) return false;
  return Math.floor(Date.parse(current.lastModified) / 1000) <= Math.floor(since / 1000);
}

/** An ISO instant as an HTTP date, for Last-Modified. */
export const httpDate = (iso: string): string => new Date(iso).toUTCString();
