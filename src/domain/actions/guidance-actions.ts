/**
 * Actions started from a guidance article's suggested actions. The source names the article, so the plan can
 * say where an action came from and the same suggestion is not added to a partnership's plan twice.
 */

const prefix = 'guidance:';
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The source recorded on an action taken from an article, for example 'guidance:funding-together'. */
export function guidanceSource(articleSlug: string): string {
  return `${prefix}${articleSlug}`;
}

/** The article's slug when the source is a guidance source, otherwise undefined. */
export function guidanceSlugOfSource(source: string): string | undefined {
  if (!source.startsWith(prefix)) return undefined;
  const slug = source.slice(prefix.length);
  return slugPattern.test(slug) ? slug : undefined;
}
