import { compareDecimals, sumDecimals } from './decimal.js';
import type { GrantRecord } from './grant.js';

/**
 * Shares of funding that matter for the relationship indicators ("capacity and resources": timely, multi-year,
 * proportionate funding). Each share is of grants in pounds (GBP) only, by amount and by number of grants:
 * - multi-year: a planned duration over 12 months; one-off: 12 months or less; grants with no duration are
 *   left out of this share.
 * - grants versus contracts: by the kind the file gives (360Giving files publish grants unless they say
 *   "contract" in their funding type or classifications).
 * - small groups: we hold no income figures, so "small" is by grant size: a grant under £10,000 (the usual
 *   ceiling of small-grants programmes). An organisation's income under £100,000 would be used if we held it.
 * - faith groups: the recipient is matched to an organisation recorded as a faith group, or, when unmatched,
 *   its name has a place-of-worship word (church, mosque, gurdwara, temple, synagogue, chapel, parish…).
 */

export const smallGrantLimit = '10000';

export interface FundingShare {
  readonly key: 'multi-year' | 'contracts' | 'small-groups' | 'faith-groups';
  readonly label: string;
  /** What the share is of, in words. */
  readonly of: string;
  readonly part: { readonly amount: string; readonly count: number };
  readonly whole: { readonly amount: string; readonly count: number };
  /** 0–100 by amount, one decimal place; null when the whole is nothing. */
  readonly percentByAmount: number | null;
}

const faithWords =
  /\b(church|churches|mosque|masjid|gurdwara|temple|synagogue|chapel|parish|diocese|cathedral|mandir|faith|christian|muslim|islamic|jewish|sikh|hindu|methodist|baptist|catholic|anglican|quaker)\b/i;

export interface ShareContext {
  /** Ids of the partnership's organisations recorded as faith groups. */
  readonly faithOrganisationIds: ReadonlySet<string>;
}

export function isFaithRecipient(grant: GrantRecord, context: ShareContext): boolean {
  if (grant.match.organisationId !== null)
    return context.faithOrganisationIds.has(grant.match.organisationId);
  return faithWords.test(grant.recipientOrgName ?? '');
}

function share(
  key: FundingShare['key'],
  label: string,
  of: string,
  whole: readonly GrantRecord[],
  isPart: (grant: GrantRecord) => boolean,
): FundingShare {
  const part = whole.filter(isPart);
  const wholeAmount = sumDecimals(whole.map((g) => g.amountAwarded));
  const partAmount = sumDecimals(part.map((g) => g.amountAwarded));
  const percent =
    compareDecimals(wholeAmount, '0') === 0
      ? null
      : Math.round((Number(partAmount) / Number(wholeAmount)) * 1000) / 10;
  return {
    key,
    label,
    of,
    part: { amount: partAmount, count: part.length },
    whole: { amount: wholeAmount, count: whole.length },
    percentByAmount: percent,
  };
}

export function fundingShares(grants: readonly GrantRecord[], context: ShareContext): FundingShare[] {
  const pounds = grants.filter((g) => g.currency === 'GBP');
  const withDuration = pounds.filter((g) => g.plannedDurationMonths !== null);
  const withKind = pounds.filter((g) => g.kind !== 'unknown');
  return [
    share(
      'multi-year',
      'Multi-year funding',
      'grants with a planned length',
      withDuration,
      (g) => (g.plannedDurationMonths ?? 0) > 12,
    ),
    share(
      'contracts',
      'Contracts rather than grants',
      'grants and contracts',
      withKind,
      (g) => g.kind === 'contract',
    ),
    share(
      'small-groups',
      'Funding to small groups (grants under £10,000)',
      'all funding',
      pounds,
      (g) => compareDecimals(g.amountAwarded, smallGrantLimit) < 0,
    ),
    share('faith-groups', 'Funding to faith groups', 'all funding', pounds, (g) =>
      isFaithRecipient(g, context),
    ),
  ];
}
