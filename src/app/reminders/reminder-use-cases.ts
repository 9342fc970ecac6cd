import {
  isReminderKind,
  reminderKindLabels,
  reminderKinds,
  type ReminderKind,
} from '../../domain/reminders/reminders.js';
import { ValidationError } from '../errors.js';
import type { Clock } from '../shared/system-ports.js';
import type { Store } from '../ports.js';
import type { UserRecord } from '../accounts/account-store.js';
import { readStopToken, type ReminderOwnerType } from './reminder-links.js';
import { runReminders, type ReminderCounts } from './run-reminders.js';

export interface ReminderPreference {
  readonly kind: ReminderKind;
  readonly label: string;
  readonly hint: string;
  readonly on: boolean;
}

export interface StopLinkView {
  readonly kind: ReminderKind;
  readonly label: string;
  readonly ownerType: ReminderOwnerType;
  /** True when this kind is already turned off for the owner. */
  readonly alreadyOff: boolean;
}

/** Reminders: the job, a signed-in person's choices, and the stop link in each email. */
export function reminderUseCases(deps: { store: Store; clock: Clock; baseUrl: string }) {
  const { store, clock } = deps;
  return {
    /** Sends every reminder due at `now` that has not been sent; counts per kind. */
    run: (now?: Date): Promise<ReminderCounts> => runReminders(deps, now),
    preferences: async (user: UserRecord): Promise<ReminderPreference[]> => {
      const off = await store.reminders.optedOut(user.id);
      return reminderKinds.map((kind) => ({ kind, ...reminderKindLabels[kind], on: !off.includes(kind) }));
    },
    /** Saves which kinds the person wants: every kind not in `receive` is turned off. */
    savePreferences: async (user: UserRecord, receive: readonly string[]): Promise<void> => {
      const unknown = receive.filter((kind) => !isReminderKind(kind));
      if (unknown.length > 0) throw new ValidationError({ receive: 'Select only the reminders listed' });
      const off = reminderKinds.filter((kind) => !receive.includes(kind));
      await store.transaction((tx) => tx.reminders.replaceOptOuts(user.id, off, clock.now().toISOString()));
    },
    describeStopLink: async (token: string): Promise<StopLinkView | undefined> => {
      const link = await readStopToken(store, token);
      if (!link) return undefined;
      const off = await store.reminders.optedOut(link.owner.id);
      return {
        kind: link.kind,
        label: reminderKindLabels[link.kind].label,
        ownerType: link.owner.type,
        alreadyOff: off.includes(link.kind),
      };
    },
    /** Turns off the kind the link names; undefined when the link is not one this service made. */
    stopFromLink: async (token: string): Promise<StopLinkView | undefined> => {
      const link = await readStopToken(store, token);
      if (!link) return undefined;
      await store.reminders.addOptOut(link.owner.id, link.kind, clock.now().toISOString());
      return {
        kind: link.kind,
        label: reminderKindLabels[link.kind].label,
        ownerType: link.owner.type,
        alreadyOff: true,
      };
    },
  };
}
