import type { GapSettings } from './analysis-types.js';

/**
 * Need from local needs records (0–100), and how it combines with need from area statistics.
 * docs/needs-scoring.md explains the points.
 */

/** Points for a record's severity: 20 for low up to 80 for severe. */
export const severityPoints = 20;
/** Up to this many points more for the share of people affected. */
export const shareMaxPoints = 20;
/** The share of the population affected that earns the full share points (one in ten). */
export const fullShare = 0.1;
/** Each further record for the same area and theme adds this many points (corroboration). */
export const furtherRecordPoints = 5;

/** A record's score: severity × 20, plus up to 20 for the share of people affected (full at 10%). */
export function recordScore(
  severity: number,
  peopleAffected: number | null,
  population: number | null,
): number {
  const base = severityPoints * severity;
  if (peopleAffected === null || population === null || population <= 0 || peopleAffected <= 0) return base;
  return base + Math.min(shareMaxPoints, (shareMaxPoints * (peopleAffected / population)) / fullShare);
}

/** Local need: the strongest record's score, plus 5 for each further record, at most 100; null with none. */
export function localNeedFrom(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return Math.min(100, Math.max(...scores) + furtherRecordPoints * (scores.length - 1));
}

/** Weighted mean of the parts that exist and have a positive weight; null when there are none. */
export function combineNeed(
  statisticsNeed: number | null,
  localNeed: number | null,
  weights: GapSettings['weights'],
): number | null {
  const ws = statisticsNeed === null ? 0 : Math.max(0, weights.statistics);
  const wl = localNeed === null ? 0 : Math.max(0, weights.localRecords);
  if (ws + wl === 0) return null;
  return ((statisticsNeed ?? 0) * ws + (localNeed ?? 0) * wl) / (ws + wl);
}
