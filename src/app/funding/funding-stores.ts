import type { GrantMatch, GrantMatchMethod, GrantRecord } from '../../domain/funding/grant.js';
import type { CoordinationKind, InterestRole } from '../../domain/funding/clashes.js';
import type { OpportunityDetails } from '../../domain/funding/opportunities.js';
import type { IntentionDetails } from '../../domain/funding/commissioning.js';

/** Which grants to list; every field narrows the list, and a missing field means all. */
export interface GrantFilter {
  readonly currency?: string;
  readonly matchMethods?: readonly GrantMatchMethod[];
  readonly fundingOrgId?: string;
  readonly matchedOrganisationId?: string;
  /** Awarded on or after this date (YYYY-MM-DD). */
  readonly awardedFrom?: string;
  /** Awarded on or before this date (YYYY-MM-DD). */
  readonly awardedTo?: string;
}

/** The grants register. Every call is scoped to one partnership: another partnership's grants are never seen. */
export interface GrantStore {
  /** Inserts new grants and replaces every field of those whose id the partnership already holds. */
  save(records: readonly GrantRecord[]): Promise<void>;
  find(partnershipId: string, id: string): Promise<GrantRecord | undefined>;
  /** Newest award first, then by id. */
  listForPartnership(partnershipId: string, filter?: GrantFilter): Promise<GrantRecord[]>;
  /** The grants with these ids, for idempotent re-imports (in no particular order). */
  withIds(partnershipId: string, ids: readonly string[]): Promise<GrantRecord[]>;
  /** Records who received a grant; false when the partnership has no grant with this id. */
  setMatch(partnershipId: string, id: string, match: GrantMatch): Promise<boolean>;
  count(partnershipId: string): Promise<number>;
}

/** A funding opportunity in the partnership's pipeline, with the action planned about a clash, if any. */
export interface OpportunityRecord extends OpportunityDetails {
  readonly id: string;
  readonly partnershipId: string;
  readonly coordinationKind: CoordinationKind | null;
  readonly coordinationActionId: string | null;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** An organisation's intention to bid for an opportunity: as lead bidder or as a partner. */
export interface InterestRecord {
  readonly id: string;
  readonly partnershipId: string;
  readonly opportunityId: string;
  readonly organisationId: string;
  readonly role: InterestRole;
  readonly note: string;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The funding pipeline. Every call is scoped to one partnership: another partnership's rows are never seen. */
export interface FundingStore {
  insertOpportunity(record: OpportunityRecord): Promise<void>;
  /** Changes the details and the coordination of an opportunity of this partnership. */
  updateOpportunity(record: OpportunityRecord): Promise<void>;
  findOpportunity(partnershipId: string, id: string): Promise<OpportunityRecord | undefined>;
  listOpportunities(partnershipId: string): Promise<OpportunityRecord[]>;
  /** Adds an organisation's interest, or replaces its role and note when it already has one for the opportunity. */
  saveInterest(record: InterestRecord): Promise<void>;
  /** Removes an organisation's interest; false when it had none. */
  removeInterest(partnershipId: string, opportunityId: string, organisationId: string): Promise<boolean>;
  /** Interests in one opportunity, or in all the partnership's opportunities; oldest first. */
  listInterests(partnershipId: string, opportunityId?: string): Promise<InterestRecord[]>;
}

export interface IntentionRecord extends IntentionDetails {
  readonly id: string;
  readonly partnershipId: string;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Commissioning intentions, scoped to one partnership like every other store. */
export interface CommissioningStore {
  insert(record: IntentionRecord): Promise<void>;
  update(record: IntentionRecord): Promise<void>;
  find(partnershipId: string, id: string): Promise<IntentionRecord | undefined>;
  /** Newest first. */
  list(partnershipId: string): Promise<IntentionRecord[]>;
}

/** The funding area's part of the store. */
export interface FundingStores {
  /** The partnership's grants (360Giving). */
  readonly grants: GrantStore;
  /** The shared funding pipeline: opportunities and who intends to bid. */
  readonly funding: FundingStore;
  /** Commissioning intentions. */
  readonly commissioning: CommissioningStore;
}
