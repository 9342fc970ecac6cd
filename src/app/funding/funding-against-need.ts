import type { GapClass, GapThresholds } from '../../domain/needs/analysis-types.js';
import { divideDecimal } from '../../domain/funding/decimal.js';
import {
  fundingByArea,
  fundingFlag,
  type CurrencyAmounts,
  type FundingFlag,
} from '../../domain/funding/funding-by-area.js';
import { fundingShares, type FundingShare } from '../../domain/funding/funding-shares.js';
import type { GrantRecord } from '../../domain/funding/grant.js';
import { gapReport, type GapDeps } from '../gaps/gap-analysis.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { Store } from '../ports.js';
import { totalsByCurrency, type CurrencyTotal } from './grants.js';

/** One ward and theme: its funding set against need, provision and the needs map's gap class. */
export interface FundingRow {
  readonly areaCode: string;
  readonly areaName: string;
  readonly theme: string;
  readonly themeName: string;
  readonly amounts: CurrencyAmounts;
  readonly grantCount: number;
  /** Pounds per resident, when the ward's population is known and pounds went there. */
  readonly poundsPerHead: string | null;
  readonly need: number | null;
  readonly provision: number;
  readonly gapClass: GapClass;
  readonly flag: FundingFlag | null;
}

export interface FundingWardSummary {
  readonly code: string;
  readonly name: string;
  readonly population: number | null;
  readonly amounts: CurrencyAmounts;
  readonly grantCount: number;
  readonly poundsPerHead: string | null;
  /** GeoJSON text, for the map. */
  readonly boundary: string | null;
  readonly flags: number;
}

export interface FundingAgainstNeed {
  readonly authority: {
    readonly code: string;
    readonly name: string;
    readonly boundary: string | null;
  } | null;
  readonly wards: readonly FundingWardSummary[];
  readonly rows: readonly FundingRow[];
  /** Authority-wide grants by theme. */
  readonly authorityWide: readonly {
    theme: string;
    themeName: string;
    amounts: CurrencyAmounts;
    grantCount: number;
  }[];
  readonly authorityWideTotal: { readonly amounts: CurrencyAmounts; readonly grantCount: number };
  readonly notPlaced: { readonly amounts: CurrencyAmounts; readonly grantCount: number };
  readonly totals: readonly CurrencyTotal[];
  readonly thresholds: GapThresholds;
  readonly shares: readonly FundingShare[];
}

const perHead = (amounts: CurrencyAmounts, population: number | null) =>
  amounts.GBP !== undefined && population !== null && population > 0
    ? divideDecimal(amounts.GBP, Math.round(population), 2)
    : null;

/** Shares of the partnership's funding for the relationship indicators; the dashboard can show these too. */
export async function partnershipFundingShares(
  store: Store,
  partnershipId: string,
  grants?: readonly GrantRecord[],
): Promise<FundingShare[]> {
  const [all, organisations] = await Promise.all([
    grants ?? store.grants.listForPartnership(partnershipId),
    store.organisations.listByPartnership(partnershipId),
  ]);
  const faithOrganisationIds = new Set(organisations.filter((o) => o.kind === 'faith').map((o) => o.id));
  return fundingShares(all, { faithOrganisationIds });
}

/**
 * The partnership's grants by ward and theme, per head of population, beside the needs map's need, provision
 * and gap class for the same ward and theme (from the gap analysis, unchanged), with the two funding flags.
 */
export async function fundingAgainstNeed(
  deps: GapDeps,
  partnership: PartnershipRecord,
  themeIds: readonly string[],
): Promise<FundingAgainstNeed> {
  const [grants, report] = await Promise.all([
    deps.store.grants.listForPartnership(partnership.id),
    gapReport(deps, partnership, themeIds, 'ward'),
  ]);
  const authorityCode = report.authority?.code ?? partnership.localAuthorityCode;
  const wards = report.input.areas.map((a) => ({ code: a.code, descendantCodes: a.descendantCodes }));
  const funding = fundingByArea(grants, authorityCode, wards);
  const themeName = new Map(deps.themes.themes.map((t) => [t.id, t.name]));
  const cellOf = new Map(funding.cells.map((c) => [`${c.areaCode}|${c.theme}`, c]));
  const areaOf = new Map(report.input.areas.map((a) => [a.code, a]));
  const thresholds = report.analysis.settings.thresholds;

  const rows: FundingRow[] = report.analysis.cells.map((cell) => {
    const area = areaOf.get(cell.areaCode);
    const funded = cellOf.get(`${cell.areaCode}|${cell.theme}`);
    const amounts = funded?.amounts ?? {};
    return {
      areaCode: cell.areaCode,
      areaName: area?.name ?? cell.areaCode,
      theme: cell.theme,
      themeName: themeName.get(cell.theme) ?? cell.theme,
      amounts,
      grantCount: funded?.grantCount ?? 0,
      poundsPerHead: perHead(amounts, area?.population ?? null),
      need: cell.need,
      provision: cell.provision,
      gapClass: cell.gapClass,
      flag: fundingFlag(
        {
          hasFunding: (funded?.grantCount ?? 0) > 0,
          hasAuthorityWideFunding: cellOf.has(`${authorityCode}|${cell.theme}`),
          need: cell.need,
          provision: cell.provision,
        },
        thresholds,
      ),
    };
  });
  const flagsByArea = new Map<string, number>();
  for (const row of rows)
    if (row.flag) flagsByArea.set(row.areaCode, (flagsByArea.get(row.areaCode) ?? 0) + 1);
  const totalsByArea = new Map(funding.areaTotals.map((a) => [a.areaCode, a]));
  const boundaryOf = new Map(report.areas.map((a) => [a.code, a.boundary]));
  const wardSummaries: FundingWardSummary[] = report.input.areas
    .map((area) => {
      const totals = totalsByArea.get(area.code);
      const amounts = totals?.amounts ?? {};
      return {
        code: area.code,
        name: area.name,
        population: area.population,
        amounts,
        grantCount: totals?.grantCount ?? 0,
        poundsPerHead: perHead(amounts, area.population),
        boundary: boundaryOf.get(area.code) ?? null,
        flags: flagsByArea.get(area.code) ?? 0,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const authorityWide = funding.cells
    .filter((c) => c.areaCode === authorityCode)
    .map((c) => ({
      theme: c.theme,
      themeName: c.theme ? (themeName.get(c.theme) ?? c.theme) : 'No theme suggested',
      amounts: c.amounts,
      grantCount: c.grantCount,
    }))
    .sort((a, b) => a.themeName.localeCompare(b.themeName));
  return {
    authority: report.authority
      ? { code: report.authority.code, name: report.authority.name, boundary: report.authority.boundary }
      : null,
    wards: wardSummaries,
    rows,
    authorityWide,
    authorityWideTotal: totalsByArea.get(authorityCode) ?? { amounts: {}, grantCount: 0 },
    notPlaced: funding.notPlaced,
    totals: totalsByCurrency(grants),
    thresholds,
    shares: await partnershipFundingShares(deps.store, partnership.id, grants),
  };
}
