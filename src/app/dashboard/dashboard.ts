/**
 * The partnership dashboard: the page members land on. It gathers, from the use-cases that already exist, what
 * each feature's own page would show this member, and lets the domain pick the highlights. Nothing here works
 * out results, gaps or clashes itself.
 *
 * Role rules follow the source pages: every member may read results, the action plan, the directory, the gaps
 * and the funding pipeline; only those who run rounds (the `manage-members` permission, as on a round's page)
 * see invitation and answer progress. Results come from `RoundResults`, so a group below the anonymity
 * threshold shows no figures here either.
 *
 * Speed: results are memoised by each round's answers version (as on the results pages); the gap analysis, the
 * costliest part, runs by ward and its summary is reused for a minute (see gap-summary-cache.ts).
 */
import { roleAllows } from '../../domain/accounts/roles.js';
import { actionHighlights, type ActionHighlights } from '../../domain/actions/highlights.js';
import { currentOrLastRound, latestRoundWithFigures } from '../../domain/assessment/dashboard-rounds.js';
import { staleAfterMonths } from '../../domain/directory/freshness.js';
import { pipelineHighlights, type PipelineHighlights } from '../../domain/funding/highlights.js';
import { biggestUnmetGaps } from '../../domain/needs/biggest-gaps.js';
import type { GapCell } from '../../domain/needs/analysis-types.js';
import { resultsFor, roundResults, type RoundResultsView } from '../assessments/results.js';
import {
  describeRound,
  listRounds,
  roundProgress,
  today as todayOf,
  type AssessmentDeps,
  type GroupProgress,
  type RoundView,
} from '../assessments/rounds.js';
import type { DirectoryDeps } from '../directory/directory-deps.js';
import { countDirectory } from '../directory/directory-search.js';
import type { FeedSubscriptionRecord } from '../feeds/feed-subscription-store.js';
import { listOpportunities, type FundingDeps, type OpportunityView } from '../funding/opportunities.js';
import { gapReport, type GapDeps } from '../gaps/gap-analysis.js';
import type { GapSummaryCache } from './gap-summary-cache.js';
import type { ActionRecord } from '../actions/action-store.js';
import type { MembershipRecord, PartnershipRecord } from '../partnerships/partnership-store.js';
import type { RoundRecord } from '../assessments/assessment-store.js';
import { themesWithProvisionData } from '../../domain/needs/analyse.js';

export interface DashboardDeps {
  readonly assessments: AssessmentDeps;
  readonly directory: DirectoryDeps;
  readonly gaps: GapDeps;
  readonly funding: FundingDeps;
  /** Reuses a partnership's gap summary for a short while; without it the analysis runs every time. */
  readonly gapSummaries?: GapSummaryCache<DashboardGaps>;
}

/** The level the dashboard's gaps are worked out at: wards, the unit a board paper talks about. */
export const DASHBOARD_GAP_LEVEL = 'ward' as const;

export interface DashboardRound {
  readonly view: RoundView;
  readonly results: RoundResultsView;
  /** Invited, started and submitted per group: only for those who run rounds. */
  readonly progress: readonly GroupProgress[] | undefined;
}

/** The biggest unmet-need gaps by ward, with the names of their areas and themes. */
export interface DashboardGaps {
  readonly level: typeof DASHBOARD_GAP_LEVEL;
  readonly cells: readonly GapCell[];
  readonly unmetCount: number;
  readonly areaNames: ReadonlyMap<string, string>;
  readonly themeNames: ReadonlyMap<string, string>;
  /** Themes nothing in the partnership is recorded for ("no provision data"), by name. */
  readonly noProvisionData: readonly string[];
}

/** Runs the gap analysis for every theme by ward (as the gaps page does) and keeps only the biggest gaps. */
async function dashboardGaps(deps: GapDeps, partnership: PartnershipRecord): Promise<DashboardGaps> {
  const report = await gapReport(deps, partnership, [], DASHBOARD_GAP_LEVEL);
  const biggest = biggestUnmetGaps(report.analysis.cells);
  const codes = new Set(biggest.cells.map((cell) => cell.areaCode));
  const themes = new Set(biggest.cells.map((cell) => cell.theme));
  const recorded = themesWithProvisionData(report.input);
  return {
    level: DASHBOARD_GAP_LEVEL,
    cells: biggest.cells,
    unmetCount: biggest.unmetCount,
    areaNames: new Map(report.areas.filter((a) => codes.has(a.code)).map((a) => [a.code, a.name])),
    themeNames: new Map(report.input.themes.filter((t) => themes.has(t.id)).map((t) => [t.id, t.name])),
    noProvisionData: report.input.themes.filter((t) => !recorded.has(t.id)).map((t) => t.name),
  };
}

