import type { OrganisationDetails } from '../../domain/directory/model.js';
import { commonGroundNamespace, stableUuid } from '../../domain/directory/stable-id.js';
import type { DirectoryOrganisationRecord } from './directory-store.js';
import type { IncomingOrganisation } from './directory-source.js';

/** The name of the flagged organisation that services with no recorded organisation go under. */
export const placeholderOrganisationName = 'Organisation not recorded';

const emptyDetails: OrganisationDetails = {
  description: null,
  url: null,
  email: null,
  phone: null,
  address: null,
  postcode: null,
};

/** JSON with keys in order, so two records with the same content compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/**
 * Matches an import's organisations to the partnership's: by source id, then identifier, then name. New ones and
 * changed ones collect in `organisationInserts` and `organisationUpdates`; `placeholder` is the flagged
 * organisation that services with no recorded organisation go under, made once when first needed.
 */
export function organisationMatching(
  existing: readonly DirectoryOrganisationRecord[],
  partnershipId: string,
  now: string,
) {
  const bySource = new Map<string, DirectoryOrganisationRecord>();
  const byIdentifier = new Map<string, DirectoryOrganisationRecord>();
  const byName = new Map<string, DirectoryOrganisationRecord>();
  const remember = (o: DirectoryOrganisationRecord) => {
    if (o.provenance) bySource.set(`${o.provenance.sourceKind}\u0000${o.provenance.sourceId}`, o);
    if (o.identifier) byIdentifier.set(o.identifier, o);
    byName.set(o.name.toLowerCase(), o);
  };
  existing.forEach(remember);

  const organisationInserts: DirectoryOrganisationRecord[] = [];
  const organisationUpdates: DirectoryOrganisationRecord[] = [];

  const resolve = (incoming: IncomingOrganisation, sourceKind: string, placeholder = false): string => {
    const found =
      bySource.get(`${sourceKind}\u0000${incoming.sourceId}`) ??
      (incoming.identifier ? byIdentifier.get(incoming.identifier) : undefined);
    if (found) {
      const nameTaken = byName.get(incoming.name.toLowerCase());
      const name = nameTaken && nameTaken.id !== found.id ? found.name : incoming.name;
      const changed: DirectoryOrganisationRecord = {
        ...found,
        name,
        identifier: incoming.identifier ?? found.identifier,
        details: incoming.details,
      };
      const pending = organisationInserts.includes(found);
      if (
        !pending &&
        canonical(changed) !== canonical(found) &&
        found.provenance?.sourceKind === sourceKind
      ) {
        organisationUpdates.push({ ...changed, updatedAt: now });
        byName.set(changed.name.toLowerCase(), changed);
      }
      return found.id;
    }
    const sameName = byName.get(incoming.name.toLowerCase());
    if (
      sameName &&
      (!incoming.identifier || !sameName.identifier || sameName.identifier === incoming.identifier)
    ) {
      return sameName.id; // one organisation under two source ids (or typed in before): keep one record
    }
    const name = sameName ? `${incoming.name} (${incoming.identifier ?? incoming.sourceId})` : incoming.name;
    const record: DirectoryOrganisationRecord = {
      id: stableUuid(
        commonGroundNamespace,
        `${partnershipId}:organisation:${sourceKind}:${incoming.sourceId}`,
      ),
      partnershipId,
      name,
      kind: incoming.kind,
      identifier: incoming.identifier,
      createdAt: now,
      details: incoming.details,
      provenance: { sourceKind, sourceId: incoming.sourceId },
      isPlaceholder: placeholder,
      lastCheckedAt: null,
      lastCheckedBy: null,
    };
    organisationInserts.push(record);
    remember(record);
    return record.id;
  };

  let placeholderId: string | undefined;
  const placeholder = (): string => {
    placeholderId ??=
      existing.find((o) => o.isPlaceholder)?.id ??
      resolve(
        {
          sourceId: 'placeholder',
          name: placeholderOrganisationName,
          kind: 'vcs',
          identifier: null,
          details: emptyDetails,
        },
        'placeholder',
        true,
      );
    return placeholderId;
  };

  return { organisationInserts, organisationUpdates, resolve, placeholder };
}
