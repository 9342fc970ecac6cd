import type { AreaRecord } from '../areas/area-records.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { ServiceDeps } from '../service-deps.js';
import type { Actor } from '../shared/audit.js';
import { areaGaps, gapExplanation, gapReport, type GapDeps } from './gap-analysis.js';
import type { GapLevel } from './gap-areas.js';
import { readGapSettings, resetGapSettings, saveGapSettings } from './gap-settings.js';

export function gapDepsFor(deps: ServiceDeps): GapDeps {
  return { store: deps.store, themes: deps.themes, indicatorThemes: deps.indicatorThemes };
}

/** Gaps between need and provision, explained per area and theme, with the partnership's settings. */
export function gapServices(deps: ServiceDeps, gapDeps: GapDeps) {
  const { store, clock } = deps;
  return {
    indicatorThemes: deps.indicatorThemes,
    report: (partnership: PartnershipRecord, themes: readonly string[], level: GapLevel) =>
      gapReport(gapDeps, partnership, themes, level),
    forArea: (partnership: PartnershipRecord, area: AreaRecord) => areaGaps(gapDeps, partnership, area),
    explain: (partnership: PartnershipRecord, areaCode: string, theme: string) =>
      gapExplanation(gapDeps, partnership, areaCode, theme),
    settings: (partnershipId: string) => readGapSettings(store, partnershipId),
    saveSettings: (partnershipId: string, value: { settings: unknown; linkWeights: unknown }, actor: Actor) =>
      saveGapSettings(store, clock, partnershipId, value, actor),
    resetSettings: (partnershipId: string, actor: Actor) =>
      resetGapSettings(store, clock, partnershipId, actor),
  };
}
