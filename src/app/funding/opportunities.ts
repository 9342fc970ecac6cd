import { actionLimits } from '../../domain/actions/actions.js';
import {
  findClash,
  isCoordinationKind,
  isInterestRole,
  type ClashFinding,
  type CoordinationKind,
} from '../../domain/funding/clashes.js';
import {
  byDeadline,
  checkOpportunityDraft,
  opportunityLimits,
  type OpportunityDraft,
  type OpportunityRules,
} from '../../domain/funding/opportunities.js';
import {
  mayAddOpportunities,
  mayChangeOpportunity,
  mayRegisterInterestFor,
} from '../../domain/funding/permissions.js';
import type { ThemeVocabulary } from '../../domain/directory/themes.js';
import type { FrameworkLibrary } from '../assessments/framework-library.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { needAreas, type NeedArea } from '../needs/need-areas.js';
import type {
  ActionRecord,
  Clock,
  InterestRecord,
  MembershipRecord,
  OpportunityRecord,
  OrganisationRecord,
  PartnershipRecord,
  Store,
} from '../ports.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { newId } from '../shared/secrets.js';
import { coordinationDescription, coordinationTitle, fundingIndicatorCode } from './coordination.js';

export interface FundingDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly themes: ThemeVocabulary;
  readonly frameworks: FrameworkLibrary;
}

/** What the pages need for choices and names: the authority and its wards, and the organisations. */
export interface FundingContext {
  readonly areas: readonly NeedArea[];
  readonly organisations: readonly OrganisationRecord[];
  readonly rules: OpportunityRules;
  readonly today: string;
}

export async function fundingContext(
  deps: FundingDeps,
  partnership: PartnershipRecord,
): Promise<FundingContext> {
  const [areas, organisations] = await Promise.all([
    needAreas(deps.store, partnership),
    deps.store.organisations.listByPartnership(partnership.id),
  ]);
  const authorityAndWards = areas.list.filter((a) => a.level !== 'lsoa');
  return {
    areas: authorityAndWards,
    organisations,
    rules: {
      themeIds: new Set(deps.themes.themes.map((t) => t.id)),
      areaCodes: new Set(authorityAndWards.map((a) => a.code)),
    },
    today: deps.clock.now().toISOString().slice(0, 10),
  };
}

/** An opportunity with who intends to bid and whether they clash. */
export interface OpportunityView {
  readonly opportunity: OpportunityRecord;
  readonly interests: readonly InterestRecord[];
  readonly clash: ClashFinding;
}

const viewOf = (opportunity: OpportunityRecord, interests: readonly InterestRecord[]): OpportunityView => ({
  opportunity,
  interests,
  clash: findClash(interests, opportunity.coordinationActionId ? opportunity.coordinationKind : null),
});

/** The pipeline, open deadlines soonest first, optionally only those tagged with a theme. */
export async function listOpportunities(
  deps: FundingDeps,
  partnership: PartnershipRecord,
  filter: { theme?: string },
): Promise<OpportunityView[]> {
  const [opportunities, interests] = await Promise.all([
    deps.store.funding.listOpportunities(partnership.id),
    deps.store.funding.listInterests(partnership.id),
  ]);
  const theme =
    filter.theme && deps.themes.themes.some((t) => t.id === filter.theme) ? filter.theme : undefined;
  const chosen = opportunities.filter((o) => theme === undefined || o.themes.includes(theme));
  const today = deps.clock.now().toISOString().slice(0, 10);
  return byDeadline(chosen, today).map((o) =>
    viewOf(
      o,
      interests.filter((i) => i.opportunityId === o.id),
    ),
  );
}

export async function findOpportunity(
  deps: FundingDeps,
  partnershipId: string,
  opportunityId: string,
): Promise<OpportunityView> {
  const opportunity = await deps.store.funding.findOpportunity(partnershipId, opportunityId);
  if (!opportunity) throw new NotFoundError('There is no such funding opportunity in this partnership');
  return viewOf(opportunity, await deps.store.funding.listInterests(partnershipId, opportunity.id));
}

function checked(draft: OpportunityDraft, context: FundingContext) {
  const result = checkOpportunityDraft(draft, context.rules);
  if (!result.ok) throw new ValidationError(result.problems);
  return result.value;
}

