import { checkOrganisationInput } from '../../domain/partnerships/organisation-input.js';
import { ValidationError } from '../errors.js';
import type { Clock } from '../shared/system-ports.js';
import type { OrganisationRecord } from './organisation-record.js';
import type { Store } from '../ports.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { newId } from '../shared/secrets.js';

export async function addOrganisation(
  store: Store,
  clock: Clock,
  partnershipId: string,
  input: { name: string; kind: string; identifier: string },
  actor: Actor,
): Promise<OrganisationRecord> {
  const checked = checkOrganisationInput(input);
  if (!checked.ok) throw new ValidationError(checked.problems);
  const { name, kind, identifier } = checked.value;
  const existing = await store.organisations.listByPartnership(partnershipId);
  if (existing.some((org) => org.name.toLowerCase() === name.toLowerCase())) {
    throw new ValidationError({ name: `${name} is already in this partnership` });
  }
  const organisation: OrganisationRecord = {
    id: newId(),
    partnershipId,
    name,
    kind,
    identifier,
    createdAt: clock.now().toISOString(),
  };
  await store.transaction(async (trx) => {
    await trx.organisations.insert(organisation);
    await recordAudit(trx, clock, { partnershipId, actor, action: 'organisation-added', subject: name });
  });
  return organisation;
}
