/**
 * Links from the rest of the service to the guidance: an indicator's main guide, the guides for a set of
 * indicators, and named guides for a page. Link text names the guide, so it makes sense out of context.
 */
import type { GuidanceLibrary } from '../../app/guidance/guidance-library.js';
import type { Framework, GuidanceSlug } from '../../domain/framework/framework.js';
import { findIndicator } from '../../domain/framework/framework.js';
import { guidanceForIndicator, type GuidanceArticle } from '../../domain/guidance/guidance.js';

export interface GuidanceLink {
  readonly href: string;
  readonly text: string;
}

export const guidanceLink = (article: Pick<GuidanceArticle, 'slug' | 'title'>): GuidanceLink => ({
  href: `/guidance/${article.slug}`,
  text: `Guidance: ${article.title}`,
});

const guidesFor = (library: GuidanceLibrary, framework: Framework, code: string) =>
  guidanceForIndicator(library.list(), code, findIndicator(framework, code)?.guidance ?? []);

/** Indicator code → its main guide, for every indicator of the framework that has one. */
export function guidanceByIndicator(
  library: GuidanceLibrary,
  framework: Framework,
): Record<string, GuidanceLink> {
  const links: Record<string, GuidanceLink> = {};
  for (const code of framework.principles.flatMap((p) => p.indicators.map((i) => i.code))) {
    const main = guidesFor(library, framework, code)[0];
    if (main) links[code] = guidanceLink(main);
  }
  return links;
}

/** For each indicator in turn, its first guide not yet listed: at most `limit` guides, each once. */
export function guidanceForIndicators(
  library: GuidanceLibrary,
  framework: Framework,
  codes: readonly string[],
  limit = 3,
): GuidanceLink[] {
  const slugs = new Set<string>();
  const links: GuidanceLink[] = [];
  for (const code of codes) {
    const main = guidesFor(library, framework, code).find((article) => !slugs.has(article.slug));
    if (!main || links.length >= limit) continue;
    slugs.add(main.slug);
    links.push(guidanceLink(main));
  }
  return links;
}

/** Links to the named guides, in the order given. */
export function guidanceLinks(library: GuidanceLibrary, slugs: readonly GuidanceSlug[]): GuidanceLink[] {
  return slugs.flatMap((slug) => {
    const article = library.find(slug);
    return article ? [guidanceLink(article)] : [];
  });
}
