import { actionLimits } from '../../domain/actions/actions.js';
import { isCoordinationKind, type CoordinationKind } from '../../domain/funding/clashes.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import type { ActionRecord } from '../actions/action-store.js';
import type { MembershipRecord, PartnershipRecord } from '../partnerships/partnership-store.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { newId } from '../shared/secrets.js';
import { coordinationDescription, coordinationTitle, fundingIndicatorCode } from './coordination.js';
import { findOpportunity, type FundingDeps } from './opportunities.js';

/** What the "plan a joint bid" form offers: the prefilled title, the owner by default and the indicator. */
export async function coordinationProposal(
  deps: FundingDeps,
  partnership: PartnershipRecord,
  opportunityId: string,
  kind: CoordinationKind,
) {
  const view = await findOpportunity(deps, partnership.id, opportunityId);
  const organisations = await deps.store.organisations.listByPartnership(partnership.id);
  const council = organisations.find((o) => o.kind === 'council');
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  const leadNames = view.clash.leadOrganisationIds.map((id) => names.get(id) ?? 'An organisation');
  const { opportunity } = view;
  return {
    view,
    organisations,
    title: coordinationTitle(kind, opportunity.fundName),
    description: coordinationDescription(kind, opportunity.fundName, opportunity.funder, leadNames),
    ownerOrganisationId: council?.id ?? '',
    indicatorCode: fundingIndicatorCode(deps.frameworks.current),
  };
}

/**
 * Starts a conversation or plans a joint bid about a clash: adds an action to the action plan (joint side,
 * owned by the chosen organisation, linked to the framework's funding-together indicator when there is one)
 * and records it on the opportunity, in one transaction. Audited.
 */
export async function planCoordination(
  deps: FundingDeps,
  partnership: PartnershipRecord,
  member: MembershipRecord,
  opportunityId: string,
  input: { kind: string; ownerOrganisationId: string; title: string },
  actor: Actor,
): Promise<ActionRecord> {
  if (member.role === 'viewer') throw new ForbiddenError('Viewers cannot add actions');
  if (!isCoordinationKind(input.kind)) {
    throw new ValidationError({ kind: 'Choose to start a conversation or to plan a joint bid' });
  }
  const proposal = await coordinationProposal(deps, partnership, opportunityId, input.kind);
  const problems: Record<string, string> = {};
  const owner = proposal.organisations.find((o) => o.id === input.ownerOrganisationId.trim());
  if (!owner) problems.ownerOrganisationId = 'Select the organisation that will own this action';
  const title = input.title.trim() === '' ? proposal.title : input.title.trim();
  if (title.length < actionLimits.titleMin || title.length > actionLimits.titleMax) {
    problems.title = 'Enter a title for the action, from 3 to 160 characters';
  }
  if (Object.keys(problems).length > 0 || !owner) throw new ValidationError(problems);
  const now = deps.clock.now().toISOString();
  const action: ActionRecord = {
    id: newId(),
    partnershipId: partnership.id,
    roundId: null,
    title,
    description: proposal.description,
    indicatorCodes: proposal.indicatorCode ? [proposal.indicatorCode] : [],
    side: 'joint',
    ownerOrganisationId: owner.id,
    leadName: '',
    dueOn: proposal.view.opportunity.deadline,
    status: 'not-started',
    source: 'manual',
    createdAt: now,
    updatedAt: now,
  };
  await deps.store.transaction(async (store) => {
    await store.actions.insert(action);
    await store.funding.updateOpportunity({
      ...proposal.view.opportunity,
      coordinationKind: input.kind as CoordinationKind,
      coordinationActionId: action.id,
      updatedAt: now,
    });
    await recordAudit(store, deps.clock, {
      partnershipId: partnership.id,
      actor,
      action: 'action-created',
      subject: action.title,
    });
    await recordAudit(store, deps.clock, {
      partnershipId: partnership.id,
      actor,
      action: input.kind === 'joint-bid' ? 'funding-joint-bid-planned' : 'funding-conversation-started',
      subject: proposal.view.opportunity.fundName,
    });
  });
  return action;
}
