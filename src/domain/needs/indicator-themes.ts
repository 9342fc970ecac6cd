import type { ThemeIndicatorLink } from './analysis-types.js';

/**
 * Which statistics count towards which theme (content/needs/indicator-themes.yaml). A link names an indicator
 * domain, the part of an indicator key after its edition (`income` in `imd-2025/income`), so one mapping serves
 * every edition; the analysis resolves it to the keys of the one edition it uses.
 */
export interface IndicatorDomain {
  readonly id: string;
  readonly name: string;
  /** The public data set that provides it, for saying which one would fill a theme's missing inputs. */
  readonly source?: string;
}

export interface DomainLink {
  readonly theme: string;
  readonly indicator: string;
  readonly weight: number;
}

export interface IndicatorThemes {
  readonly version: string;
  readonly domains: readonly IndicatorDomain[];
  readonly links: readonly DomainLink[];
}

/** The key a link's weight is saved under in a partnership's settings. */
export const linkKey = (link: { theme: string; indicator: string }) => `${link.theme}|${link.indicator}`;

/** Rules a schema cannot express; each problem is a sentence for a content editor. */
export function checkIndicatorThemeRules(mapping: IndicatorThemes, themeIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const domains = new Set(mapping.domains.map((d) => d.id));
  const seen = new Set<string>();
  for (const link of mapping.links) {
    if (!themeIds.has(link.theme))
      problems.push(`The link to ${link.theme} names no theme of the themes vocabulary. Use a theme id.`);
    if (!domains.has(link.indicator))
      problems.push(`The link ${linkKey(link)} names no domain listed under domains. Add it or fix the id.`);
    if (seen.has(linkKey(link))) problems.push(`The link ${linkKey(link)} is listed twice. Keep one.`);
    seen.add(linkKey(link));
  }
  return problems;
}

/** The domain of an indicator key: `imd-2025/income` → `income`. */
export const domainOf = (indicatorKey: string) => indicatorKey.slice(indicatorKey.indexOf('/') + 1);

/**
 * The mapping's links resolved to concrete indicator keys, with the partnership's own weights where it has set
 * them. `keysByDomain` gives, for each domain, the one indicator key in use (the newest edition with figures).
 */
export function resolveLinks(
  mapping: IndicatorThemes,
  keysByDomain: ReadonlyMap<string, string>,
  weights: Readonly<Record<string, number>>,
  themes: ReadonlySet<string>,
): ThemeIndicatorLink[] {
  return mapping.links.flatMap((link) => {
    const indicatorKey = keysByDomain.get(link.indicator);
    const weight = weights[linkKey(link)] ?? link.weight;
    return indicatorKey && themes.has(link.theme) && weight > 0
      ? [{ theme: link.theme, indicatorKey, weight }]
      : [];
  });
}
