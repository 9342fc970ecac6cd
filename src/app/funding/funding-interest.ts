import { isInterestRole } from '../../domain/funding/clashes.js';
import { opportunityLimits } from '../../domain/funding/opportunities.js';
import { mayRegisterInterestFor } from '../../domain/funding/permissions.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import type { InterestRecord } from './funding-stores.js';
import type { MembershipRecord, PartnershipRecord } from '../partnerships/partnership-store.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { newId } from '../shared/secrets.js';
import { findOpportunity, type FundingDeps } from './opportunities.js';

/** Organisations' intentions to bid for a fund: registered, changed and withdrawn. */

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
