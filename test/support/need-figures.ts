import type { GapCell } from '../../src/domain/needs/analysis-types.js';

/**
 * Issue 14's figures for need at ward level, measured the same way on the Trafford sample pack and on the same
 * data imported from ../shared/data.
 */
export interface NeedFigures {
  /** The themes with a need score from statistics in at least one area. */
  readonly themesWithEvidence: readonly string[];
  /** The most themes with evidence on which any one area scores 100. */
  readonly mostHundreds: number;
  /** The themes with evidence whose top-five area list is unlike every other theme's. */
  readonly distinctTopFive: readonly string[];
  /** The highest need of any area on any theme. */
  readonly highest: number;
}

/** A theme's five areas with the most need, most first (ties by code, so the list is stable). */
export function topFive(cells: readonly GapCell[], theme: string): string[] {
  return cells
    .filter((c) => c.theme === theme && c.need !== null)
    .sort((a, b) => (b.need ?? 0) - (a.need ?? 0) || a.areaCode.localeCompare(b.areaCode))
    .slice(0, 5)
    .map((c) => c.areaCode);
}

export function needFigures(cells: readonly GapCell[]): NeedFigures {
  const themes = [...new Set(cells.filter((c) => c.statisticsNeed !== null).map((c) => c.theme))];
  const hundreds = new Map<string, number>();
  for (const cell of cells)
    if (themes.includes(cell.theme) && (cell.need ?? 0) >= 99.95)
      hundreds.set(cell.areaCode, (hundreds.get(cell.areaCode) ?? 0) + 1);
  const lists = new Map(themes.map((theme) => [theme, topFive(cells, theme).join(',')]));
  return {
    themesWithEvidence: themes,
    mostHundreds: Math.max(0, ...hundreds.values()),
    distinctTopFive: themes.filter((theme) =>
      themes.every((other) => other === theme || lists.get(other) !== lists.get(theme)),
    ),
    highest: Math.max(...cells.map((c) => c.need ?? 0)),
  };
}
