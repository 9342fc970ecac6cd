/** Where an import job is: previewing and applying run in the background; the others wait or are final. */
export type ImportJobStatus = 'previewing' | 'previewed' | 'applying' | 'applied' | 'failed' | 'cancelled';

export interface ImportJobRecord {
  id: string;
  /** Null for national reference data. */
  partnershipId: string | null;
  kind: string;
  /** The file name as uploaded, or the path or address given to the command line. */
  sourceName: string;
  /** Where the uploaded copy is kept until the job is applied or cancelled. */
  sourcePath: string;
  options: Record<string, string>;
  status: ImportJobStatus;
  /** Rows (or records) handled so far and in all, for the progress bar; total 0 while unknown. */
  done: number;
  total: number;
  /** The preview's or the applied import's report, as JSON. */
  report: string | null;
  error: string | null;
  createdByUserId: string | null;
  createdAt: string;
  updatedAt: string;
  /** The instance running the job while it previews or applies (null for jobs from before owners). */
  ownerId: string | null;
  /** When that instance last said it was still running the job. */
  heartbeatAt: string | null;
}

/** What may change on a job once it is stored. */
export type ImportJobChange = Partial<
  Pick<
    ImportJobRecord,
    'status' | 'done' | 'total' | 'report' | 'error' | 'updatedAt' | 'ownerId' | 'heartbeatAt'
  >
>;

/** The imports area's part of the store: import jobs and their uploaded files. */
export interface ImportStores {
  readonly importJobs: {
    insert(job: ImportJobRecord): Promise<void>;
    /** With a partnership id, only that partnership's job; with null, only a national job. */
    find(partnershipId: string | null, id: string): Promise<ImportJobRecord | undefined>;
    /**
     * The same job without its report, which lists every problem row and can run to megabytes: for progress
     * checks made every second or so while a job runs.
     */
    findStatus(
      partnershipId: string | null,
      id: string,
    ): Promise<Omit<ImportJobRecord, 'report'> | undefined>;
    /** Newest first. */
    list(partnershipId: string | null, limit: number): Promise<ImportJobRecord[]>;
    update(id: string, change: ImportJobChange): Promise<void>;
    /** Jobs still marked as running, such as those a stopped service left behind. */
    listRunning(): Promise<ImportJobRecord[]>;
    /** Changes a job only if it is still in the status `from`; says whether it did (so two changes never both win). */
    transition(id: string, from: ImportJobStatus, change: Omit<ImportJobChange, 'report'>): Promise<boolean>;
    /**
     * The owner's sign of life for a running job, with its progress: changes the job only while it is still
     * running and owned by `ownerId`, and says whether it did.
     */
    beat(
      id: string,
      ownerId: string,
      change: Required<Pick<ImportJobRecord, 'done' | 'total' | 'heartbeatAt'>>,
    ): Promise<boolean>;
    /** Adds piece `seq` (0, 1, 2 …) of a job's uploaded file, as base64. */
    appendFileChunk(jobId: string, seq: number, base64: string): Promise<void>;
    /** Piece `seq` of a job's uploaded file, or undefined past its end. */
    fileChunk(jobId: string, seq: number): Promise<string | undefined>;
    /** How many pieces of a job's uploaded file are kept. */
    fileChunkCount(jobId: string): Promise<number>;
    deleteFile(jobId: string): Promise<void>;
    /** Removes the file pieces of every job that no longer needs its upload; says how many jobs had some. */
    deleteFilesNotHeld(): Promise<number>;
    /** Jobs whose upload is still needed (checking, waiting to be confirmed, or importing): all, or one scope's. */
    listHoldingUploads(scope?: {
      partnershipId: string | null;
    }): Promise<Pick<ImportJobRecord, 'id' | 'sourcePath' | 'status' | 'updatedAt'>[]>;
  };
}
