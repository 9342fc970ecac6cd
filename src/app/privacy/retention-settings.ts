import { z } from 'zod';
import {
  defaultRetentionPolicy,
  retentionMonthChoices,
  type RetentionPolicy,
} from '../../domain/privacy/retention.js';
import type { Clock } from '../shared/system-ports.js';
import type { Store } from '../ports.js';
import { recordAudit, type Actor } from '../shared/audit.js';

/** A partnership's retention setting, kept as JSON in the key/value settings under `retention:{id}`. */
export const retentionKey = (partnershipId: string) => `retention:${partnershipId}`;

const storedSchema = z.object({
  months: z.union([z.null(), ...retentionMonthChoices.map((m) => z.literal(m))]),
  removeComments: z.boolean(),
});

/** The form: "keep" or a number of months, and a checkbox. */
const formSchema = z.object({
  months: z.enum(['keep', ...retentionMonthChoices.map(String)] as [string, ...string[]], {
    error: 'Select how long to keep individual answers',
  }),
  removeComments: z.string().optional(),
});

export async function readRetention(store: Store, partnershipId: string): Promise<RetentionPolicy> {
  const text = await store.settings.get(retentionKey(partnershipId));
  if (!text) return defaultRetentionPolicy;
  try {
    const parsed = storedSchema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data as RetentionPolicy) : defaultRetentionPolicy;
  } catch {
    return defaultRetentionPolicy;
  }
}

export type SaveRetentionResult =
  | { readonly ok: true; readonly policy: RetentionPolicy }
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

/** Checks and saves the form; the change is in the audit log. */
export async function saveRetention(
  store: Store,
  clock: Clock,
  partnershipId: string,
  form: unknown,
  actor: Actor,
): Promise<SaveRetentionResult> {
  const parsed = formSchema.safeParse(form ?? {});
  if (!parsed.success) return { ok: false, errors: { months: 'Select how long to keep individual answers' } };
  const months = parsed.data.months === 'keep' ? null : Number(parsed.data.months);
  const policy = storedSchema.parse({ months, removeComments: parsed.data.removeComments === 'yes' });
  await store.transaction(async (trx) => {
    await trx.settings.set(retentionKey(partnershipId), JSON.stringify(policy));
    await recordAudit(trx, clock, {
      partnershipId,
      actor,
      action: 'retention-changed',
      subject:
        months === null ? 'Keep individual answers' : `Delete individual answers after ${months} months`,
    });
  });
  return { ok: true, policy: policy as RetentionPolicy };
}
