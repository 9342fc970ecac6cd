import type { Kysely } from 'kysely';

/**
 * The national view: which framework versions the national team has published (the content files stay the
 * source; this records only the publication), and each partnership's national profile: the framework version
 * it uses for new rounds, its region, and whether it takes part in national benchmarking.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('content_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_by_name', 'text')
    .addUniqueConstraint('content_versions_kind_version', ['kind', 'version'])
    .execute();
  await db.schema
    .createTable('partnership_profiles')
    .addColumn('partnership_id', 'text', (c) =>
      c.primaryKey().references('partnerships.id').onDelete('cascade'),
    )
    .addColumn('framework_version', 'text')
    .addColumn('region', 'text')
    .addColumn('benchmark_opt_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('benchmark_changed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
