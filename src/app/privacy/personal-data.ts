import { redactOtherEmails } from '../../domain/privacy/redact.js';
import type { Clock } from '../shared/system-ports.js';
import type { Store } from '../ports.js';
import type { UserRecord } from '../accounts/account-store.js';
import type { PersonalRecords } from './data-rights-store.js';

/**
 * Why answers are not in the download, as the code works: responses hold no name, email or account; a response
 * is found only by a keyed hash of the invitation it came from, so that the person holding the personal link can
 * carry on answering. Nobody using the service can see who gave which answer, and once the invitation's email
 * address is removed (account deletion or the retention period) nothing can connect them again.
 */
export const ANSWERS_NOT_INCLUDED =
  'Your answers to assessment rounds are not included. They are stored apart from your name and email address, ' +
  'and nobody using Common Ground, including partnership admins, can see who gave which answer. The service can ' +
  'find a response again only through the personal link it emailed you, so that you can finish answering. ' +
  'When your account is deleted, or the partnership’s retention period ends, the email address on that ' +
  'invitation is removed and your answers can no longer be connected to you by anyone.';

export interface PersonalDataExport extends PersonalRecords {
  readonly format: 'common-ground-personal-data';
  readonly version: 1;
  readonly createdAt: string;
  readonly answers: string;
  readonly account: {
    readonly name: string;
    readonly email: string;
    readonly nationalAdmin: boolean;
    readonly hasPassword: boolean;
    readonly createdAt: string;
  };
}

/** Everything the service holds about the signed-in person, and nothing about anyone else. */
export async function downloadPersonalData(
  store: Store,
  clock: Clock,
  user: UserRecord,
): Promise<PersonalDataExport> {
  const records = await store.dataRights.personalRecords({
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
  });
  return {
    format: 'common-ground-personal-data',
    version: 1,
    createdAt: clock.now().toISOString(),
    answers: ANSWERS_NOT_INCLUDED,
    account: {
      name: user.displayName,
      email: user.email,
      nationalAdmin: user.isNationalAdmin,
      hasPassword: user.passwordHash !== null,
      createdAt: user.createdAt,
    },
    ...records,
    auditEntries: records.auditEntries.map((entry) => ({
      ...entry,
      subject: redactOtherEmails(entry.subject, user.email),
    })),
    emailsSent: records.emailsSent.map((email) => ({
      ...email,
      subject: redactOtherEmails(email.subject, user.email),
    })),
  };
}
