import { normaliseEmail } from '../../domain/accounts/email-address.js';
import type { Clock } from '../shared/system-ports.js';
import type { Store } from '../ports.js';
import type { UserRecord } from '../accounts/account-store.js';
import { recordAudit } from '../shared/audit.js';
import { DELETED_USER, type ErasureCounts } from './data-rights-store.js';

/** Why the account cannot be deleted yet, each with how to fix it; empty when it can. */
export interface DeletionBlocker {
  readonly message: string;
  /** Where to fix it, when there is a page for it. */
  readonly href: string | null;
}

export async function accountDeletionBlockers(store: Store, user: UserRecord): Promise<DeletionBlocker[]> {
  const blockers: DeletionBlocker[] = [];
  for (const partnership of await store.partnerships.listForUser(user.id)) {
    if (partnership.role !== 'partnership-admin') continue;
    if ((await store.memberships.countAdmins(partnership.id)) > 1) continue;
    blockers.push({
      message: `You are the only partnership admin of ${partnership.name}. Make another member a partnership admin first, on the partnership’s members page, then come back to delete your account.`,
      href: `/p/${partnership.slug}/members`,
    });
  }
  if (user.isNationalAdmin && (await store.dataRights.countNationalAdmins()) <= 1) {
    blockers.push({
      message:
        'You are the only national admin. Ask whoever runs this service to create another national admin account first, then delete yours.',
      href: null,
    });
  }
  return blockers;
}

export type DeleteAccountResult =
  | { readonly ok: true; readonly counts: ErasureCounts }
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly blockers: readonly DeletionBlocker[] };

/**
 * Deletes the person's account once they have typed their email address to confirm. Their personal data goes;
 * anonymous contributions (answers, results) and the partnership's records stay, with "Deleted user" where their
 * name was. Each partnership's audit log says an account was deleted, without saying whose.
 */
export async function deleteAccount(
  store: Store,
  clock: Clock,
  user: UserRecord,
  confirmation: string,
): Promise<DeleteAccountResult> {
  if (!confirmation.trim())
    return { ok: false, errors: { confirmEmail: 'Enter your email address to confirm' } };
  if (normaliseEmail(confirmation) !== user.email)
    return {
      ok: false,
      errors: {
        confirmEmail: 'The email address does not match your account. Enter the address you sign in with',
      },
    };
  return store.transaction(async (trx) => {
    const blockers = await accountDeletionBlockers(trx, user);
    if (blockers.length > 0) return { ok: false, blockers };
    const partnerships = await trx.partnerships.listForUser(user.id);
    const counts = await trx.dataRights.eraseAccount({
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
    });
    const actor = { userId: null, label: DELETED_USER };
    for (const partnership of partnerships) {
      await recordAudit(trx, clock, {
        partnershipId: partnership.id,
        actor,
        action: 'account-deleted',
        subject: 'A member deleted their account and personal data',
      });
    }
    const changed = Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ');
    await recordAudit(trx, clock, {
      partnershipId: null,
      actor,
      action: 'account-deleted',
      subject: `An account was deleted (${changed || 'nothing else held'})`,
    });
    return { ok: true, counts };
  });
}
