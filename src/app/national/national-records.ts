/**
 * What the national view keeps: publications of framework versions, and each partnership's national profile
 * (its framework version, region and benchmarking choice). Uptake reads counts only: dates of rounds,
 * respondents counted by group kind, and how many actions are still active, never who or what was said.
 */
export interface ContentVersionRecord {
  readonly id: string;
  readonly kind: 'framework';
  readonly version: string;
  readonly publishedAt: string;
  readonly publishedBy: string | null;
  readonly publishedByName: string | null;
}

export interface PartnershipProfileRecord {
  readonly partnershipId: string;
  /** The framework version new rounds use; null for the first version. */
  readonly frameworkVersion: string | null;
  /** Recorded by the national team; null when not recorded. */
  readonly region: string | null;
  readonly benchmarkOptIn: boolean;
  readonly benchmarkChangedAt: string | null;
  readonly updatedAt: string;
}

export interface UptakeRound {
  readonly partnershipId: string;
  readonly opensOn: string;
  readonly closesOn: string;
  readonly closedAt: string | null;
}

export interface RespondentCount {
  readonly partnershipId: string;
  readonly groupKind: string;
  readonly submitted: number;
}

export interface NationalStore {
  publications(kind: 'framework'): Promise<ContentVersionRecord[]>;
  recordPublication(record: ContentVersionRecord): Promise<void>;
  profile(partnershipId: string): Promise<PartnershipProfileRecord | undefined>;
  profiles(): Promise<PartnershipProfileRecord[]>;
  /** Adds or replaces the partnership's profile. */
  saveProfile(record: PartnershipProfileRecord): Promise<void>;
  uptakeRounds(): Promise<UptakeRound[]>;
  /** Submitted responses counted by partnership and group kind. */
  respondentCounts(): Promise<RespondentCount[]>;
  /** Actions not done or dropped, counted by partnership. */
  activeActionCounts(): Promise<{ partnershipId: string; active: number }[]>;
}

export const emptyProfile = (partnershipId: string, now: string): PartnershipProfileRecord => ({
  partnershipId,
  frameworkVersion: null,
  region: null,
  benchmarkOptIn: false,
  benchmarkChangedAt: null,
  updatedAt: now,
});

/** The national area's part of the store. */
export interface NationalStores {
  readonly national: NationalStore;
}
