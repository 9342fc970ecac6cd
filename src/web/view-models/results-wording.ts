/** How results figures are put in words on the results page, in the reports and in the dashboard. */
import type { Framework } from '../../domain/framework/framework.js';

/** A "don't know" rate at or above this is marked high on the page. */
export const HIGH_DONT_KNOW_RATE = 0.3;

/** A median for people to read: "3", "2.5", "2.25"; "–" (en dash) for no data. */
export function formatMedian(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : String(Math.round(value * 100) / 100);
}

/** "3 (Established)", "2.5 (between Developing and Established)", or "no data". */
export function levelPhrase(value: number | null, framework: Framework): string {
  if (value === null) return 'no data';
  const name = (level: number) =>
    framework.scale.levels.find((entry) => entry.level === level)?.name ?? `level ${level}`;
  if (Number.isInteger(value)) return `${formatMedian(value)} (${name(value)})`;
  return `${formatMedian(value)} (between ${name(Math.floor(value))} and ${name(Math.ceil(value))})`;
}

/** A change between rounds in words: "Up 0.5", "Down 1", "No change". */
export function changePhrase(change: number): string {
  if (change === 0) return 'No change';
  return `${change > 0 ? 'Up' : 'Down'} ${formatMedian(Math.abs(change))}`;
}

/** "Some difference" from "some difference". */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** community − council, in words: "Community side 1.5 lower". */
export function differencePhrase(difference: number): string {
  if (difference === 0) return 'No difference';
  const side = difference > 0 ? 'higher' : 'lower';
  return `Community side ${formatMedian(Math.abs(difference))} ${side}`;
}

/**
 * The sentence shown for a group below the threshold, and the only place its name appears. Once the round has
 * closed, waiting will not help, so it says what to do next time instead of how many more are needed.
 */
export function belowThresholdMessage(groupName: string, needed: number, closed = false): string {
  if (closed) {
    return (
      `${groupName}: too few people answered to show this group’s results, so its answers are not shown. ` +
      'Next time, invite more people to this group.'
    );
  }
  return `${groupName}: not enough responses yet to show results. ${needed} more needed.`;
}
