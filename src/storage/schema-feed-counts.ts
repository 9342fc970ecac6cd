/** A partnership's directory version: raised after every write to its services or organisations. */
export interface DirectoryVersionsTable {
  partnership_id: string;
  version: number;
}

/** How many records one Open Referral UK feed list holds, counted at a directory version. */
export interface OrukFeedCountsTable {
  partnership_id: string;
  query_key: string;
  version: number;
  total: number;
}
