/**
 * The guidance library: short practical articles (content/guidance/*.md) tagged to principles, indicators,
 * themes and audiences. Loading and rendering live in src/interchange/guidance-content.ts; this module holds
 * the types and the pure search, filter and "related guidance" rules.
 */

export const guidanceAudiences = [
  'lead-members',
  'officers',
  'vcs-leaders',
  'faith-leaders',
  'commissioners',
] as const;
export type GuidanceAudience = (typeof guidanceAudiences)[number];

export const guidanceAudienceLabels: Record<GuidanceAudience, string> = {
  'lead-members': 'Lead members (councillors)',
  officers: 'Council officers',
  'vcs-leaders': 'VCS leaders',
  'faith-leaders': 'Faith leaders',
  commissioners: 'Commissioners and grants officers',
};

export function isGuidanceAudience(value: string): value is GuidanceAudience {
  return (guidanceAudiences as readonly string[]).includes(value);
}

/** An action an article suggests; a later feature offers these as prefilled actions from results. */
export interface SuggestedAction {
  readonly title: string;
  readonly description: string;
}

export interface GuidanceArticle {
  readonly slug: string;
  readonly title: string;
  /** One sentence. */
  readonly summary: string;
  /** Principle codes, like SF. */
  readonly principles: readonly string[];
  /** Indicator codes, like SF1. */
  readonly indicators: readonly string[];
  /** Theme keys in kebab-case, like fuel-and-energy. */
  readonly themes: readonly string[];
  readonly audience: readonly GuidanceAudience[];
  /** ISO date, YYYY-MM-DD. */
  readonly lastReviewed: string;
  /** Why the text may score below 60 for reading ease, when it does. */
  readonly readabilityException?: string;
  readonly suggestedActions: readonly SuggestedAction[];
  /** The Markdown body as written. */
  readonly markdown: string;
  /** The body rendered to HTML with GOV.UK classes; trusted content from the repository. */
  readonly html: string;
  /** The body as plain text, for search. */
  readonly text: string;
}

export interface GuidanceQuery {
  /** Words to find; every word must appear in the title, summary or body (any case). */
  readonly text?: string;
  readonly principle?: string;
  readonly theme?: string;
  readonly audience?: string;
}

/** "fuel-and-energy" -> "Fuel and energy" */
export function themeLabel(theme: string): string {
  const words = theme.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The lower-case words of a text: letters and digits, apostrophes kept inside words. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? []).map((word) =>
    word.replace(/’/g, "'"),
  );
}

const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';
const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Articles matching every part of the query, in the order given. Text matches whole words or the start of a
 * word ("fund" finds "funding"), in any case, across title, summary and body; every word must be found.
 */
export function searchGuidance(
  articles: readonly GuidanceArticle[],
  query: GuidanceQuery,
): GuidanceArticle[] {
  const wanted = blank(query.text) ? [] : wordsOf(query.text ?? '');
  return articles.filter((article) => {
    if (!blank(query.principle) && !article.principles.some((code) => same(code, query.principle ?? '')))
      return false;
    if (!blank(query.theme) && !article.themes.some((theme) => same(theme, query.theme ?? ''))) return false;
    if (!blank(query.audience) && !article.audience.some((who) => same(who, query.audience ?? '')))
      return false;
    if (wanted.length === 0) return true;
    const words = new Set(wordsOf(`${article.title} ${article.summary} ${article.text}`));
    return wanted.every((word) => words.has(word) || [...words].some((w) => w.startsWith(word)));
  });
}

const shared = (a: readonly string[], b: readonly string[]): number => a.filter((x) => b.includes(x)).length;

/**
 * Other articles ranked by what they share with this one: an indicator counts 3, a theme 2, a principle 1.
 * Articles sharing nothing are left out; ties keep library order.
 */
export function relatedGuidance(
  article: GuidanceArticle,
  articles: readonly GuidanceArticle[],
  limit = 3,
): GuidanceArticle[] {
  return articles
    .filter((other) => other.slug !== article.slug)
    .map((other, index) => ({
      other,
      index,
      score:
        3 * shared(article.indicators, other.indicators) +
        2 * shared(article.themes, other.themes) +
        shared(article.principles, other.principles),
    }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, Math.max(0, limit))
    .map((entry) => entry.other);
}

/** Every theme used by the articles, sorted, without repeats. */
export function guidanceThemes(articles: readonly GuidanceArticle[]): string[] {
  return [...new Set(articles.flatMap((article) => article.themes))].sort();
}

/**
 * The guides for one indicator, the main one first. An article names the indicators it helps with in its
 * front matter, most relevant first; `preferred` (the slugs the framework lists for the indicator) come first
 * when they name the indicator too, then the others by how near the front of their list the indicator is,
 * ties in library order.
 */
export function guidanceForIndicator(
  articles: readonly GuidanceArticle[],
  indicatorCode: string,
  preferred: readonly string[] = [],
): GuidanceArticle[] {
  const rank = (article: GuidanceArticle) => {
    const chosen = preferred.indexOf(article.slug);
    return chosen === -1 ? preferred.length + article.indicators.indexOf(indicatorCode) : chosen;
  };
  return articles
    .map((article, index) => ({ article, index }))
    .filter(({ article }) => article.indicators.includes(indicatorCode))
    .sort((a, b) => rank(a.article) - rank(b.article) || a.index - b.index)
    .map(({ article }) => article);
}

/** The indicator codes no article names: each should have at least one guide. */
export function indicatorsWithoutGuidance(
  articles: readonly GuidanceArticle[],
  indicatorCodes: readonly string[],
): string[] {
  const covered = new Set(articles.flatMap((article) => article.indicators));
  return indicatorCodes.filter((code) => !covered.has(code));
}
