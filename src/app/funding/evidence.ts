/**
 * The evidence for one area and theme, for bids, commissioning papers and needs assessments: need (with how
 * it was worked out), provision and the services counted, the gap class, the local needs records, funding
 * opportunities and commissioning intentions that touch it. Grant funding by area is not gathered here yet:
 * the pages say so rather than guess.
 */
import type { GapExplanationView } from '../gaps/gap-analysis.js';
import type { IntentionRecord, OpportunityRecord, PartnershipRecord, Store } from '../ports.js';
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
  const [opportunities, intentions] = await Promise.all([
    deps.store.funding.listOpportunities(partnership.id),
    deps.store.commissioning.list(partnership.id),
  ]);
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
    intentions: intentions.filter((i) =>
      i.needCells.some((c) => c.theme === theme && (c.areaCode === area.code || placesHere.has(c.areaCode))),
    ),
  };
}
