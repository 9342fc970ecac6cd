/**
 * The factors of one service's contribution to the provision of a theme in an area: distance (from its nearest
 * place, within the reach), capacity and opening hours. docs/needs-scoring.md explains them.
 */

/** People helped per week by an average service: a service with this capacity counts as 1. */
export const referenceCapacityPerWeek = 50;
export const capacityFactorRange = { min: 0.25, max: 2 } as const;
/** Hours open in a reference week (a full-time service): a service open this long counts as 1. */
export const referenceHoursPerWeek = 35;
export const hoursFactorRange = { min: 0.25, max: 1.5 } as const;

const clamp = (value: number, range: { min: number; max: number }) =>
  Math.min(range.max, Math.max(range.min, value));

/** 1 at the place, falling in a straight line to 0 at the reach. */
export function distanceFactor(km: number, reachKm: number): number {
  return reachKm > 0 ? Math.max(0, 1 - km / reachKm) : 0;
}

/** Capacity relative to the reference week, between 0.25 and 2; 1 when not known. */
export function capacityFactor(capacityPerWeek: number | null): number {
  return capacityPerWeek === null
    ? 1
    : clamp(capacityPerWeek / referenceCapacityPerWeek, capacityFactorRange);
}

/** Opening hours relative to the reference week, between 0.25 and 1.5; 1 when not known. */
export function hoursFactor(hoursPerWeek: number | null): number {
  return hoursPerWeek === null ? 1 : clamp(hoursPerWeek / referenceHoursPerWeek, hoursFactorRange);
}
