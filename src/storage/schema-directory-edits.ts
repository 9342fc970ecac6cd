/** Row shape of the locally changed service fields (migration 0022). */

export interface ServiceLocalEditsTable {
  service_id: string;
  /** A key of the service's details, such as `phone` or `schedules`. */
  field: string;
  edited_at: string;
}
