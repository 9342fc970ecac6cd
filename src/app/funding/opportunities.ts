import { findClash, type ClashFinding } from '../../domain/funding/clashes.js';
import {
  byDeadline,
  checkOpportunityDraft,
  type OpportunityDraft,
  type OpportunityRules,
} from '../../domain/funding/opportunities.js';
import { mayAddOpportunities, mayChangeOpportunity } from '../../domain/funding/permissions.js';
import type { ThemeVocabulary } from '../../domain/directory/themes.js';
import type { FrameworkLibrary } from '../assessments/framework-library.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { needAreas, type NeedArea } from '../needs/need-areas.js';
import type { Clock } from '../shared/system-ports.js';
import type { InterestRecord, OpportunityRecord } from './funding-stores.js';
import type { MembershipRecord, PartnershipRecord } from '../partnerships/partnership-store.js';
import type { OrganisationRecord } from '../partnerships/organisation-record.js';
import type { Store } from '../ports.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { newId } from '../shared/secrets.js';

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
