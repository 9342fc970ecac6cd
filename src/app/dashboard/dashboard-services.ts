import type { AssessmentDeps } from '../assessments/rounds.js';
import type { GapDeps } from '../gaps/gap-analysis.js';
import type { MembershipRecord, PartnershipRecord } from '../partnerships/partnership-store.js';
import type { ServiceDeps } from '../service-deps.js';
import { partnershipDashboard, type DashboardGaps } from './dashboard.js';
import { createGapSummaryCache } from './gap-summary-cache.js';

/** The page members land on: highlights from rounds, actions, directory, gaps and funding. */
export function dashboardServices(deps: ServiceDeps, assessmentDeps: AssessmentDeps, gapDeps: GapDeps) {
  const { store, clock } = deps;
  const gapSummaries = createGapSummaryCache<DashboardGaps>();
  return (partnership: PartnershipRecord, member: MembershipRecord) =>
    partnershipDashboard(
      {
        assessments: assessmentDeps,
        directory: { store, clock, themes: deps.themes },
        gaps: gapDeps,
        funding: { store, clock, themes: deps.themes, frameworks: deps.frameworks },
        gapSummaries,
      },
      partnership,
      member,
    );
}
