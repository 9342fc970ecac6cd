import { gapExplanation, gapReport, type GapDeps } from '../gaps/gap-analysis.js';
import type { GapLevel } from '../gaps/gap-areas.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { ServiceDeps } from '../service-deps.js';
import { commissioningUseCases } from './commissioning.js';
import { fundingAgainstNeed, partnershipFundingShares } from './funding-against-need.js';
import { fundingUseCases } from './funding-use-cases.js';
import { grantUseCases } from './grants.js';

/** Grants, funding against need, the shared funding pipeline and commissioning intentions. */
export function fundingServices(deps: ServiceDeps, gapDeps: GapDeps) {
  const { store, clock, baseUrl } = deps;
  return {
    grants: grantUseCases({ store, clock, themes: deps.themes, baseUrl }),
    funding: {
      againstNeed: (partnership: PartnershipRecord, themes: readonly string[]) =>
        fundingAgainstNeed(gapDeps, partnership, themes),
      /** Multi-year, contract, small-group and faith-group shares, for the funding page and the dashboard. */
      shares: (partnershipId: string) => partnershipFundingShares(store, partnershipId),
    },
    fundingPipeline: fundingUseCases({ store, clock, themes: deps.themes, frameworks: deps.frameworks }),
    commissioning: commissioningUseCases({
      store,
      clock,
      themes: deps.themes,
      explain: (partnership: PartnershipRecord, areaCode: string, theme: string) =>
        gapExplanation(gapDeps, partnership, areaCode, theme),
      gapReport: (partnership: PartnershipRecord, themes: readonly string[], level: GapLevel) =>
        gapReport(gapDeps, partnership, themes, level),
      fundingAgainstNeed: (partnership: PartnershipRecord, themes: readonly string[]) =>
        fundingAgainstNeed(gapDeps, partnership, themes),
    }),
  };
}
