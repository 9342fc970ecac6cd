/** One upload's folder (each upload has a folder of its own), and when anything in it was last written. */
export interface UploadFolder {
  readonly id: string;
  readonly lastWrittenAt: Date;
}

/** Where uploaded files wait for their import to be checked and confirmed: what the clean-up sees and removes. */
export interface UploadFiles {
  list(): Promise<UploadFolder[]>;
  /** The folder holding an uploaded file, or undefined when the file is not kept here. */
  folderOf(source: string): string | undefined;
  remove(folderId: string): Promise<void>;
  /** Removes the folder holding an uploaded file; nothing outside the uploads. */
  discard(source: string): Promise<void>;
  /** Whether an uploaded file is on this instance's disk. */
  exists(source: string): Promise<boolean>;
  /** An uploaded file's bytes, in pieces of at most `pieceBytes`. */
  read(source: string, pieceBytes: number): AsyncIterable<Buffer>;
  /**
   * Writes a copy of an upload received by another instance (or before a restart) into this instance's upload
   * folder, a piece at a time, under the same folder and file name; returns the copy's path.
   */
  writeCopy(source: string, pieces: AsyncIterable<Buffer>): Promise<string>;
}

/** How much may be uploaded, and how long it is kept. */
export interface UploadSettings {
  /** The largest file that may be uploaded (UPLOAD_MAX_MB). */
  readonly maxBytes: number;
  /** How long an upload that was checked but not confirmed waits before it is cancelled (UPLOAD_RETENTION_HOURS). */
  readonly retentionHours: number;
  /** Uploads a partnership may have checking, waiting or importing at once (UPLOAD_MAX_WAITING). */
  readonly maxWaiting: number;
}

export const defaultUploadSettings: UploadSettings = {
  maxBytes: 200 * 1024 * 1024,
  retentionHours: 24,
  maxWaiting: 20,
};

/** For a service without uploads: nothing is listed, and nothing is removed. */
export const noUploadFiles: UploadFiles = {
  list: async () => [],
  folderOf: () => undefined,
  remove: async () => undefined,
  discard: async () => undefined,
  exists: async () => false,
  read: async function* () {
    // nothing is kept
  },
  writeCopy: async () => {
    throw new Error('This service keeps no uploads.');
  },
};
