/**
 * What the partnership dashboard and its print view show, as display-ready text and links. Pure: no I/O.
 *
 * Round figures come only from `resultsPageView`, which publishes nothing for a group below the anonymity
 * threshold; invitation progress appears only when the use-case loaded it (for those who run rounds).
 */
import type { PartnershipDashboard } from '../../app/dashboard/dashboard.js';
import type { ActionRecord } from '../../app/ports.js';
import { actionSideLabels, actionStatusLabels } from '../../domain/actions/actions.js';
import { DASHBOARD_DUE_SOON_DAYS } from '../../domain/actions/highlights.js';
import { clashSentence } from '../../domain/funding/clashes.js';
import { formatRange } from '../../domain/funding/money.js';
import { deadlineSoonDays } from '../../domain/funding/opportunities.js';
import { dayText } from '../reports/report-document.js';
import { gapClassLabels, oneDecimal, twoDecimals } from './gap-view.js';
import { resultsPageView, type RankedView } from './results-view.js';

/** How many items each list shows before "and N more". */
export const DASHBOARD_LIST_LIMIT = 5;
/** How many priorities and perception gaps the dashboard names. */
export const DASHBOARD_RANKED_LIMIT = 3;

export interface DashboardLink {
  readonly text: string;
  readonly href: string;
  /** What follows the link: the owner, a date, a figure. */
  readonly detail: string;
}

export interface DashboardList {
  readonly items: readonly DashboardLink[];
  /** How many more there are than are listed. */
  readonly more: number;
}

function cut(items: readonly DashboardLink[]): DashboardList {
  return {
    items: items.slice(0, DASHBOARD_LIST_LIMIT),
    more: Math.max(0, items.length - DASHBOARD_LIST_LIMIT),
  };
}

const statusText = (status: string, opensOn: string, closesOn: string, closedAt: string | null) => {
  if (status === 'open') return `Open until ${dayText(closesOn)}`;
  if (status === 'scheduled') return `Opens on ${dayText(opensOn)}`;
  return `Closed on ${dayText(closedAt ?? closesOn)}`;
};

function roundSection(dashboard: PartnershipDashboard, base: string) {
  const shown = dashboard.round;
  if (!shown) return undefined;
  const { round } = shown.view;
  const page = resultsPageView(shown.results);
  return {
    name: round.name,
    kind: page.round.kind,
    href: `${base}/rounds/${round.id}`,
    resultsHref: `${base}/rounds/${round.id}/results`,
    isOpen: shown.view.status === 'open',
    status: statusText(shown.view.status, round.opensOn, round.closesOn, round.closedAt),
    threshold: page.round.threshold,
    /** Respondents per side and per group that met the threshold: the same counts the results page shows. */
    sides: page.sides.map((side) => ({
      label: side.label,
      respondents:
        side.respondents !== null
          ? String(side.respondents)
          : shown.view.status === 'closed'
            ? 'Too few answers to show'
            : 'Not enough responses yet',
    })),
    groups: page.qualifyingGroups.map((group) => ({
      name: group.name,
      side: group.sideLabel,
      respondents: String(group.respondents),
    })),
    belowThreshold: page.belowThreshold,
    progress: shown.progress?.map((row) => ({
      name: row.group.name,
      side: row.group.side === 'council' ? 'Council side' : 'Community side',
      invited: String(row.invited),
      started: String(row.started),
      submitted: String(row.submitted),
    })),
  };
}

function figuresSection(dashboard: PartnershipDashboard, base: string) {
  const figures = dashboard.figures;
  if (!figures) return undefined;
  const page = resultsPageView(figures);
  const ranked = (list: readonly RankedView[]) =>
    list.slice(0, DASHBOARD_RANKED_LIMIT).map((item) => ({
      code: item.code,
      text: item.title,
      detail: `Council side ${item.council}; community side ${item.community}.`,
    }));
  return {
    roundName: page.round.name,
    resultsHref: `${base}/rounds/${page.round.id}/results`,
    /** True when the figures are from an earlier round than the one shown above them. */
    earlierRound: dashboard.round !== undefined && dashboard.round.view.round.id !== page.round.id,
    levelKey: page.levelKey,
    principles: page.principles.map((principle) => ({
      name: principle.name,
      council: principle.cells[0] ?? '–',
      community: principle.cells[1] ?? '–',
    })),
    priorities: ranked(page.priorities),
    /** Whether both sides have results, so that "nothing is seen differently" can be said. */
    comparable: page.comparable,
    perceptionGaps: page.gaps.slice(0, DASHBOARD_RANKED_LIMIT).map((gap) => ({
      code: gap.code,
      text: gap.title,
      detail: `Council side ${gap.council}, community side ${gap.community}: ${gap.difference.toLowerCase()}.`,
    })),
  };
}

