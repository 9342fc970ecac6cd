import type { CoordinationKind } from '../../domain/funding/clashes.js';
import type { OpportunityDraft } from '../../domain/funding/opportunities.js';
import type { MembershipRecord, PartnershipRecord } from '../partnerships/partnership-store.js';
import type { Actor } from '../shared/audit.js';
import { coordinationProposal, planCoordination } from './coordination-plans.js';
import { registerInterest, withdrawInterest, type InterestInput } from './funding-interest.js';
import {
  addOpportunity,
  changeableOpportunity,
  findOpportunity,
  fundingContext,
  listOpportunities,
  updateOpportunity,
  type FundingDeps,
} from './opportunities.js';

/** The funding pipeline's use-cases, bound to their dependencies. */
export function fundingUseCases(deps: FundingDeps) {
  return {
    context: (partnership: PartnershipRecord) => fundingContext(deps, partnership),
    list: (partnership: PartnershipRecord, filter: { theme?: string }) =>
      listOpportunities(deps, partnership, filter),
    find: (partnershipId: string, opportunityId: string) =>
      findOpportunity(deps, partnershipId, opportunityId),
    add: (partnership: PartnershipRecord, member: MembershipRecord, draft: OpportunityDraft, actor: Actor) =>
      addOpportunity(deps, partnership, member, draft, actor),
    changeable: (partnershipId: string, member: MembershipRecord, opportunityId: string) =>
      changeableOpportunity(deps, partnershipId, member, opportunityId),
    update: (
      partnership: PartnershipRecord,
      member: MembershipRecord,
      opportunityId: string,
      draft: OpportunityDraft,
      actor: Actor,
    ) => updateOpportunity(deps, partnership, member, opportunityId, draft, actor),
    registerInterest: (
      partnership: PartnershipRecord,
      member: MembershipRecord,
      opportunityId: string,
      input: InterestInput,
      actor: Actor,
    ) => registerInterest(deps, partnership, member, opportunityId, input, actor),
    withdrawInterest: (
      partnership: PartnershipRecord,
      member: MembershipRecord,
      opportunityId: string,
      organisationId: string,
      actor: Actor,
    ) => withdrawInterest(deps, partnership, member, opportunityId, organisationId, actor),
    proposal: (partnership: PartnershipRecord, opportunityId: string, kind: CoordinationKind) =>
      coordinationProposal(deps, partnership, opportunityId, kind),
    planCoordination: (
      partnership: PartnershipRecord,
      member: MembershipRecord,
      opportunityId: string,
      input: { kind: string; ownerOrganisationId: string; title: string },
      actor: Actor,
    ) => planCoordination(deps, partnership, member, opportunityId, input, actor),
  };
}
