import type { Clock } from '../shared/system-ports.js';
import type { Store } from '../ports.js';
import type { ImportLimits } from './import-limits.js';
import type { ImportKindInfo, ImportRunner } from './import-runs.js';
import type { UploadFiles, UploadSettings } from './upload-files.js';

/** This instance of the service, and how it tells other instances sharing its database that it is at work. */
export interface JobInstance {
  /** Made when the process starts: the owner of the jobs it runs. */
  readonly id: string;
  /**
   * Whether other instances may share the database (PostgreSQL). Then a running job's progress and heartbeat
   * are written to the database; on SQLite one instance serves the database, a long import holds its only
   * writer, and progress stays in memory.
   */
  readonly shared: boolean;
  /** How often a running job's owner writes its heartbeat and progress. */
  readonly heartbeatMs: number;
  /** How long without a heartbeat before another instance takes the job's owner for stopped. */
  readonly staleAfterMs: number;
}

/** What the import jobs' use-cases need: main wires them. */
export interface ImportJobDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly runner: ImportRunner;
  readonly kinds: readonly ImportKindInfo[];
  /** Where uploads wait; a job's upload is removed once the job no longer needs it. */
  readonly uploads: UploadFiles;
  readonly uploadSettings: UploadSettings;
  readonly limits: ImportLimits;
  /**
   * Live progress of the jobs this instance runs. On SQLite it is read from here (a writer busy importing
   * must not wait on our updates); where instances share the database the heartbeat writes it there.
   */
  readonly progress: Map<string, { done: number; total: number }>;
  readonly instance: JobInstance;
}
