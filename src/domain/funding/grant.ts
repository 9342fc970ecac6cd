/**
 * Grants in the shape of the 360Giving Data Standard (https://standard.threesixtygiving.org/), as a partnership
 * holds them: one record per 360Giving grant identifier, with the recipient matched to a directory organisation.
 * Amounts are decimal text (for example "1250.50") so nothing is ever lost to floating-point sums.
 */

/** How a grant's recipient was matched to a directory organisation. */
export const grantMatchMethods = ['identifier', 'name', 'reviewed', 'none'] as const;
export type GrantMatchMethod = (typeof grantMatchMethods)[number];

/** Grant or contract, when the file says; 360Giving files are grants unless they say otherwise. */
export const grantKinds = ['grant', 'contract', 'unknown'] as const;
export type GrantKind = (typeof grantKinds)[number];

/** A place a grant benefits or where its recipient is: a geographic code and its type, or only a name. */
export interface GrantLocation {
  /** For example an ONS GSS code ("E08000009"), or null when the file gives only a name. */
  readonly geoCode: string | null;
  /** The 360Giving geoCodeType codelist value (for example "LAD", "WD", "LSOA"), or null. */
  readonly geoCodeType: string | null;
  readonly name: string | null;
}

/** What a 360Giving file says about a grant, after checking. */
export interface GrantDetails {
  readonly title: string;
  readonly description: string;
  /** ISO 4217 code, upper case ("GBP", "USD"). */
  readonly currency: string;
  /** Decimal text with no exponent or thousands separators, for example "1250.50". */
  readonly amountAwarded: string;
  /** YYYY-MM-DD. */
  readonly awardDate: string;
  readonly plannedStartDate: string | null;
  readonly plannedEndDate: string | null;
  /** Planned duration in months, when the file gives one or it follows from the planned dates. */
  readonly plannedDurationMonths: number | null;
  /** The recipient's identifier in the file (GB-CHC-…, GB-COH-…, 360G-…). */
  readonly recipientOrgId: string | null;
  readonly recipientOrgName: string | null;
  readonly recipientCharityNumber: string | null;
  readonly recipientCompanyNumber: string | null;
  readonly recipientLocation: GrantLocation | null;
  readonly fundingOrgId: string;
  readonly fundingOrgName: string;
  readonly beneficiaryLocations: readonly GrantLocation[];
  readonly grantProgramme: string | null;
  readonly kind: GrantKind;
  /** Theme ids of the shared vocabulary, suggested from the title and description. */
  readonly themes: readonly string[];
  /**
   * Every 360Giving field the file gave, typed (see standard-grant-fields.ts), so an export loses none; null or
   * absent for grants made here.
   */
  readonly standardFields?: Readonly<Record<string, unknown>> | null;
}

/** Which directory organisation received the grant, if any, and how sure we are. */
export interface GrantMatch {
  readonly organisationId: string | null;
  readonly method: GrantMatchMethod;
  /** 0 to 1; 1 for an identifier or a person's review, null when there is no candidate. */
  readonly confidence: number | null;
}

export const noGrantMatch: GrantMatch = { organisationId: null, method: 'none', confidence: null };

export interface GrantRecord extends GrantDetails {
  /** The 360Giving grant identifier: unique within a partnership, so a re-import updates. */
  readonly id: string;
  readonly partnershipId: string;
  readonly match: GrantMatch;
  /** The file the grant came from (its name), or null for demo data. */
  readonly dataSource: string | null;
  readonly importedAt: string;
}
