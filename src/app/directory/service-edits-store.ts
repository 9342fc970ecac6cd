import type { ServiceField } from '../../domain/directory/local-edits.js';

/** Which fields of which services were changed in Common Ground, so imports leave them as they are. */
export interface ServiceEditStore {
  /** Records these fields of a service as changed here at `at` (again, if they were before). */
  markEdited(serviceId: string, fields: readonly ServiceField[], at: string): Promise<void>;
  /** The fields changed here, by service, for those of these services (of the partnership) that have any. */
  editedFields(
    partnershipId: string,
    serviceIds: readonly string[],
  ): Promise<Map<string, readonly ServiceField[]>>;
}
