import type { RoundResults } from '../../domain/results/index.js';

/**
 * Round results kept in memory by round and answers version. Results are derived, never stored: a cached entry
 * is reused only while the round's answers version (bumped by every answer, in the database) is unchanged, so
 * several processes sharing one database never serve stale figures.
 */
export interface ResultsCache {
  get(roundId: string, version: number): RoundResults | undefined;
  set(roundId: string, version: number, results: RoundResults): void;
}

export function createResultsCache(capacity = 32): ResultsCache {
  const entries = new Map<string, { version: number; results: RoundResults }>();
  return {
    get(roundId, version) {
      const entry = entries.get(roundId);
      if (!entry || entry.version !== version) return undefined;
      entries.delete(roundId);
      entries.set(roundId, entry); // most recently used last
      return entry.results;
    },
    set(roundId, version, results) {
      entries.delete(roundId);
      entries.set(roundId, { version, results });
      while (entries.size > capacity) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
  };
}
