import type { Kysely } from 'kysely';

/**
 * The resource directory. Organisations gain their directory fields (description, contact details,
 * provenance, last checked); services hang off an organisation with their themes, locations, service areas
 * (ONS GSS codes as text, or a GeoJSON polygon), weekly opening times and contacts. Every imported record
 * keeps where it came from (`source_kind`, `source_id`), so a second import finds it again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const organisationColumns = [
    'description',
    'url',
    'email',
    'phone',
    'address',
    'postcode',
    'source_kind',
    'source_id',
    'last_checked_at',
    'last_checked_by',
  ];
  for (const column of organisationColumns) {
    await db.schema.alterTable('organisations').addColumn(column, 'text').execute();
  }
  await db.schema
    .alterTable('organisations')
    .addColumn('is_placeholder', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('organisations_source')
    .on('organisations')
    .columns(['partnership_id', 'source_kind', 'source_id'])
    .execute();

  await db.schema
    .createTable('services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('eligibility_description', 'text')
    .addColumn('minimum_age', 'integer')
    .addColumn('maximum_age', 'integer')
    .addColumn('cost', 'text')
    .addColumn('how_to_access', 'text')
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('accessibility', 'text')
    .addColumn('capacity_people', 'integer')
    .addColumn('capacity_period', 'text')
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('last_checked_at', 'text')
    .addColumn('last_checked_by', 'text')
    .addColumn('last_checked_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('services_source', ['partnership_id', 'source_kind', 'source_id'])
    .execute();
  await db.schema
    .createIndex('services_partnership_name')
    .on('services')
    .columns(['partnership_id', 'name'])
    .execute();
  await db.schema.createIndex('services_organisation').on('services').column('organisation_id').execute();

  await db.schema
    .createTable('service_themes')
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('theme_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_themes_pk', ['service_id', 'theme_id'])
    .execute();
  await db.schema
    .createIndex('service_themes_theme')
    .on('service_themes')
    .columns(['theme_id', 'service_id'])
    .execute();

  await db.schema
    .createTable('service_locations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('name', 'text')
    .addColumn('address', 'text')
    .addColumn('postcode', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('visibility', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('service_locations_service')
    .on('service_locations')
    .column('service_id')
    .execute();

  await db.schema
    .createTable('service_areas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text')
    .addColumn('geojson', 'text')
    .addColumn('name', 'text')
    .execute();
  await db.schema.createIndex('service_areas_service').on('service_areas').column('service_id').execute();
  await db.schema.createIndex('service_areas_code').on('service_areas').column('area_code').execute();

  await db.schema
    .createTable('service_schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('opens', 'text', (c) => c.notNull())
    .addColumn('closes', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('service_schedules_service')
    .on('service_schedules')
    .column('service_id')
    .execute();

  await db.schema
    .createTable('service_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('role', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .execute();
  await db.schema
    .createIndex('service_contacts_service')
    .on('service_contacts')
    .column('service_id')
    .execute();
}
