import { changedServiceFields, fieldList } from '../../domain/directory/local-edits.js';
import { planDirectoryImport, type DirectoryBatch } from '../directory/directory-import.js';
import type { ImportReport } from '../imports/import-report.js';
import type { ServiceRecord } from '../directory/directory-store.js';
import type { Store } from '../ports.js';
import type { FeedPageState } from './feed-subscription-store.js';

/** What a refresh would do, as its preview page shows it. */
export interface FeedRefreshPreview {
  readonly readAt: string;
  /** The import's own report: counts, problems, and the fields kept because they were changed here. */
  readonly report: ImportReport | null;
  readonly added: readonly { readonly name: string }[];
  /** Services the feed changed, with the fields that would change ("phone and opening times"). */
  readonly changed: readonly { readonly name: string; readonly fields: string }[];
  /** Services that left the feed: they are marked closed for good, not deleted. */
  readonly withdrawn: readonly { readonly name: string }[];
}

/** What a refresh read, kept until it is applied so the change confirmed is the change shown. */
export interface FeedRefreshPayload {
  readonly batch: DirectoryBatch | null;
  readonly pages: readonly FeedPageState[];
  /** Source ids of the services that left the feed. */
  readonly withdrawn: readonly string[];
}

export const isEmptyPreview = (preview: FeedRefreshPreview) =>
  preview.added.length + preview.changed.length + preview.withdrawn.length === 0;

const byName = <T extends { name: string }>(list: T[]) => list.sort((a, b) => a.name.localeCompare(b.name));

/** Source ids that were on the feed's pages last time and are on none of them now. */
export function withdrawnSourceIds(
  previous: readonly FeedPageState[],
  current: readonly FeedPageState[],
): string[] {
  const now = new Set(current.flatMap((page) => page.sourceIds));
  return [...new Set(previous.flatMap((page) => page.sourceIds))].filter((id) => !now.has(id));
}

/** The services a withdrawal would close: those still in the directory and not already closed. */
export async function servicesToWithdraw(
  store: Store,
  partnershipId: string,
  sourceIds: readonly string[],
): Promise<ServiceRecord[]> {
  if (sourceIds.length === 0) return [];
  const found = await store.directory.servicesWithSourceIds(partnershipId, 'oruk', sourceIds);
  return found.filter((service) => service.details.status !== 'defunct');
}

/** Works out, without writing anything, what applying `payload` would add, change and withdraw. */
export async function previewFeedRefresh(
  store: Store,
  partnershipId: string,
  payload: FeedRefreshPayload,
  now: string,
): Promise<FeedRefreshPreview> {
  const added: { name: string }[] = [];
  const updates: ServiceRecord[] = [];
  let report: ImportReport | null = null;
  if (payload.batch) {
    const plan = await planDirectoryImport(store, partnershipId, payload.batch, now, {
      organisations: async () => undefined,
      services: async (inserts, changes) => {
        added.push(...inserts.map((s) => ({ name: s.details.name })));
        updates.push(...changes);
      },
    });
    report = plan.report;
  }
  const before = new Map(
    (
      await store.directory.servicesWithSourceIds(
        partnershipId,
        'oruk',
        updates.map((s) => s.provenance.sourceId),
      )
    ).map((s) => [s.id, s]),
  );
  const changed = updates.map((after) => {
    const was = before.get(after.id);
    const fields = was ? changedServiceFields(was.details, after.details) : [];
    return { name: after.details.name, fields: fields.length > 0 ? fieldList(fields) : 'date last checked' };
  });
  const withdrawn = (await servicesToWithdraw(store, partnershipId, payload.withdrawn)).map((s) => ({
    name: s.details.name,
  }));
  return {
    readAt: now,
    report,
    added: byName(added),
    changed: byName(changed),
    withdrawn: byName(withdrawn),
  };
}
