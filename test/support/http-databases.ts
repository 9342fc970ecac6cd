import { createPostgresDatabase, testDatabaseUrl } from './database.js';

/** A database an HTTP test suite runs against: its settings for `createTestApp`, and how to remove it. */
export interface HttpDatabase {
  readonly name: string;
  open(): Promise<{ env: Record<string, string>; remove(): Promise<void> }>;
}

/** SQLite always; PostgreSQL as well when TEST_DATABASE_URL is set. For `describe.each`. */
export function httpDatabases(): HttpDatabase[] {
  return [
    { name: 'sqlite', open: async () => ({ env: {}, remove: async () => undefined }) },
    ...(testDatabaseUrl()
      ? [
          {
            name: 'postgres',
            open: async () => {
              const database = await createPostgresDatabase();
              return { env: { DATABASE_URL: database.url }, remove: () => database.drop() };
            },
          },
        ]
      : []),
  ];
}
