import { fieldList, keepLocalEdits } from '../../domain/directory/local-edits.js';
import { commonGroundNamespace, stableUuid } from '../../domain/directory/stable-id.js';
import type { ImportReport, KeptLocalEdits } from '../imports/import-report.js';
import type { Clock } from '../shared/system-ports.js';
import type { DirectoryOrganisationRecord, ServiceRecord } from './directory-store.js';
import type { Store } from '../ports.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { canonical, organisationMatching } from './directory-organisation-matching.js';
import {
  isStream,
  servicesPerChunk,
  streamOfBatch,
  type DirectoryBatch,
  type DirectoryStream,
} from './directory-source.js';

export {
  servicesPerChunk,
  streamOfBatch,
  type DirectoryBatch,
  type DirectoryChunk,
  type DirectoryStream,
  type IncomingOrganisation,
  type IncomingService,
} from './directory-source.js';
export { placeholderOrganisationName } from './directory-organisation-matching.js';

/** A service as compared between imports: themes in a fixed order, whatever order they were stored in. */
const comparable = (service: ServiceRecord) => ({
  ...service,
  details: { ...service.details, themes: [...service.details.themes].sort() },
});

/** How many services the report names among those whose fields changed here were kept. */
const keptExamples = 20;

const later = (a: string | null, b: string | null): string | null => (!a ? b : !b ? a : a > b ? a : b);

interface Plan {
  readonly report: ImportReport;
  readonly organisationInserts: DirectoryOrganisationRecord[];
  readonly organisationUpdates: DirectoryOrganisationRecord[];
  readonly serviceInserts: number;
  readonly serviceUpdates: number;
}

/**
 * Receives planned changes a piece at a time: the organisations a piece names (new or changed) before the
 * piece's services.
 */
export interface PlanListener {
  organisations(
    inserts: readonly DirectoryOrganisationRecord[],
    updates: readonly DirectoryOrganisationRecord[],
  ): Promise<void>;
  services(inserts: readonly ServiceRecord[], updates: readonly ServiceRecord[]): Promise<void>;
  /** Services planned so far, and about how many there are in all. */
  progress?(done: number, total: number): void;
}

const ignoreChanges: PlanListener = { organisations: async () => undefined, services: async () => undefined };

/**
 * Works out what importing `source` would change for the partnership. Reads, never writes: the planned changes
 * go to `listener` a piece at a time, organisations before the services that belong to them, and each piece
 * is let go once the listener has had it, so a large import stays small in memory.
 */
