/**
 * Commissioning intentions: what the partnership means to commission, for which needs and gaps, to achieve
 * which outcomes, with what money, for how long and by which route. Pure rules only.
 */
import { isCurrency, parseAmount, type Currency } from './money.js';

export const commissioningRoutes = ['grant', 'contract', 'social-investment', 'alliance'] as const;
export type CommissioningRoute = (typeof commissioningRoutes)[number];

export const commissioningRouteLabels: Record<CommissioningRoute, string> = {
  grant: 'Grant',
  contract: 'Contract',
  'social-investment': 'Social investment',
  alliance: 'Alliance (partners share the contract and its results)',
};

export const commissioningStatuses = ['idea', 'planned', 'out-to-market', 'awarded', 'stopped'] as const;
export type CommissioningStatus = (typeof commissioningStatuses)[number];

export const commissioningStatusLabels: Record<CommissioningStatus, string> = {
  idea: 'Idea',
  planned: 'Planned',
  'out-to-market': 'Inviting bids',
  awarded: 'Awarded',
  stopped: 'Stopped',
};

/** One need it responds to: an area and a theme, as on the gaps list. */
export interface NeedCell {
  readonly areaCode: string;
  readonly theme: string;
}

export interface IntentionDetails {
  readonly title: string;
  readonly needCells: readonly NeedCell[];
  readonly outcomes: readonly string[];
  readonly budget: number | null;
  readonly currency: Currency;
  readonly durationMonths: number | null;
  readonly route: CommissioningRoute;
  readonly serviceIds: readonly string[];
  readonly status: CommissioningStatus;
}

export interface IntentionDraft {
  readonly title: string;
  /** "AREA:theme" pairs, as the checkboxes send them. */
  readonly needCells: readonly string[];
  /** One outcome a line. */
  readonly outcomes: string;
  readonly budget: string;
  readonly currency: string;
  readonly durationMonths: string;
  readonly route: string;
  readonly serviceIds: readonly string[];
  readonly status: string;
}

export interface IntentionRules {
  readonly areaCodes: ReadonlySet<string>;
  readonly themeIds: ReadonlySet<string>;
  readonly serviceIds: ReadonlySet<string>;
}

export const intentionLimits = { titleMax: 160, outcomeMax: 300, outcomesMax: 20, durationMax: 240 } as const;

/** More than twelve months: a deal that runs into a second year. */
export function isMultiYear(durationMonths: number | null): boolean {
  return durationMonths !== null && durationMonths > 12;
}

export const needCellKey = (cell: NeedCell) => `${cell.areaCode}:${cell.theme}`;

export function parseNeedCell(key: string): NeedCell | null {
  const match = /^([A-Z]\d{8}):([a-z0-9-]+)$/.exec(key.trim());
  return match ? { areaCode: match[1] as string, theme: match[2] as string } : null;
}

type Checked<T> = { ok: true; value: T } | { ok: false; problems: Record<string, string> };

export function checkIntentionDraft(draft: IntentionDraft, rules: IntentionRules): Checked<IntentionDetails> {
  const problems: Record<string, string> = {};
  const title = draft.title.trim();
  if (title.length < 3 || title.length > intentionLimits.titleMax) {
    problems.title = 'Enter a title, from 3 to 160 characters';
  }
  const cells: NeedCell[] = [];
  for (const key of new Set(draft.needCells)) {
    const cell = parseNeedCell(key);
    if (!cell || !rules.areaCodes.has(cell.areaCode) || !rules.themeIds.has(cell.theme)) {
      problems.needCells = 'Select needs and gaps from the list';
      break;
    }
    cells.push(cell);
  }
  if (cells.length === 0 && problems.needCells === undefined) {
    problems.needCells = 'Select at least one need or gap this responds to';
  }
  const outcomes = draft.outcomes
    .split(/\r?\n/)
    .map((line) => line.replace(/^[-*•]\s*/, '').trim())
    .filter((line) => line !== '');
  if (outcomes.length === 0) problems.outcomes = 'Enter at least one outcome sought, one a line';
  else if (
    outcomes.length > intentionLimits.outcomesMax ||
    outcomes.some((o) => o.length > intentionLimits.outcomeMax)
  ) {
    problems.outcomes = 'Enter up to 20 outcomes, each up to 300 characters';
  }
  const budget = draft.budget.trim() === '' ? null : parseAmount(draft.budget);
  if (draft.budget.trim() !== '' && budget === null) {
    problems.budget = 'Enter the budget as a number, like 120000, or leave it blank';
  }
  const currency = draft.currency.trim() === '' ? 'GBP' : draft.currency.trim();
  if (!isCurrency(currency)) problems.currency = 'Select the currency of the budget';
  const durationText = draft.durationMonths.trim();
  const duration = durationText === '' ? null : Number(durationText);
  if (
    duration !== null &&
    (!Number.isInteger(duration) || duration < 1 || duration > intentionLimits.durationMax)
  ) {
    problems.durationMonths = 'Enter the length in whole months, from 1 to 240, or leave it blank';
  }
  const route = draft.route.trim();
  if (!(commissioningRoutes as readonly string[]).includes(route)) {
    problems.route = 'Select the route: grant, contract, social investment or alliance';
  }
  const serviceIds = [...new Set(draft.serviceIds.filter((id) => id.trim() !== ''))];
  if (serviceIds.some((id) => !rules.serviceIds.has(id))) {
    problems.serviceIds = 'Select services from the directory';
  }
  const status = draft.status.trim() === '' ? 'idea' : draft.status.trim();
  if (!(commissioningStatuses as readonly string[]).includes(status)) problems.status = 'Select the status';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      title,
      needCells: cells,
      outcomes,
      budget,
      currency: currency as Currency,
      durationMonths: duration,
      route: route as CommissioningRoute,
      serviceIds,
      status: status as CommissioningStatus,
    },
  };
}
