/** Row shapes: import jobs and the uploaded files they read, kept in the database. */

export interface ImportJobsTable {
  id: string;
  partnership_id: string | null;
  kind: string;
  source_name: string;
  source_path: string;
  options: string;
  status: string;
  done: number;
  total: number;
  report: string | null;
  error: string | null;
  created_by_user_id: string | null;
  created_at: string;
  updated_at: string;
  owner_id: string | null;
  heartbeat_at: string | null;
}

/** An uploaded file's bytes, a piece at a time (base64), until its import no longer needs them. */
export interface ImportJobFileChunksTable {
  job_id: string;
  seq: number;
  data: string;
}
