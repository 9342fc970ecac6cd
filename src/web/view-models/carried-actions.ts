import type { ActionRecord } from '../../app/ports.js';
import { actionStatusLabels } from '../../domain/actions/actions.js';
import type { Framework } from '../../domain/framework/framework.js';
import type { IndicatorTrend, RoundComparison } from '../../domain/results/index.js';

export interface CarriedActionRow {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly indicators: readonly { code: string; title: string; council: string; community: string }[];
}

const movement = (trend: IndicatorTrend | undefined): string =>
  trend
    ? `${trend.previousMedian} to ${trend.currentMedian}`
    : 'not asked in both rounds, or not enough answers';

/**
 * Open actions carried into a round from earlier rounds, with how the levels of their indicators moved since the
 * previous round, per side. Levels come from the round's results, so the anonymity rules already apply.
 */
export function carriedActionRows(
  actions: readonly ActionRecord[],
  framework: Framework,
  comparison: RoundComparison | undefined,
): CarriedActionRow[] {
  const titles = new Map(
    framework.principles.flatMap((p) => p.indicators.map((i) => [i.code, i.title] as const)),
  );
  return actions.map((action) => ({
    id: action.id,
    title: action.title,
    status: actionStatusLabels[action.status],
    indicators: action.indicatorCodes.map((code) => ({
      code,
      title: titles.get(code) ?? code,
      council: movement(comparison?.council.find((t) => t.indicatorCode === code)),
      community: movement(comparison?.community.find((t) => t.indicatorCode === code)),
    })),
  }));
}
