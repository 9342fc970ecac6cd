import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A uniquely named database on the BENCH_DATABASE_URL server, dropped afterwards. */
export async function withPostgresDatabase(
  serverUrl: string,
  work: (url: string) => Promise<void>,
): Promise<void> {
  const name = `cg_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await work(url.toString());
  } finally {
    await admin(`drop database if exists ${name} with (force)`);
  }
}
