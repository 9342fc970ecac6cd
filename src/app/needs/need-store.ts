import type { NeedRecord } from '../../domain/needs/model.js';

/** Which needs to list: any of these themes, in any of these areas (an empty or missing list means all). */
export interface NeedFilter {
  readonly theme?: string;
  readonly areaCodes?: readonly string[];
}

/** The needs register. Every call is scoped to one partnership: another partnership's needs are never seen. */
export interface NeedStore {
  insert(records: readonly NeedRecord[]): Promise<void>;
  /** Replaces the need's details and source id (not its partnership, creator or creation time). */
  update(record: NeedRecord): Promise<void>;
  /** True when a need was deleted. */
  delete(partnershipId: string, id: string): Promise<boolean>;
  find(partnershipId: string, id: string): Promise<NeedRecord | undefined>;
  /** Newest reported first, then by area and theme. */
  listForPartnership(partnershipId: string, filter?: NeedFilter): Promise<NeedRecord[]>;
  /** The needs imported with these source ids, for idempotent re-imports. */
  withSourceIds(partnershipId: string, sourceIds: readonly string[]): Promise<NeedRecord[]>;
}

/** The needs area's part of the store. */
export interface NeedStores {
  /** The partnership's needs register. */
  readonly needs: NeedStore;
}
