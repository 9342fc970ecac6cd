/** The biggest unmet-need gaps of an analysis, for the partnership dashboard. Pure. */
import type { GapCell } from './analysis-types.js';

/** How many unmet-need gaps the dashboard lists. */
export const DASHBOARD_GAP_COUNT = 5;

export interface BiggestGaps {
  /**
   * The unmet-need cells with the highest gap scores, highest first. Ties go to the cell with more need
   * reported in local records (evidence partners gave), then by area code and theme.
   */
  readonly cells: readonly GapCell[];
  /** How many cells are unmet need in all. */
  readonly unmetCount: number;
}

/** Only cells classed as unmet need (high need, little provision) count; thin provision does not. */
export function biggestUnmetGaps(cells: readonly GapCell[], limit = DASHBOARD_GAP_COUNT): BiggestGaps {
  const unmet = cells.filter((cell) => cell.gapClass === 'unmet-need');
  const sorted = [...unmet].sort(
    (a, b) =>
      b.gapScore - a.gapScore ||
      (b.localNeed ?? -1) - (a.localNeed ?? -1) ||
      a.areaCode.localeCompare(b.areaCode) ||
      a.theme.localeCompare(b.theme),
  );
  return { cells: sorted.slice(0, Math.max(0, limit)), unmetCount: unmet.length };
}
