import type { GapClass, GapThresholds } from './analysis-types.js';

/**
 * Which kind of gap an area and theme has, from its need score and provision, and why.
 * docs/needs-scoring.md explains the thresholds.
 */
export function classifyGap(
  need: number | null,
  provision: number,
  t: GapThresholds,
  provisionKnown = true,
): GapClass {
  if (need === null) return 'no-data';
  // No service or organisation for the theme anywhere in the partnership: missing data, not a finding.
  if (!provisionKnown) return 'no-provision-data';
  if (need >= t.highNeed && provision < t.littleProvision) return 'unmet-need';
  if (need >= t.lowNeed && provision < t.thinProvision) return 'thin-provision';
  if (need < t.lowNeed && provision >= t.overlapProvision) return 'overlap';
  return 'balanced';
}

/** For sorting the gaps list: need shared out over provision (need ÷ (1 + provision)); 0 with no need score. */
export function gapScore(need: number | null, provision: number, provisionKnown = true): number {
  return need === null || !provisionKnown ? 0 : need / (1 + provision);
}

const needText = (need: number) => String(Math.round(need * 10) / 10);
const provisionText = (provision: number) => String(Math.round(provision * 100) / 100);

/** A sentence saying why the class was given, naming the thresholds it was measured against. */
export function classReason(
  need: number | null,
  provision: number,
  t: GapThresholds,
  provisionKnown = true,
): string {
  if (need === null) {
    return 'There are no area statistics or local needs records for this theme here, so need cannot be scored.';
  }
  const n = needText(need);
  const p = provisionText(provision);
  switch (classifyGap(need, provision, t, provisionKnown)) {
    case 'no-provision-data':
      return `Need is ${n}, but no service or organisation anywhere in the partnership is recorded for this theme, so provision is not known: import or add the services and organisations that work on it.`;
    case 'unmet-need':
      return `Need is ${n}, at or above the high-need threshold of ${t.highNeed}, and provision is ${p}, below the little-provision threshold of ${t.littleProvision}, so need is unmet.`;
    case 'thin-provision':
      return `Need is ${n}, at or above the low-need threshold of ${t.lowNeed}, and provision is ${p}, below the thin-provision threshold of ${t.thinProvision}, so provision is thin.`;
    case 'overlap':
      return `Need is ${n}, below the low-need threshold of ${t.lowNeed}, and provision is ${p}, at or above the overlap threshold of ${t.overlapProvision}, so services may overlap.`;
    default:
      if (need < t.lowNeed) {
        return `Need is ${n}, below the low-need threshold of ${t.lowNeed}, and provision is ${p}, below the overlap threshold of ${t.overlapProvision}, so need and provision are balanced.`;
      }
      return `Need is ${n}, at or above the low-need threshold of ${t.lowNeed}, and provision is ${p}, at or above the thin-provision threshold of ${t.thinProvision}, so need and provision are balanced.`;
  }
}
