import { divideDecimal, sumDecimals } from './decimal.js';
import type { GrantRecord } from './grant.js';

/**
 * Where a partnership's grants went, by ward and theme. A grant is placed by its beneficiary locations, or by
 * its recipient's location when it names none. A code of one of the partnership's wards, or of an LSOA inside
 * one, places it in that ward; the authority's own code makes it authority-wide; anything else (another
 * authority, a region, a name with no code) leaves it unplaced. A grant naming several wards is shared equally
 * between them (to the penny, so shares may differ from the amount by a penny). A grant counts under every theme
 * suggested for it, so theme totals are not added up across themes.
 */

export interface FundingWard {
  readonly code: string;
  /** Codes of the LSOAs inside the ward. */
  readonly descendantCodes: readonly string[];
}

export type GrantPlacement =
  | { readonly kind: 'wards'; readonly codes: readonly string[] }
  | { readonly kind: 'authority-wide' }
  | { readonly kind: 'not-placed' };

/** Amounts per currency (currency code → decimal text). */
export type CurrencyAmounts = Readonly<Record<string, string>>;

export interface FundingCell {
  /** A ward code, or the authority's code for authority-wide grants. */
  readonly areaCode: string;
  /** A theme id, or '' for grants with no theme suggested. */
  readonly theme: string;
  readonly amounts: CurrencyAmounts;
  readonly grantCount: number;
}

export interface FundingByArea {
  /** Per area (ward or authority-wide) and theme. */
  readonly cells: readonly FundingCell[];
  /** Per area, over all themes, each grant once. */
  readonly areaTotals: readonly FundingCell[];
  readonly notPlaced: { readonly amounts: CurrencyAmounts; readonly grantCount: number };
}

export function placeGrant(
  grant: Pick<GrantRecord, 'beneficiaryLocations' | 'recipientLocation'>,
  authorityCode: string,
  wards: readonly FundingWard[],
): GrantPlacement {
  const wardOf = new Map<string, string>();
  for (const ward of wards) {
    wardOf.set(ward.code, ward.code);
    for (const code of ward.descendantCodes) wardOf.set(code, ward.code);
  }
  const coded = grant.beneficiaryLocations.filter((l) => l.geoCode !== null);
  const places = coded.length > 0 ? coded : grant.recipientLocation?.geoCode ? [grant.recipientLocation] : [];
  const codes = places.map((p) => (p.geoCode ?? '').toUpperCase());
  const inWards = [...new Set(codes.map((c) => wardOf.get(c)).filter((c): c is string => c !== undefined))];
  if (inWards.length > 0) return { kind: 'wards', codes: inWards.sort() };
  if (codes.includes(authorityCode.toUpperCase())) return { kind: 'authority-wide' };
  return { kind: 'not-placed' };
}

class Totals {
  private readonly amounts = new Map<string, string[]>();
  private count = 0;
  add(currency: string, amount: string, grants = 1): void {
    const list = this.amounts.get(currency) ?? [];
    list.push(amount);
    this.amounts.set(currency, list);
    this.count += grants;
  }
  result(): { amounts: CurrencyAmounts; grantCount: number } {
    const amounts: Record<string, string> = {};
    for (const [currency, list] of [...this.amounts.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      amounts[currency] = sumDecimals(list);
    }
    return { amounts, grantCount: this.count };
  }
}

export function fundingByArea(
  grants: readonly GrantRecord[],
  authorityCode: string,
  wards: readonly FundingWard[],
): FundingByArea {
  const cells = new Map<string, Totals>();
  const areas = new Map<string, Totals>();
  const notPlaced = new Totals();
  const at = <K>(map: Map<K, Totals>, key: K) => {
    const found = map.get(key) ?? new Totals();
    map.set(key, found);
    return found;
  };
  for (const grant of grants) {
    const placement = placeGrant(grant, authorityCode, wards);
    if (placement.kind === 'not-placed') {
      notPlaced.add(grant.currency, grant.amountAwarded);
      continue;
    }
    const codes = placement.kind === 'wards' ? placement.codes : [authorityCode];
    const share =
      codes.length === 1 ? grant.amountAwarded : divideDecimal(grant.amountAwarded, codes.length, 2);
    const themes = grant.themes.length > 0 ? grant.themes : [''];
    for (const code of codes) {
      at(areas, code).add(grant.currency, share);
      for (const theme of themes) at(cells, `${code}\u0000${theme}`).add(grant.currency, share);
    }
  }
  const split = (key: string) => {
    const [areaCode = '', theme = ''] = key.split('\u0000');
    return { areaCode, theme };
  };
  return {
    cells: [...cells.entries()].map(([key, totals]) => ({ ...split(key), ...totals.result() })),
    areaTotals: [...areas.entries()].map(([areaCode, totals]) => ({
      areaCode,
      theme: '',
      ...totals.result(),
    })),
    notPlaced: notPlaced.result(),
  };
}

/** Flags that join the needs map's gap classes on the funding page. */
export type FundingFlag = 'funding-without-provision' | 'need-without-funding';

export const fundingFlagLabels: Record<FundingFlag, string> = {
  'funding-without-provision': 'Funding without provision',
  'need-without-funding': 'Need without funding',
};

/**
 * "Funding without provision": money went to the area and theme but provision is below the thin-provision
 * threshold. "Need without funding": need is not low (at or above the low-need threshold) and no grant went to
 * the area and theme, not even an authority-wide one.
 */
export function fundingFlag(
  input: {
    readonly hasFunding: boolean;
    readonly hasAuthorityWideFunding: boolean;
    readonly need: number | null;
    readonly provision: number;
  },
  thresholds: { readonly lowNeed: number; readonly thinProvision: number },
): FundingFlag | null {
  if (input.hasFunding && input.provision < thresholds.thinProvision) return 'funding-without-provision';
  if (
    !input.hasFunding &&
    !input.hasAuthorityWideFunding &&
    input.need !== null &&
    input.need >= thresholds.lowNeed
  ) {
    return 'need-without-funding';
  }
  return null;
}
