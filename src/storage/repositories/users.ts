import type { Kysely, Selectable } from 'kysely';
import type { Store, UserRecord } from '../../app/ports.js';
import type { Database } from '../schema.js';
import type { UsersTable } from '../schema-accounts.js';

export function toUser(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    isNationalAdmin: Number(row.is_national_admin) === 1,
    createdAt: row.created_at,
  };
}

export function usersRepository(db: Kysely<Database>): Store['users'] {
  return {
    async findById(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },
    async findByEmail(email) {
      const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
      return row && toUser(row);
    },
    async insert(user) {
      await db
        .insertInto('users')
        .values({
          id: user.id,
          email: user.email,
          display_name: user.displayName,
          password_hash: user.passwordHash,
          is_national_admin: user.isNationalAdmin ? 1 : 0,
          created_at: user.createdAt,
        })
        .execute();
    },
    async updatePasswordHash(id, passwordHash) {
      await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
    },
    async count() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
