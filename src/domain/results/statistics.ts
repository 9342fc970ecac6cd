/**
 * Order statistics for maturity levels. Results are exact: levels are whole numbers, so every median and
 * quartile here is a multiple of 0.5 (and a median of medians a multiple of 0.25), which binary floating
 * point holds exactly. Nothing is rounded here; pages round for display.
 */

/** How widely a set of levels is spread. */
export interface Spread {
  readonly min: number;
  readonly max: number;
  /** First quartile, by the median-of-halves method (see {@link spread}). */
  readonly lowerQuartile: number;
  /** Third quartile, by the median-of-halves method. */
  readonly upperQuartile: number;
  /** upperQuartile − lowerQuartile. */
  readonly interquartileRange: number;
}

/**
 * Sorts levels. Maturity levels are whole numbers 1–4, so counting them is much faster than a comparison sort
 * for a round with a thousand respondents; any other values fall back to an ordinary sort.
 */
function ascending(values: readonly number[]): number[] {
  const counts = [0, 0, 0, 0, 0];
  for (const value of values) {
    if (value !== 1 && value !== 2 && value !== 3 && value !== 4) return [...values].sort((a, b) => a - b);
    counts[value] = (counts[value] ?? 0) + 1;
  }
  const sorted = new Array<number>(values.length);
  let position = 0;
  for (let level = 1; level <= 4; level += 1) {
    sorted.fill(level, position, position + (counts[level] ?? 0));
    position += counts[level] ?? 0;
  }
  return sorted;
}

function at(sorted: readonly number[], index: number): number {
  const value = sorted[index];
  if (value === undefined) throw new RangeError(`No value at position ${index} of ${sorted.length}`);
  return value;
}

/** Median of a non-empty ascending list: the middle value, or the mean of the two middle values. */
function medianOfSorted(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return at(sorted, middle);
  return (at(sorted, middle - 1) + at(sorted, middle)) / 2;
}

/**
 * The median: the middle value of the sorted list; for an even count, the mean of the two middle values.
 * `null` for an empty list (there is nothing to summarise).
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return medianOfSorted(ascending(values));
}

/**
 * Minimum, maximum and interquartile range, or `null` for an empty list.
 *
 * Quartile method: **median of halves**, leaving the median out when the count is odd. Sort the n values;
 * the lower half is the first ⌊n/2⌋ values and the upper half the last ⌊n/2⌋ values; the lower quartile is
 * the median of the lower half and the upper quartile the median of the upper half. For example
 * [1, 2, 3, 4, 4] has halves [1, 2] and [4, 4], so the quartiles are 1.5 and 4 and the range is 2.5.
 * With a single value both halves are empty, so both quartiles are that value and the range is 0.
 */
export function spread(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = ascending(values);
  const half = Math.floor(sorted.length / 2);
  const min = at(sorted, 0);
  const max = at(sorted, sorted.length - 1);
  if (half === 0) return { min, max, lowerQuartile: min, upperQuartile: max, interquartileRange: 0 };
  const lowerQuartile = medianOfSorted(sorted.slice(0, half));
  const upperQuartile = medianOfSorted(sorted.slice(sorted.length - half));
  return { min, max, lowerQuartile, upperQuartile, interquartileRange: upperQuartile - lowerQuartile };
}