function actionsSection(dashboard: PartnershipDashboard, base: string) {
  const { actions, organisationNames } = dashboard;
  const owner = (action: ActionRecord) => {
    const name = action.ownerOrganisationId ? organisationNames.get(action.ownerOrganisationId) : undefined;
    return `${name ?? 'No owner'} (${actionSideLabels[action.side].toLowerCase()})`;
  };
  const link = (action: ActionRecord, detail: string): DashboardLink => ({
    text: action.title,
    href: `${base}/actions/${action.id}`,
    detail,
  });
  const due = (action: ActionRecord) => dayText(action.dueOn ?? '');
  return {
    total: actions.total,
    planHref: `${base}/actions`,
    summaryHref: `${base}/actions/summary`,
    dueSoonDays: DASHBOARD_DUE_SOON_DAYS,
    quarter: actions.quarter.label,
    overdue: cut(actions.overdue.map((a) => link(a, `${owner(a)}, was due ${due(a)}.`))),
    dueSoon: cut(
      actions.dueSoon.map((a) =>
        link(a, `${owner(a)}, due ${due(a)}, ${actionStatusLabels[a.status].toLowerCase()}.`),
      ),
    ),
    doneThisQuarter: cut(actions.doneThisQuarter.map((a) => link(a, `${owner(a)}.`))),
  };
}

function gapsSection(dashboard: PartnershipDashboard, base: string) {
  const { gaps } = dashboard;
  return {
    unmetCount: gaps.unmetCount,
    className: gapClassLabels['unmet-need'],
    allHref: `${base}/needs/gaps?level=${gaps.level}&class=unmet-need`,
    noProvisionData: gaps.noProvisionData,
    noProvisionDataHref: `${base}/needs/gaps?level=${gaps.level}&class=no-provision-data`,
    rows: gaps.cells.map((cell) => ({
      area: gaps.areaNames.get(cell.areaCode) ?? cell.areaCode,
      theme: gaps.themeNames.get(cell.theme) ?? cell.theme,
      need: cell.need === null ? 'No evidence' : oneDecimal(cell.need),
      provision: twoDecimals(cell.provision),
      score: oneDecimal(cell.gapScore),
      href: `${base}/needs/gaps/${cell.areaCode}/${cell.theme}`,
    })),
  };
}

function fundingSection(dashboard: PartnershipDashboard, base: string) {
  const { funding, organisationNames } = dashboard;
  const nameOf = (id: string) => organisationNames.get(id) ?? 'An organisation no longer in the partnership';
  const href = (id: string) => `${base}/funding/opportunities/${id}`;
  const deadline = (iso: string | null) => (iso ? `Closes ${dayText(iso)}` : 'No deadline given');
  return {
    total: funding.total,
    closingSoonDays: deadlineSoonDays,
    pipelineHref: `${base}/funding/opportunities`,
    clashes: cut(
      funding.clashes.map((view) => ({
        text: `${view.opportunity.funder}: ${view.opportunity.fundName}`,
        href: href(view.opportunity.id),
        detail: `${deadline(view.opportunity.deadline)}. ${clashSentence(view.clash, nameOf) ?? ''}`.trim(),
      })),
    ),
    closingSoon: cut(
      funding.closingSoon.map((view) => ({
        text: `${view.opportunity.funder}: ${view.opportunity.fundName}`,
        href: href(view.opportunity.id),
        detail: `${deadline(view.opportunity.deadline)}, ${formatRange(
          view.opportunity.amountMin,
          view.opportunity.amountMax,
          view.opportunity.currency,
        )}.`,
      })),
    ),
  };
}

/** The dashboard's sections for the page and the print view; each links to its own page. */
export function dashboardView(dashboard: PartnershipDashboard, slug: string) {
  const base = `/p/${slug}`;
  const directory = dashboard.directory;
  return {
    today: dayText(dashboard.today),
    round: roundSection(dashboard, base),
    /** The other rounds open today, each with its page and closing date. */
    otherOpenRounds: dashboard.otherOpenRounds.map((round) => ({
      text: round.name,
      href: `${base}/rounds/${round.id}`,
      detail: `${round.kind === 'quick' ? 'quick check' : 'full assessment'}, open until ${dayText(round.closesOn)}.`,
    })),
    roundsHref: `${base}/rounds`,
    figures: figuresSection(dashboard, base),
    actions: actionsSection(dashboard, base),
    directory: {
      months: directory.staleAfterMonths,
      unchecked: directory.unchecked,
      total: directory.total,
      uncheckedHref: `${base}/directory?check=yes`,
      hasOrganisation: directory.uncheckedOwn !== undefined,
      own: directory.uncheckedOwn ?? 0,
      ownHref: `${base}/directory?check=yes&mine=yes`,
      failingFeeds: directory.failingFeeds.map((feed) => ({
        address: feed.address,
        href: `${base}/imports/feeds/${feed.id}`,
        since: feed.failingSince,
      })),
    },
    gaps: gapsSection(dashboard, base),
    funding: fundingSection(dashboard, base),
  };
}

export type DashboardView = ReturnType<typeof dashboardView>;
