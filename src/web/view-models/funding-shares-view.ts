import type { FundingShare } from '../../domain/funding/funding-shares.js';
import { formatMoney } from '../../domain/funding/decimal.js';
import type { Framework } from '../../domain/framework/framework.js';

/** One row of the funding shares table (funding page, partnership home, round results). */
export interface FundingShareRow {
  readonly label: string;
  readonly of: string;
  readonly percent: string;
  readonly partText: string;
  readonly wholeText: string;
}

const grantsText = (amount: string, count: number) =>
  `${formatMoney(amount, 'GBP')} (${count} ${count === 1 ? 'grant' : 'grants'})`;

export function fundingShareRows(shares: readonly FundingShare[]): FundingShareRow[] {
  return shares.map((s) => ({
    label: s.label,
    of: s.of,
    percent: s.percentByAmount === null ? 'No grants' : `${s.percentByAmount.toFixed(1)}%`,
    partText: grantsText(s.part.amount, s.part.count),
    wholeText: grantsText(s.whole.amount, s.whole.count),
  }));
}

/** True when the partnership holds any grants in pounds, so the shares say something. */
export function hasFundingShares(shares: readonly FundingShare[]): boolean {
  return shares.some((s) => s.whole.count > 0);
}

/**
 * The framework indicators the funding shares are evidence for: ES3 "Fair grants and contracts" asks whether
 * funding runs for several years and fits the size of the award. Absent from a framework version, none.
 */
const fundingEvidenceCodes = ['ES3'];

export function fundingEvidenceIndicators(framework: Framework): { code: string; title: string }[] {
  return framework.principles
    .flatMap((p) => p.indicators)
    .filter((i) => fundingEvidenceCodes.includes(i.code))
    .map((i) => ({ code: i.code, title: i.title }));
}