export async function addOpportunity(
  deps: FundingDeps,
  partnership: PartnershipRecord,
  member: MembershipRecord,
  draft: OpportunityDraft,
  actor: Actor,
): Promise<OpportunityRecord> {
  if (!mayAddOpportunities(member)) throw new ForbiddenError('Viewers cannot add funding opportunities');
  const value = checked(draft, await fundingContext(deps, partnership));
  const now = deps.clock.now().toISOString();
  const record: OpportunityRecord = {
    ...value,
    id: newId(),
    partnershipId: partnership.id,
    coordinationKind: null,
    coordinationActionId: null,
    createdBy: member.userId,
    createdAt: now,
    updatedAt: now,
  };
  await deps.store.transaction(async (store) => {
    await store.funding.insertOpportunity(record);
    await recordAudit(store, deps.clock, {
      partnershipId: partnership.id,
      actor,
      action: 'funding-opportunity-added',
      subject: `${record.fundName} (${record.funder})`,
    });
  });
  return record;
}

/** An opportunity the member may change; NotFound outside the partnership, Forbidden when not theirs. */
export async function changeableOpportunity(
  deps: FundingDeps,
  partnershipId: string,
  member: MembershipRecord,
  opportunityId: string,
): Promise<OpportunityRecord> {
  const { opportunity } = await findOpportunity(deps, partnershipId, opportunityId);
  if (!mayChangeOpportunity(member, opportunity)) {
    throw new ForbiddenError('Only the person who added this opportunity, or an admin, can change it');
  }
  return opportunity;
}

export async function updateOpportunity(
  deps: FundingDeps,
  partnership: PartnershipRecord,
  member: MembershipRecord,
  opportunityId: string,
  draft: OpportunityDraft,
  actor: Actor,
): Promise<OpportunityRecord> {
  const opportunity = await changeableOpportunity(deps, partnership.id, member, opportunityId);
  const value = checked(draft, await fundingContext(deps, partnership));
  const updated: OpportunityRecord = { ...opportunity, ...value, updatedAt: deps.clock.now().toISOString() };
  await deps.store.transaction(async (store) => {
    await store.funding.updateOpportunity(updated);
    await recordAudit(store, deps.clock, {
      partnershipId: partnership.id,
      actor,
      action: 'funding-opportunity-changed',
      subject: `${updated.fundName} (${updated.funder})`,
    });
  });
  return updated;
}

export interface InterestInput {
  readonly organisationId: string;
  readonly role: string;
  readonly note: string;
}

/** Registers (or changes) an organisation's intention to bid. Members register for their own organisation. */
export async function registerInterest(
  deps: FundingDeps,
  partnership: PartnershipRecord,
  member: MembershipRecord,
  opportunityId: string,
  input: InterestInput,
  actor: Actor,
): Promise<InterestRecord> {
  const { opportunity } = await findOpportunity(deps, partnership.id, opportunityId);
  if (member.role === 'viewer') throw new ForbiddenError('Viewers cannot register interest in a fund');
  const problems: Record<string, string> = {};
  const organisation = await deps.store.organisations.findById(partnership.id, input.organisationId.trim());
  if (!organisation) problems.organisationId = 'Select the organisation that intends to bid';
  else if (!mayRegisterInterestFor(member, organisation.id)) {
    problems.organisationId = 'Select your own organisation: you can only register its interest';
  }
  if (!isInterestRole(input.role))
    problems.role = 'Select whether the organisation would lead the bid or be a partner';
  const note = input.note.trim();
  if (note.length > opportunityLimits.noteMax) problems.note = 'The note must be 1,000 characters or fewer';
  if (Object.keys(problems).length > 0 || !organisation || !isInterestRole(input.role)) {
    throw new ValidationError(problems);
  }
  const now = deps.clock.now().toISOString();
  const record: InterestRecord = {
    id: newId(),
    partnershipId: partnership.id,
    opportunityId: opportunity.id,
    organisationId: organisation.id,
    role: input.role,
    note,
    createdBy: member.userId,
    createdAt: now,
    updatedAt: now,
  };
  await deps.store.transaction(async (store) => {
    await store.funding.saveInterest(record);
    await recordAudit(store, deps.clock, {
      partnershipId: partnership.id,
      actor,
      action: 'funding-interest-registered',
      subject: `${organisation.name}: ${input.role === 'lead' ? 'lead bidder' : 'partner'} for ${opportunity.fundName}`,
    });
  });
  return record;
}

export async function withdrawInterest(
  deps: FundingDeps,
  partnership: PartnershipRecord,
  member: MembershipRecord,
  opportunityId: string,
  organisationId: string,
  actor: Actor,
): Promise<void> {
  const { opportunity } = await findOpportunity(deps, partnership.id, opportunityId);
  if (!mayRegisterInterestFor(member, organisationId)) {
    throw new ForbiddenError('You can only withdraw your own organisation’s interest');
  }
  await deps.store.transaction(async (store) => {
    if (await store.funding.removeInterest(partnership.id, opportunity.id, organisationId)) {
      await recordAudit(store, deps.clock, {
        partnershipId: partnership.id,
        actor,
        action: 'funding-interest-withdrawn',
        subject: `${opportunity.fundName}`,
      });
    }
  });
}

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
