import { roleAllows, type PartnershipRole } from '../../domain/accounts/roles.js';
import type { GapReport } from '../../app/gaps/gap-analysis.js';
import { themesWithProvisionData } from '../../domain/needs/analyse.js';
import { describeReachHere, describeReachRule, type ReachClass } from '../../domain/needs/reach-rule.js';

/** What components/reach-rule.njk shows: the reach rule and the themes with no provision data. */
export interface ReachNotice {
  readonly rule: string;
  readonly settingsHref: string | null;
  /** Names of the themes asked about that nothing in the partnership is recorded for. */
  readonly missing: readonly string[];
  /** Where to import them, for those who may; null for the others. */
  readonly importHref: string | null;
  readonly addHref: string | null;
}

/** The notice for a gap report's themes; `area` narrows the rule to one area's class. */
export function reachNotice(
  report: Pick<GapReport, 'input'>,
  slug: string,
  role: PartnershipRole,
  area?: { readonly ruralUrban: ReachClass | null },
): ReachNotice {
  const rule = report.input.settings.reachKm;
  const recorded = themesWithProvisionData(report.input);
  return {
    rule: area ? describeReachHere(rule, area.ruralUrban) : describeReachRule(rule),
    settingsHref: roleAllows(role, 'manage-settings') ? `/p/${slug}/needs/settings` : null,
    missing: report.input.themes.filter((t) => !recorded.has(t.id)).map((t) => t.name),
    importHref: roleAllows(role, 'import-data') ? `/p/${slug}/imports` : null,
    addHref: roleAllows(role, 'edit') ? `/p/${slug}/directory/services/new` : null,
  };
}