export interface PartnershipDashboard {
  /** Today in the UK, YYYY-MM-DD. */
  readonly today: string;
  /** The open round, or else the last closed one. */
  readonly round: DashboardRound | undefined;
  /**
   * Every other round open today, newest first: two rounds of a kind can be open at once (made by hand, by the
   * demo or by an import), and a round nobody can see on the dashboard would go unanswered.
   */
  readonly otherOpenRounds: readonly RoundRecord[];
  /** The newest round with figures to show: the headline, priorities and perception gaps come from it. */
  readonly figures: RoundResultsView | undefined;
  readonly actions: ActionHighlights<ActionRecord> & { readonly total: number };
  readonly directory: {
    readonly staleAfterMonths: number;
    readonly unchecked: number;
    readonly total: number;
    /** The member's own organisation's unchecked records; undefined for members without an organisation. */
    readonly uncheckedOwn: number | undefined;
    /** Subscribed feeds that cannot be read, for those who may see the feeds' pages (admins); else empty. */
    readonly failingFeeds: readonly FeedSubscriptionRecord[];
  };
  readonly gaps: DashboardGaps;
  readonly funding: PipelineHighlights<OpportunityView> & { readonly total: number };
  readonly organisationNames: ReadonlyMap<string, string>;
}

async function dashboardRounds(deps: AssessmentDeps, partnershipId: string, member: MembershipRecord) {
  const rounds = await listRounds(deps, partnershipId);
  const views = new Map<string, Promise<RoundView>>();
  const viewOf = (entry: (typeof rounds)[number]) => {
    const existing = views.get(entry.round.id);
    if (existing) return existing;
    const view = describeRound(deps, entry.round);
    views.set(entry.round.id, view);
    return view;
  };
  const shown = currentOrLastRound(rounds);
  const withFigures = await latestRoundWithFigures(rounds, async (entry) => {
    const results = await resultsFor(deps, await viewOf(entry));
    return results.sides.council.status === 'has-data' || results.sides.community.status === 'has-data';
  });
  let round: DashboardRound | undefined;
  if (shown) {
    const view = await viewOf(shown);
    round = {
      view,
      results: await roundResults(deps, view),
      progress: roleAllows(member.role, 'manage-members') ? await roundProgress(deps, view) : undefined,
    };
  }
  const figures =
    withFigures === undefined
      ? undefined
      : withFigures.round.id === round?.view.round.id
        ? round.results
        : await roundResults(deps, await viewOf(withFigures));
  const otherOpenRounds = rounds
    .filter((entry) => entry.status === 'open' && entry.round.id !== round?.view.round.id)
    .map((entry) => entry.round);
  return { round, figures, otherOpenRounds };
}

/** Everything the dashboard shows for one member of a partnership. */
export async function partnershipDashboard(
  deps: DashboardDeps,
  partnership: PartnershipRecord,
  member: MembershipRecord,
): Promise<PartnershipDashboard> {
  const { store } = deps.assessments;
  const today = todayOf(deps.assessments.clock);
  const [rounds, actions, unchecked, everything, uncheckedOwn, gaps, pipeline, organisations, feeds] =
    await Promise.all([
      dashboardRounds(deps.assessments, partnership.id, member),
      store.actions.list(partnership.id),
      countDirectory(deps.directory, partnership.id, { needsChecking: true }),
      countDirectory(deps.directory, partnership.id, {}),
      member.organisationId
        ? countDirectory(deps.directory, partnership.id, {
            needsChecking: true,
            organisationId: member.organisationId,
          })
        : Promise.resolve(undefined),
      deps.gapSummaries
        ? deps.gapSummaries.get(partnership.id, deps.assessments.clock.now().getTime(), () =>
            dashboardGaps(deps.gaps, partnership),
          )
        : dashboardGaps(deps.gaps, partnership),
      listOpportunities(deps.funding, partnership, {}),
      store.organisations.listByPartnership(partnership.id),
      roleAllows(member.role, 'import-data')
        ? store.feedSubscriptions.list(partnership.id)
        : Promise.resolve([]),
    ]);
  return {
    today,
    ...rounds,
    actions: { ...actionHighlights(actions, today), total: actions.length },
    directory: {
      staleAfterMonths,
      unchecked,
      total: everything,
      uncheckedOwn,
      failingFeeds: feeds.filter((feed) => feed.failingSince !== null),
    },
    gaps,
    // The pipeline's own pages judge deadlines on the UTC date; so does the dashboard, so the two agree.
    funding: {
      ...pipelineHighlights(pipeline, deps.funding.clock.now().toISOString().slice(0, 10)),
      total: pipeline.length,
    },
    organisationNames: new Map(organisations.map((o) => [o.id, o.name])),
  };
}
