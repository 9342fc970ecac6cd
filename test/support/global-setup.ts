import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { announceTemplates, templateDatabasePrefix, withServer } from './database-templates.js';

/**
 * Once per test run: a folder where workers share prepared databases (see database-templates.ts), and, at the
 * end, the removal of the folder and of every template database the run made on the PostgreSQL server.
 */
export default function setup(): () => Promise<void> {
  const runId = randomBytes(4).toString('hex');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-templates-'));
  announceTemplates(dir, runId);
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    const serverUrl = process.env.TEST_DATABASE_URL?.trim();
    if (!serverUrl) return;
    await withServer(serverUrl, async (client) => {
      const result = await client.query<{ datname: string }>(
        'select datname from pg_database where datname like $1',
        [`${templateDatabasePrefix(runId)}%`],
      );
      for (const { datname } of result.rows)
        await client.query(`drop database if exists ${datname} with (force)`);
    });
  };
}
