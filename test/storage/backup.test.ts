import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports.js';
import {
  readBackup,
  restoreBackup,
  RestoreError,
  tablesInDependencyOrder,
  writeBackup,
  type BackupFile,
} from '../../src/storage/backup.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets, temporaryDirectory } from '../support/database.js';
import {
  aMessage,
  aOneTimeToken,
  aSession,
  anApiToken,
  anAuditEvent,
  anInvitation,
  anOrganisation,
  at,
  givenMember,
  givenPartnership,
  givenUser,
} from './fixtures.js';

const targets = databaseTargets();
const now = new Date('2026-02-01T12:00:00.000Z');
let folder: ReturnType<typeof temporaryDirectory>;

beforeAll(() => {
  folder = temporaryDirectory('cg-backup-');
});
afterAll(() => {
  folder.remove();
});

const file = (name: string) => path.join(folder.path, name);

/** The tables fillTables writes rows to; tables added by later migrations are compared too, even when empty. */
const filledTables = [
  'settings',
  'partnerships',
  'organisations',
  'users',
  'memberships',
  'sessions',
  'one_time_tokens',
  'invitations',
  'api_tokens',
  'outbox',
  'audit_events',
];

/** Rows in the foundation tables, with awkward text (quotes, accents, emoji, new lines), nulls and integers. */
async function fillTables(store: Store): Promise<void> {
  const partnership = await givenPartnership(store, {
    name: 'St Helen’s & "Bridge" Partnership — ünïcode 🌉',
  });
  const organisation = anOrganisation(partnership.id, {
    name: "O'Brien's Café",
    identifier: 'GB-CHC-1100001',
  });
  await store.organisations.insert(organisation);
  await store.organisations.insert(anOrganisation(partnership.id, { kind: 'faith' }));
  const { user: admin } = await givenMember(store, partnership.id, 'partnership-admin', {
    user: { isNationalAdmin: true, passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$abc' },
  });
  await givenMember(store, partnership.id, 'vcs-member', { membership: { organisationId: organisation.id } });
  const loner = await givenUser(store);
  await store.sessions.insert(aSession(admin.id, { currentPartnershipId: partnership.id }));
  await store.sessions.insert(aSession(loner.id));
  await store.oneTimeTokens.insert(aOneTimeToken(loner.id, { usedAt: at(3) }));
  await store.invitations.insert(anInvitation(partnership.id, { invitedByUserId: admin.id }));
  await store.apiTokens.insert(anApiToken(admin.id, { lastUsedAt: at(4) }));
  await store.outbox.enqueue(
    aMessage({ partnershipId: partnership.id, bodyText: 'Line one\nLine two\ttab' }),
  );
  await store.outbox.enqueue(aMessage({ status: 'failed', attempts: 7, lastError: 'refused' }));
  await store.audit.record(anAuditEvent({ partnershipId: partnership.id, actorUserId: admin.id }));
  await store.audit.record(anAuditEvent({ action: 'signed-in', actorUserId: loner.id }));
  await store.settings.set('cookie-secret', 'sëcret with "quotes"');
}

/** Table contents in a comparable form: rows sorted by key, bigints as numbers. */
function comparable(backup: BackupFile): Record<string, Record<string, unknown>[]> {
  return Object.fromEntries(
    Object.entries(backup.tables).map(([table, rows]) => {
      const normalised = rows.map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([column, value]) => [
            column,
            typeof value === 'bigint' ? Number(value) : value,
          ]),
        ),
      );
      const key = (row: Record<string, unknown>) => String(row.id ?? row.key);
      return [table, normalised.sort((a, b) => key(a).localeCompare(key(b)))];
    }),
  );
}

