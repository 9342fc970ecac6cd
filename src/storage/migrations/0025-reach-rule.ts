import type { Kysely } from 'kysely';

/**
 * Each partnership's reach rule: how far from an area a service still counts for it, in km, by the area's
 * rural-urban class. Null means the documented default. The urban and rural reaches a partnership had set in its
 * needs map settings (kept as JSON under `gap-settings:{id}`) carry over.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['reach_urban_km', 'reach_town_km', 'reach_rural_km']) {
    await db.schema.alterTable('partnerships').addColumn(column, 'double precision').execute();
  }
  const typed = db as unknown as Kysely<{
    settings: { key: string; value: string };
    partnerships: { id: string; reach_urban_km: number | null; reach_rural_km: number | null };
  }>;
  const rows = await typed
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('key', 'like', 'gap-settings:%')
    .execute();
  for (const row of rows) {
    const reach = earlierReach(row.value);
    if (!reach) continue;
    await typed
      .updateTable('partnerships')
      .set({ reach_urban_km: reach.urban, reach_rural_km: reach.rural })
      .where('id', '=', row.key.slice('gap-settings:'.length))
      .execute();
  }
}

const kmOrNull = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0.1 && value <= 100 ? value : null;

function earlierReach(text: string): { urban: number | null; rural: number | null } | null {
  try {
    const json = JSON.parse(text) as { settings?: { reachKm?: { urban?: unknown; rural?: unknown } } };
    const reach = json.settings?.reachKm;
    return reach ? { urban: kmOrNull(reach.urban), rural: kmOrNull(reach.rural) } : null;
  } catch {
    return null;
  }
}
