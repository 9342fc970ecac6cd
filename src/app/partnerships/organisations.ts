import { isOrganisationKind } from '../../domain/partnerships/organisation-kinds.js';
import { ValidationError } from '../errors.js';
import type { Clock, OrganisationRecord, Store } from '../ports.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { newId } from '../shared/secrets.js';

const identifierPattern =
  /^(GB-CHC-\d{6,8}|GB-COH-[A-Z0-9]{8}|GB-SC-SC\d{6}|GB-NIC-\d{6}|360G-[A-Za-z0-9-]+)$/;

export async function addOrganisation(
  store: Store,
  clock: Clock,
  partnershipId: string,
  input: { name: string; kind: string; identifier: string },
  actor: Actor,
): Promise<OrganisationRecord> {
  const name = input.name.trim();
  const identifier = input.identifier
    .trim()
    .toUpperCase()
    .replace(/^360G-/, '360G-');
  const problems: Record<string, string> = {};
  if (name.length < 2 || name.length > 160)
    problems.name = 'Enter the organisation’s name, from 2 to 160 characters';
  if (!isOrganisationKind(input.kind)) problems.kind = 'Select the kind of organisation';
  if (identifier && !identifierPattern.test(identifier)) {
    problems.identifier =
      'Enter an identifier like GB-CHC-1234567 (a registered charity) or GB-COH-01234567 (a company), or leave it blank';
  }
  const existing = await store.organisations.listByPartnership(partnershipId);
  if (existing.some((org) => org.name.toLowerCase() === name.toLowerCase())) {
    problems.name = `${name} is already in this partnership`;
  }
  if (Object.keys(problems).length > 0 || !isOrganisationKind(input.kind))
    throw new ValidationError(problems);
  const organisation: OrganisationRecord = {
    id: newId(),
    partnershipId,
    name,
    kind: input.kind,
    identifier: identifier || null,
    createdAt: clock.now().toISOString(),
  };
  await store.transaction(async (trx) => {
    await trx.organisations.insert(organisation);
    await recordAudit(trx, clock, { partnershipId, actor, action: 'organisation-added', subject: name });
  });
  return organisation;
}