async function tableNames(handle: DatabaseHandle): Promise<string[]> {
  const query =
    handle.kind === 'sqlite'
      ? sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
      : sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = 'public'`;
  const rows = (await query.execute(handle.db)).rows.map((row) => row.name);
  return rows.filter((name) => !name.startsWith('kysely_')).sort();
}

describe.each(targets)('backup from $name', (source) => {
  let handle: DatabaseHandle;
  let backupFile: string;

  beforeAll(async () => {
    handle = await source.fresh();
    await fillTables(createStore(handle.db));
    backupFile = file(`from-${source.name}.json`);
    await writeBackup(handle, backupFile, now);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('lists every table of the schema, and writes their rows', async () => {
    expect([...tablesInDependencyOrder].sort()).toEqual(await tableNames(handle));
    const backup = JSON.parse(fs.readFileSync(backupFile, 'utf8')) as BackupFile;
    expect(backup).toMatchObject({ format: 'common-ground-backup', version: 1, source: source.name });
    expect(Object.keys(backup.tables).sort()).toEqual([...tablesInDependencyOrder].sort());
    for (const table of filledTables) expect(backup.tables[table]?.length, table).toBeGreaterThan(0);
    expect(typeof backup.tables.outbox?.[0]?.attempts).toBe('number');
    expect(typeof backup.tables.users?.[0]?.is_national_admin).toBe('number');
  });

  it.each(targets.map((t) => [t.name, t] as const))('restores into %s, row for row', async (_name, into) => {
    const restored = await into.fresh();
    try {
      const counts = await restoreBackup(restored, backupFile);
      const original = comparable(await readBackup(handle, now));
      expect(counts).toEqual(
        Object.fromEntries(Object.entries(original).map(([t, rows]) => [t, rows.length])),
      );
      expect(comparable(await readBackup(restored, now))).toEqual(original);

      const store = createStore(restored.db);
      const [partnership] = await store.partnerships.list();
      expect(partnership?.name).toBe('St Helen’s & "Bridge" Partnership — ünïcode 🌉');
      expect(await store.settings.get('cookie-secret')).toBe('sëcret with "quotes"');
      const admins = partnership ? await store.memberships.countAdmins(partnership.id) : 0;
      expect(admins).toBe(1);
    } finally {
      await restored.close();
    }
  });
});

describe.each(targets)('restore into $name', (target) => {
  let handle: DatabaseHandle;
  let store: Store;
  let goodFile: string;

  beforeAll(async () => {
    const source = await target.fresh();
    try {
      await fillTables(createStore(source.db));
      goodFile = file(`good-${target.name}.json`);
      await writeBackup(source, goodFile, now);
    } finally {
      await source.close();
    }
    handle = await target.fresh();
    store = createStore(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function expectEmpty(): Promise<void> {
    const contents = comparable(await readBackup(handle, now));
    for (const table of tablesInDependencyOrder) expect(contents[table], table).toEqual([]);
  }

  const writeFile = (name: string, text: string) => {
    fs.writeFileSync(file(name), text);
    return file(name);
  };

  it.each([
    [
      'a truncated file',
      '{"format":"common-ground-backup","version":1,"tab',
      /Could not read .* as a Common Ground backup/,
    ],
    ['an empty file', '', /Could not read .* as a Common Ground backup/],
    ['JSON null', 'null', /is not a Common Ground backup/],
    ['a JSON list', '[1, 2]', /is not a Common Ground backup/],
    ['another JSON document', '{"hello": "world"}', /is not a Common Ground backup/],
    ['a newer version', '{"format":"common-ground-backup","version":2,"tables":{}}', /version 1/],
    [
      'tables that are not lists',
      '{"format":"common-ground-backup","version":1,"tables":{"users":5}}',
      /users/,
    ],
    [
      'null tables',
      '{"format":"common-ground-backup","version":1,"tables":null}',
      /is not a Common Ground backup/,
    ],
    ['an unknown table', '{"format":"common-ground-backup","version":1,"tables":{"secrets":[]}}', /secrets/],
  ])('refuses %s with a clear RestoreError and writes nothing', async (_what, text, message) => {
    const corrupt = writeFile(`corrupt-${target.name}.json`, text);
    const attempt = restoreBackup(handle, corrupt);
    await expect(attempt).rejects.toBeInstanceOf(RestoreError);
    await expect(restoreBackup(handle, corrupt)).rejects.toThrow(message);
    await expectEmpty();
  });

  it('refuses a missing file with a RestoreError', async () => {
    await expect(restoreBackup(handle, file('no-such-backup.json'))).rejects.toBeInstanceOf(RestoreError);
  });

  it('rolls back every table when a late row is bad, and says which table', async () => {
    const backup = JSON.parse(fs.readFileSync(goodFile, 'utf8')) as BackupFile;
    const broken = { ...backup, tables: { ...backup.tables, audit_events: [{ id: 'x', not_a_column: 1 }] } };
    const brokenFile = writeFile(`broken-row-${target.name}.json`, JSON.stringify(broken));
    const attempt = restoreBackup(handle, brokenFile);
    await expect(attempt).rejects.toBeInstanceOf(RestoreError);
    await expect(restoreBackup(handle, brokenFile)).rejects.toThrow(/audit_events/);
    await expectEmpty();
  });

  it('refuses to restore into a database that has data, and changes nothing', async () => {
    const user = await givenUser(store);
    try {
      const before = comparable(await readBackup(handle, now));
      await expect(restoreBackup(handle, goodFile)).rejects.toBeInstanceOf(RestoreError);
      await expect(restoreBackup(handle, goodFile)).rejects.toThrow(/not empty \(table users has rows\)/);
      expect(comparable(await readBackup(handle, now))).toEqual(before);
      expect(before.users).toHaveLength(1);
    } finally {
      await handle.db.deleteFrom('users').where('id', '=', user.id).execute();
    }
  });

  it('restores a backup with empty tables', async () => {
    const emptyFile = file(`empty-${target.name}.json`);
    await writeBackup(handle, emptyFile, now);
    const counts = await restoreBackup(handle, emptyFile);
    expect(Object.keys(counts).sort()).toEqual([...tablesInDependencyOrder].sort());
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    await expectEmpty();
  });
});
