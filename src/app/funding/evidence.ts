/**
 * The evidence for one area and theme, for bids, commissioning papers and needs assessments: need (with how
 * it was worked out), provision and the services counted, the gap class, the local needs records, funding
 * given to its ward and authority-wide (from the grants' funding against need), funding opportunities and
 * commissioning intentions that touch it.
 */
import type { CurrencyAmounts, FundingFlag } from '../../domain/funding/funding-by-area.js';
import type { FundingAgainstNeed } from './funding-against-need.js';
import type { GapExplanationView } from '../gaps/gap-analysis.js';
import type { IntentionRecord, OpportunityRecord } from './funding-stores.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { Store } from '../ports.js';
import type { NeedRecord } from '../../domain/needs/model.js';
import type { ServiceContribution } from '../../domain/needs/analysis-types.js';

export interface EvidenceDeps {
  readonly store: Store;
  /** The gap explanation for an area and theme (services.gaps.explain). */
  readonly explain: (
    partnership: PartnershipRecord,
    areaCode: string,
    theme: string,
  ) => Promise<GapExplanationView | undefined>;
  /** Grants set against need by ward and theme (services.funding.againstNeed); without it, no grant figures. */
  readonly fundingAgainstNeed?: (
    partnership: PartnershipRecord,
    themes: readonly string[],
  ) => Promise<FundingAgainstNeed>;
}

/** Grants received in a ward, or across the whole authority, for the theme. */
export interface GrantFunding {
  readonly amounts: CurrencyAmounts;
  readonly grantCount: number;
}

export interface EvidenceFunding {
  /** The ward the area is (or is in), with its grants for the theme; null for the whole authority. */
  readonly ward:
    | (GrantFunding & {
        readonly code: string;
        readonly name: string;
        readonly poundsPerHead: string | null;
        readonly flag: FundingFlag | null;
      })
    | null;
  readonly authorityWide: GrantFunding;
}

export interface Evidence {
  readonly view: GapExplanationView;
  /** Local needs records counted for this cell, newest first. */
  readonly records: readonly NeedRecord[];
  /** Services that could deliver: those counted in the provision, biggest contribution first. */
  readonly couldDeliver: readonly ServiceContribution[];
  readonly nearest: { readonly id: string; readonly name: string; readonly km: number | null } | null;
  readonly opportunities: readonly OpportunityRecord[];
  readonly intentions: readonly IntentionRecord[];
  /** Undefined when grant funding is not available to this service. */
  readonly funding: EvidenceFunding | undefined;
}

/** The evidence for one area and theme of the partnership; undefined when either is not the partnership's. */
export async function gatherEvidence(
  deps: EvidenceDeps,
  partnership: PartnershipRecord,
  areaCode: string,
  theme: string,
): Promise<Evidence | undefined> {
  const view = await deps.explain(partnership, areaCode, theme);
  if (!view) return undefined;
  const { explanation, report, area } = view;
  const counted = new Set(explanation.need.records.map((r) => r.needId));
  const records = report.needs.filter((n) => counted.has(n.id));
  const couldDeliver = [...explanation.contributions].sort((a, b) => b.contribution - a.contribution);
  const nearestId = explanation.cell.nearestServiceId;
  const nearestService = nearestId ? report.services.find((s) => s.id === nearestId) : undefined;
  const [opportunities, intentions, funding] = await Promise.all([
    deps.store.funding.listOpportunities(partnership.id),
    deps.store.commissioning.list(partnership.id),
    deps.fundingAgainstNeed ? deps.fundingAgainstNeed(partnership, [theme]) : Promise.resolve(undefined),
  ]);
  const wardCode = area.level === 'ward' ? area.code : area.level === 'lsoa' ? area.parentCode : null;
  const wardRow = funding?.rows.find((r) => r.areaCode === wardCode && r.theme === theme);
  const wide = funding?.authorityWide.find((t) => t.theme === theme);
  // An opportunity counts when it funds the theme (or any theme) and this area, its ward or the whole authority.
  const placesHere = new Set(
    [area.code, area.parentCode ?? '', report.authority?.code ?? ''].filter(Boolean),
  );
  return {
    view,
    records,
    couldDeliver,
    nearest: nearestService
      ? { id: nearestService.id, name: nearestService.name, km: explanation.cell.nearestKm }
      : null,
    opportunities: opportunities.filter(
      (o) =>
        (o.themes.length === 0 || o.themes.includes(theme)) &&
        (o.areaCodes.length === 0 || o.areaCodes.some((code) => placesHere.has(code))),
    ),
    funding: funding
      ? {
          ward:
            wardCode === null
              ? null
              : {
                  code: wardCode,
                  name: wardRow?.areaName ?? funding.wards.find((w) => w.code === wardCode)?.name ?? wardCode,
                  amounts: wardRow?.amounts ?? {},
                  grantCount: wardRow?.grantCount ?? 0,
                  poundsPerHead: wardRow?.poundsPerHead ?? null,
                  flag: wardRow?.flag ?? null,
                },
          authorityWide: { amounts: wide?.amounts ?? {}, grantCount: wide?.grantCount ?? 0 },
        }
      : undefined,
    intentions: intentions.filter((i) =>
      i.needCells.some((c) => c.theme === theme && (c.areaCode === area.code || placesHere.has(c.areaCode))),
    ),
  };
}
