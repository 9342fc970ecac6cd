/**
 * Which rounds the partnership dashboard shows. Pure: statuses are worked out before (see `roundStatus`).
 */
import type { RoundStatus } from './round-rules.js';

/**
 * The current round, or else the last one: the most recently opened round that is open, or, when none is
 * open, the most recently opened round that has closed. A round not open yet is never shown as current.
 * `rounds` are newest first (by opening date), as the store lists them.
 */
export function currentOrLastRound<T extends { readonly status: RoundStatus }>(
  rounds: readonly T[],
): T | undefined {
  return rounds.find((r) => r.status === 'open') ?? rounds.find((r) => r.status === 'closed');
}

/**
 * The round whose figures the dashboard's headline, priorities and perception gaps come from: the newest round
 * that has opened and has figures to show (at least one side met the anonymity threshold). `rounds` are newest
 * first; `hasFigures` is asked only until one is found.
 */
export async function latestRoundWithFigures<T extends { readonly status: RoundStatus }>(
  rounds: readonly T[],
  hasFigures: (round: T) => Promise<boolean>,
): Promise<T | undefined> {
  for (const round of rounds) {
    if (round.status === 'scheduled') continue;
    if (await hasFigures(round)) return round;
  }
  return undefined;
}
