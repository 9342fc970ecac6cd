import type { Kysely } from 'kysely';

/**
 * Areas and indicators: national reference data, shared by every partnership. Areas are keyed by GSS code and
 * boundary set (LSOA codes repeat between the 2011 and 2021 sets). Boundaries are GeoJSON text with their box,
 * so a point's candidate areas are found by plain comparisons on both databases; the exact test is in the
 * domain (Turf). Coordinates are double precision (float8 on PostgreSQL, REAL on SQLite).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('areas')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('boundary', 'text')
    .addColumn('point_lat', 'double precision')
    .addColumn('point_lng', 'double precision')
    .addColumn('min_lng', 'double precision')
    .addColumn('min_lat', 'double precision')
    .addColumn('max_lng', 'double precision')
    .addColumn('max_lat', 'double precision')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('areas_pk', ['code', 'edition'])
    .execute();
  await db.schema.createIndex('areas_parent').on('areas').columns(['parent_code', 'level']).execute();
  await db.schema.createIndex('areas_level').on('areas').columns(['level', 'edition', 'min_lng']).execute();

  await db.schema
    .createTable('area_populations')
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('population', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('area_populations_pk', ['area_code', 'period'])
    .execute();

  await db.schema
    .createTable('indicator_definitions')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text')
    .addColumn('geography_edition', 'text', (c) => c.notNull())
    .addColumn('higher_is_more_need', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('indicator_values')
    .addColumn('indicator_key', 'text', (c) =>
      c.notNull().references('indicator_definitions.key').onDelete('cascade'),
    )
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('rank', 'integer')
    .addColumn('decile', 'integer')
    .addPrimaryKeyConstraint('indicator_values_pk', ['indicator_key', 'area_code'])
    .execute();
  await db.schema.createIndex('indicator_values_area').on('indicator_values').column('area_code').execute();

  await db.schema
    .createTable('postcodes')
    .addColumn('postcode', 'text', (c) => c.primaryKey())
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('lsoa_code', 'text')
    .addColumn('lsoa_edition', 'text')
    .addColumn('ward_code', 'text')
    .addColumn('authority_code', 'text')
    .addColumn('terminated_on', 'text')
    .addColumn('located', 'integer', (c) => c.notNull())
    .execute();

  // The ONS lookup from 2011 to 2021 LSOAs: U unchanged, S split, M merged, X redrawn.
  await db.schema
    .createTable('lsoa_changes')
    .addColumn('lsoa11_code', 'text', (c) => c.notNull())
    .addColumn('lsoa21_code', 'text', (c) => c.notNull())
    .addColumn('change_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lsoa_changes_pk', ['lsoa11_code', 'lsoa21_code'])
    .execute();
}