export async function planDirectoryImport(
  store: Store,
  partnershipId: string,
  source: DirectoryBatch | DirectoryStream,
  now: string,
  listener: PlanListener = ignoreChanges,
): Promise<Plan> {
  const batch = isStream(source) ? source : streamOfBatch(source);
  const existing = await store.directory.listOrganisations(partnershipId);
  const { organisationInserts, organisationUpdates, resolve, placeholder } = organisationMatching(
    existing,
    partnershipId,
    now,
  );
  const organisationIdOf = new Map<string, string>();

  const kept = { fields: 0, services: 0, examples: [] as { service: string; fields: string }[] };
  let insertCount = 0;
  let updateCount = 0;
  let planned = 0;
  let organisationInsertsSent = 0;
  let organisationUpdatesSent = 0;
  for await (const chunk of batch.chunks()) {
    for (const organisation of chunk.organisations) {
      if (!organisationIdOf.has(organisation.sourceId)) {
        organisationIdOf.set(organisation.sourceId, resolve(organisation, batch.sourceKind));
      }
    }
    if (
      chunk.services.some(
        (service) =>
          service.organisationSourceId === null || !organisationIdOf.has(service.organisationSourceId),
      )
    ) {
      placeholder();
    }
    const newOrganisations = organisationInserts.slice(organisationInsertsSent);
    const changedOrganisations = organisationUpdates.slice(organisationUpdatesSent);
    organisationInsertsSent = organisationInserts.length;
    organisationUpdatesSent = organisationUpdates.length;
    if (newOrganisations.length + changedOrganisations.length > 0)
      await listener.organisations(newOrganisations, changedOrganisations);

    for (let start = 0; start < chunk.services.length; start += servicesPerChunk) {
      const serviceInserts: ServiceRecord[] = [];
      const serviceUpdates: ServiceRecord[] = [];
      const some = chunk.services.slice(start, start + servicesPerChunk);
      const current = new Map(
        (
          await store.directory.servicesWithSourceIds(
            partnershipId,
            batch.sourceKind,
            some.map((s) => s.sourceId),
          )
        ).map((s) => [s.provenance.sourceId, s]),
      );
      const editedHere = await store.serviceEdits.editedFields(
        partnershipId,
        [...current.values()].map((s) => s.id),
      );
      for (const service of some) {
        const organisationId =
          service.organisationSourceId === null
            ? placeholder()
            : (organisationIdOf.get(service.organisationSourceId) ?? placeholder());
        const found = current.get(service.sourceId);
        if (!found) {
          serviceInserts.push({
            id: stableUuid(
              commonGroundNamespace,
              `${partnershipId}:service:${batch.sourceKind}:${service.sourceId}`,
            ),
            partnershipId,
            organisationId,
            details: service.details,
            provenance: { sourceKind: batch.sourceKind, sourceId: service.sourceId },
            lastCheckedAt: service.lastCheckedAt,
            lastCheckedBy: service.lastCheckedAt ? batch.sourceLabel : null,
            lastCheckedByUserId: null,
            createdAt: now,
            updatedAt: now,
          });
          continue;
        }
        const lastCheckedAt = later(found.lastCheckedAt, service.lastCheckedAt);
        const merged = keepLocalEdits(service.details, found.details, editedHere.get(found.id) ?? []);
        if (merged.kept.length > 0) {
          kept.fields += merged.kept.length;
          kept.services += 1;
          if (kept.examples.length < keptExamples)
            kept.examples.push({ service: found.details.name, fields: fieldList(merged.kept) });
        }
        const changed: ServiceRecord = {
          ...found,
          organisationId,
          details: merged.details,
          lastCheckedAt,
          lastCheckedBy: lastCheckedAt === found.lastCheckedAt ? found.lastCheckedBy : batch.sourceLabel,
          lastCheckedByUserId: lastCheckedAt === found.lastCheckedAt ? found.lastCheckedByUserId : null,
        };
        if (canonical(comparable(changed)) !== canonical(comparable(found)))
          serviceUpdates.push({ ...changed, updatedAt: now });
      }
      insertCount += serviceInserts.length;
      updateCount += serviceUpdates.length;
      await listener.services(serviceInserts, serviceUpdates);
      planned += some.length;
      listener.progress?.(planned, Math.max(planned, batch.expected));
    }
  }

  const { read, skipped, problems, notes } = batch.summary();
  const counting = batch.counts === 'services';
  return {
    report: {
      read,
      imported: counting ? insertCount : organisationInserts.length,
      updated: counting ? updateCount : organisationUpdates.length,
      skipped,
      problems,
      ...(notes?.length ? { notes } : {}),
      ...(kept.fields > 0 ? { kept: kept satisfies KeptLocalEdits } : {}),
    },
    organisationInserts,
    organisationUpdates,
    serviceInserts: insertCount,
    serviceUpdates: updateCount,
  };
}

/** Applies an import in one transaction: all of it is written, or none. Re-importing changes nothing. */
export async function applyDirectoryImport(
  store: Store,
  clock: Clock,
  partnershipId: string,
  source: DirectoryBatch | DirectoryStream,
  actor: Actor,
  progress?: (done: number, total: number) => void,
): Promise<ImportReport> {
  return store.transaction(async (trx) => {
    const now = clock.now().toISOString();
    const plan = await planDirectoryImport(trx, partnershipId, source, now, {
      async organisations(inserts, updates) {
        await trx.directory.insertOrganisations([...inserts]);
        for (const organisation of updates) await trx.directory.updateOrganisation(organisation);
      },
      async services(inserts, updates) {
        await trx.directory.insertServices([...inserts]);
        for (const service of updates) await trx.directory.updateService(service);
      },
      ...(progress ? { progress } : {}),
    });
    const changes =
      plan.organisationInserts.length +
      plan.organisationUpdates.length +
      plan.serviceInserts +
      plan.serviceUpdates;
    if (changes > 0) {
      await recordAudit(trx, clock, {
        partnershipId,
        actor,
        action: 'directory-imported',
        subject:
          `${source.sourceLabel}: ${plan.serviceInserts} new and ${plan.serviceUpdates} updated services, ` +
          `${plan.organisationInserts.length} new and ${plan.organisationUpdates.length} updated organisations`,
      });
    }
    return plan.report;
  });
}
