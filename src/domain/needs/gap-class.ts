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
  potential = 0,
): GapClass {
  if (need === null) return 'no-data';
  // No service or organisation for the theme anywhere in the partnership: missing data, not a finding.
  if (!provisionKnown) return 'no-provision-data';
  // Organisations that work on the theme but list no service are potential provision: never counted as services,
  // but with them the need is thinly met, not unmet.
  if (need >= t.highNeed && provision < t.littleProvision)
    return potential > 0 ? 'thin-provision' : 'unmet-need';
  if (need >= t.lowNeed && provision < t.thinProvision) return 'thin-provision';
  if (need < t.lowNeed && provision >= t.overlapProvision) return 'overlap';
  return 'balanced';
}

/** For sorting the gaps list: need shared out over provision (need ÷ (1 + provision)); 0 with no need score. */
export function gapScore(need: number | null, provision: number, provisionKnown = true): number {
  return need === null || !provisionKnown ? 0 : need / (1 + provision);
}

/**
 * "3 charities or groups work on this but list no service": organisations whose own words match the theme and
 * which list no service in the directory (potential provision).
 */
export function potentialProvisionText(potential: number): string {
  return potential === 1
    ? '1 charity or group works on this but lists no service'
    : `${potential} charities or groups work on this but list no service`;
}

const needText = (need: number) => String(Math.round(need * 10) / 10);
const provisionText = (provision: number) => String(Math.round(provision * 100) / 100);

/** A sentence saying why the class was given, naming the thresholds it was measured against. */
export function classReason(
  need: number | null,
  provision: number,
  t: GapThresholds,
  provisionKnown = true,
  potential = 0,
): string {
  if (need === null) {
    return 'There are no area statistics or local needs records for this theme here, so need cannot be scored.';
  }
  const n = needText(need);
  const p = provisionText(provision);
  const alsoPotential =
    potential > 0
      ? ` Also, ${potentialProvisionText(potential)} (potential provision, not counted above).`
      : '';
  if (provisionKnown && potential > 0 && need >= t.highNeed && provision < t.littleProvision) {
    return `Need is ${n}, at or above the high-need threshold of ${t.highNeed}, and provision from services is ${p}, below the little-provision threshold of ${t.littleProvision}, but ${potentialProvisionText(potential)}, so provision is thin: they may be able to help, though they are not counted as services.`;
  }
  return classSentence(need, provision, t, provisionKnown) + (provisionKnown ? alsoPotential : '');
}

function classSentence(need: number, provision: number, t: GapThresholds, provisionKnown: boolean): string {
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
