/**
 * Clash detection for the funding pipeline: when two or more partner organisations are heading for the same
 * pot as separate lead bidders, they compete with each other, which the framework (CR4, bidding for funding
 * together) asks partners to avoid. Pure: interests and the coordination already planned in, a finding out.
 */

export const interestRoles = ['lead', 'partner'] as const;
export type InterestRole = (typeof interestRoles)[number];

export const interestRoleLabels: Record<InterestRole, string> = {
  lead: 'Lead bidder',
  partner: 'Partner in a bid',
};

export function isInterestRole(value: unknown): value is InterestRole {
  return typeof value === 'string' && (interestRoles as readonly string[]).includes(value);
}

/** What the partners have agreed to do about a clash: talk it through, or bid together. */
export const coordinationKinds = ['conversation', 'joint-bid'] as const;
export type CoordinationKind = (typeof coordinationKinds)[number];

export function isCoordinationKind(value: unknown): value is CoordinationKind {
  return typeof value === 'string' && (coordinationKinds as readonly string[]).includes(value);
}

export interface InterestFacts {
  readonly organisationId: string;
  readonly role: InterestRole;
}

export type ClashFinding =
  /** Fewer than two lead bidders: nobody is competing. */
  | { readonly kind: 'none'; readonly leadOrganisationIds: readonly string[] }
  /** Two or more lead bidders and nothing planned yet. */
  | { readonly kind: 'clash'; readonly leadOrganisationIds: readonly string[] }
  /** Two or more lead bidders, and a conversation or a joint bid is planned as an action. */
  | {
      readonly kind: 'coordinating';
      readonly coordination: CoordinationKind;
      readonly leadOrganisationIds: readonly string[];
    };

/**
 * Whether an opportunity has a clash. Each organisation counts once (a lead role wins over a partner role if
 * it somehow has both); the lead bidders come back in the order they were first given.
 */
export function findClash(
  interests: readonly InterestFacts[],
  coordination: CoordinationKind | null,
): ClashFinding {
  const leads: string[] = [];
  for (const interest of interests) {
    if (interest.role === 'lead' && !leads.includes(interest.organisationId))
      leads.push(interest.organisationId);
  }
  if (leads.length < 2) return { kind: 'none', leadOrganisationIds: leads };
  if (coordination === null) return { kind: 'clash', leadOrganisationIds: leads };
  return { kind: 'coordinating', coordination, leadOrganisationIds: leads };
}

/** The sentence shown beside an opportunity, naming the organisations; undefined when there is no clash. */
export function clashSentence(
  finding: ClashFinding,
  nameOf: (organisationId: string) => string,
): string | undefined {
  if (finding.kind === 'none') return undefined;
  const names = finding.leadOrganisationIds.map(nameOf);
  const listed =
    names.length === 2
      ? `${names[0]} and ${names[1]}`
      : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  if (finding.kind === 'clash') {
    return `${names.length} partners plan to bid for this fund as lead bidders: ${listed}. Talk before you bid, or plan a joint bid.`;
  }
  return finding.coordination === 'joint-bid'
    ? `A joint bid is planned: ${listed} had each planned to lead a bid.`
    : `A conversation is planned: ${listed} each plan to lead a bid.`;
}
