/**
 * A saved allocation run: what it was asked (themes, maximum travel distance), the engine's input and result as
 * JSON text, and headline figures so the list of runs needs no JSON parsing. Always one partnership's.
 */
export interface MatchingRunSummary {
  readonly id: string;
  readonly partnershipId: string;
  readonly themes: readonly string[];
  readonly maxKm: number;
  readonly needUnits: number;
  readonly metUnits: number;
  readonly unmetUnits: number;
  readonly serviceCount: number;
  readonly totalCost: number;
  readonly greedyCost: number | null;
  readonly createdBy: string | null;
  readonly createdByName: string | null;
  readonly createdAt: string;
}

export interface MatchingRunRecord extends MatchingRunSummary {
  /** The engine's input and the app's notes on it (assumptions, names), as JSON text. */
  readonly inputJson: string;
  /** The engine's allocation, as JSON text. */
  readonly resultJson: string;
}

/** Saved allocation runs. Every call is scoped to one partnership: another partnership's runs are never seen. */
export interface MatchingRunStore {
  insert(run: MatchingRunRecord): Promise<void>;
  find(partnershipId: string, id: string): Promise<MatchingRunRecord | undefined>;
  /** Newest first, without the JSON. */
  list(partnershipId: string, limit: number): Promise<MatchingRunSummary[]>;
}

/** The matching area's part of the store. */
export interface MatchingStores {
  /** Saved allocation runs (matching needs to services). */
  readonly matchingRuns: MatchingRunStore;
}
