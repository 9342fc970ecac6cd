import { linkKey, type IndicatorThemes } from './indicator-themes.js';

/** A statistic a theme's mapping asks for that the partnership has no figures for, and where to get it. */
export interface MissingInput {
  readonly domain: string;
  readonly name: string;
  /** The public data set that would fill it. */
  readonly source: string;
}

/** What evidence a theme has: the statistics in use, and those the mapping names that have no figures here. */
export interface ThemeEvidence {
  readonly used: readonly string[];
  readonly missing: readonly MissingInput[];
  /** True when no statistic linked to the theme has figures: its need comes from local records alone, or none. */
  readonly none: boolean;
}

/**
 * The theme's inputs, split into those with figures (`available` domains) and those without. A link switched
 * off (weight 0) is neither. A missing domain with no named data set (the demo's own) is left out of `missing`,
 * as there is nothing to tell a partnership to import.
 */
export function themeEvidence(
  mapping: IndicatorThemes,
  theme: string,
  available: ReadonlySet<string>,
  weights: Readonly<Record<string, number>> = {},
): ThemeEvidence {
  const domains = new Map(mapping.domains.map((d) => [d.id, d]));
  const used: string[] = [];
  const missing: MissingInput[] = [];
  for (const link of mapping.links) {
    if (link.theme !== theme || !((weights[linkKey(link)] ?? link.weight) > 0)) continue;
    const domain = domains.get(link.indicator);
    if (available.has(link.indicator)) used.push(link.indicator);
    else if (domain?.source) missing.push({ domain: domain.id, name: domain.name, source: domain.source });
  }
  return { used, missing, none: used.length === 0 };
}
