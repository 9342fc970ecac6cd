import {
  relatedGuidance,
  searchGuidance,
  type GuidanceArticle,
  type GuidanceQuery,
} from '../../domain/guidance/guidance.js';

/** The guidance articles the service knows, loaded once from content at start-up. */
export interface GuidanceLibrary {
  list(): readonly GuidanceArticle[];
  find(slug: string): GuidanceArticle | undefined;
  search(query: GuidanceQuery): GuidanceArticle[];
  related(slug: string, limit?: number): GuidanceArticle[];
}

export function guidanceLibrary(articles: readonly GuidanceArticle[]): GuidanceLibrary {
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  return {
    list: () => articles,
    find: (slug) => bySlug.get(slug),
    search: (query) => searchGuidance(articles, query),
    related: (slug, limit = 3) => {
      const article = bySlug.get(slug);
      return article ? relatedGuidance(article, articles, limit) : [];
    },
  };
}
